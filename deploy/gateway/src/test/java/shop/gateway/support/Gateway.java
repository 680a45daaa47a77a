package shop.gateway.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
            List.of("catalog-service", "session-service", "leaderboard-service", "gateway"));

    /** Statuses and types of the gateway's own decisions ({@code routes.tsv} access, limits). */
    private static final String GATEWAY_PROBLEMS = "https://polyglot-shop.local/problems/gateway/";

    private static String baseUri;

    private Gateway() {
    }

    public static synchronized String baseUri() {
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

    /** The gateway itself answered with this problem: {@code kind} is the last part of its type. */
    public static void assertGatewayProblem(Response response, int status, String kind) {
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(GATEWAY_PROBLEMS + kind);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    /**
     * The gateway let the request through to its service: the answer is the service's own, or the
     * gateway saying the service did not answer (502/504) — never one of its access decisions.
     */
    public static void assertForwarded(Response response) {
        String type = typeOf(response);
        if (type != null && type.startsWith(GATEWAY_PROBLEMS)) {
            assertThat(type).as(describe(response))
                    .isIn(GATEWAY_PROBLEMS + "upstream-unavailable", GATEWAY_PROBLEMS + "upstream-timeout");
        }
    }

    public static String describe(Response response) {
        return response.statusCode() + " " + response.contentType() + " " + response.asString();
    }

    private static String typeOf(Response response) {
        String contentType = response.contentType();
        if (contentType == null || !contentType.contains("json") || response.asString().isBlank()) {
            return null;
        }
        Object type = response.jsonPath().get("type");
        return type instanceof String s ? s : null;
    }
}
