package shop.gateway.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import shop.kit.problem.ProblemType;
import shop.polyglot.stack.LocalStack;

/**
 * The gateway on the local stack, as clients see it: every request goes to
 * {@code http://127.0.0.1:$STACK_GATEWAY_PORT}, never to a service directly.
 *
 * <p>Each client sends its own {@code X-Forwarded-For} (the stack trusts it from 127.0.0.1, as
 * from a load balancer): the gateway limits each client's rate, so test clients must not share
 * one budget with each other or with a rate-limit test running meanwhile.
 */
public final class Gateway {

    /**
     * What the gateway needs: session-service for introspection, catalog-service for users and
     * logins, leaderboard-service. Search, media and feed are not started here: for their routes the
     * tests check the gateway's decision (forwarded or not), which holds whether the service
     * answers or the gateway reports it unavailable.
     */
    private static final Set<String> COMPONENTS = new LinkedHashSet<>(
            List.of("zipkin", "catalog-service", "session-service", "leaderboard-service", "gateway"));

    /** The one problem type scheme of the gateway and every service (service-kit's ProblemType). */
    private static final String PROBLEMS = "https://polyglot-shop.dev/problems/";

    private static String baseUri;

    private Gateway() {
    }

    /**
     * The local stack's gateway, started if needed; or the one system property {@code gateway.url}
     * names (a second gateway rendered from this checkout, say), which is then used as it is.
     */
    public static synchronized String baseUri() {
        String given = System.getProperty("gateway.url", "");
        if (baseUri == null && !given.isBlank()) {
            baseUri = given;
        }
        if (baseUri == null) {
            LocalStack.up(COMPONENTS);
            Map<String, String> env = LocalStack.env();
            baseUri = "http://127.0.0.1:" + env.get("STACK_GATEWAY_PORT");
        }
        return baseUri;
    }

    /** A request from a client of its own (its own address, so its own rate budget). */
    public static RequestSpecification client(String address) {
        return given().baseUri(baseUri()).header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A fresh client address (TEST-NET-2, 198.51.100.0/24, and neighbours: never a real client). */
    public static String newClientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * The gateway itself answered with this problem ({@code answeredBy: gateway}): {@code kind} is
     * the last part of its type, and the title is the one every service gives that type.
     */
    public static void assertGatewayProblem(Response response, int status, String kind) {
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(describe(response)).isEqualTo(PROBLEMS + kind);
        assertThat(response.jsonPath().getString("answeredBy")).as(describe(response)).isEqualTo("gateway");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem type " + kind + " in service-kit's ProblemType"));
        assertThat(response.jsonPath().getString("title")).isEqualTo(type.title());
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.jsonPath().getString("instance")).startsWith("/");
    }

    /**
     * The gateway let the request through to its service: the answer is the service's own, or the
     * gateway saying the service did not answer (502/504) — never one of its access decisions.
     */
    public static void assertForwarded(Response response) {
        if ("gateway".equals(field(response, "answeredBy"))) {
            assertThat(field(response, "type")).as(describe(response))
                    .isIn(PROBLEMS + "bad-gateway", PROBLEMS + "gateway-timeout");
        }
    }

    public static String describe(Response response) {
        return response.statusCode() + " " + response.contentType() + " " + response.asString();
    }

    private static String field(Response response, String name) {
        String contentType = response.contentType();
        if (contentType == null || !contentType.contains("json") || !response.asString().strip().startsWith("{")) {
            return null;
        }
        Object value = response.jsonPath().get(name);
        return value instanceof String s ? s : null;
    }
}
