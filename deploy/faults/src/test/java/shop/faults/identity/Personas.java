package shop.faults.identity;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.stack.Stack;

/**
 * The six callers of the authorization matrix, made for real on the running stack: customers
 * register and sign in through the gateway, the admin signs in with the stack's account, the
 * expired token is a one-second session made at session-service (internal, never routed) and
 * waited out, the forged token has a real token's shape and was never issued.
 */
public final class Personas {

    private static final String ADMIN_EMAIL = "admin@shop.local";
    private static final String ADMIN_PASSWORD = "admin-local-only";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Personas() {
    }

    public static Identity anonymous() {
        return new Identity("anonymous", null, null, null, address());
    }

    public static Identity admin() {
        return signIn("admin", ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public static Identity newCustomer(String name) {
        String email = "faults-" + UUID.randomUUID() + "@shop.test";
        String password = "faults-correct-horse";
        JsonNode created = Json.post(Stack.gateway() + "/api/users", Map.of("X-Forwarded-For", address()),
                Map.of("email", email, "name", "Fault suite " + name, "password", password), 201);
        return signIn(name, created.path("email").asText(email), password);
    }

    public static Identity signIn(String name, String email, String password) {
        JsonNode login = Json.post(Stack.gateway() + "/api/auth/login", Map.of("X-Forwarded-For", address()),
                Map.of("email", email, "password", password), 200);
        String userId = login.path("userId").asText();
        String roles = name.equals("admin") ? "admin" : "customer";
        return new Identity(name, userId, roles, login.path("token").asText(), address());
    }

    /** A real session of {@code owner}'s that has run out: made with a one-second TTL and waited out. */
    public static Identity expired(Identity owner) {
        String sessions = Stack.service("session-service");
        JsonNode session = Json.post(sessions + "/api/sessions", Map.of(),
                Map.of("userId", owner.userId(), "roles", java.util.List.of("customer"), "ttlSeconds", 1), 201);
        String token = session.path("token").asText();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Json.exchange("GET", sessions + "/api/sessions/introspect",
                        Map.of("Authorization", "Bearer " + token), null).statusCode() == 401);
        return new Identity("expired token", owner.userId(), "customer", token, address());
    }

    /** A token of the real shape (256 bits, base64url) that session-service never issued. */
    public static Identity forged() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        return new Identity("forged token", null, null, token, address());
    }

    /** A client address of its own, so each persona has its own rate budget at the gateway. */
    public static String address() {
        int n = ADDRESSES.incrementAndGet();
        // 203.0.113.0/24 (TEST-NET-3) and the next ranges: never a real client
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }
}
