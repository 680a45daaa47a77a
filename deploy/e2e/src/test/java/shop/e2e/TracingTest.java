package shop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.e2e.support.Stack.unique;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.restassured.common.mapper.TypeRef;
import shop.e2e.support.Catalog;
import shop.e2e.support.Stack;

/**
 * The stack's services send their spans to the stack's Zipkin: a product written through
 * catalog-service with a caller's {@code traceparent} is one trace there, its HTTP server span a
 * child of the caller's span and the JDBC statement that inserted the outbox row a descendant of it.
 */
class TracingTest {

    @Test
    void aWriteIsOneTraceFromTheCallersSpanToItsOutboxInsert() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        Catalog.createProductInTrace("00-" + traceId + "-" + callerSpan + "-01", "Traced " + unique("kettle"), "Whistling",
                unique("Brand"), "31.00", List.of("kitchen"));

        List<Map<String, Object>> spans = awaitTrace(traceId, trace -> trace.stream().anyMatch(TracingTest::isOutboxInsert));
        Map<String, Object> server = spans.stream()
                .filter(s -> "SERVER".equals(s.get("kind")) && callerSpan.equals(s.get("parentId")))
                .findFirst().orElseThrow(() -> new AssertionError("no server span under the caller's span: " + spans));
        assertThat(serviceOf(server)).isEqualTo("catalog-service");
        assertThat(tags(server)).containsEntry("http.request.method", "POST").containsEntry("http.route", "/api/products");
        Map<String, Object> insert = spans.stream().filter(TracingTest::isOutboxInsert).findFirst().orElseThrow();
        assertThat(ancestors(insert, spans)).as("the outbox insert descends from the request's span").contains(server.get("id"));
    }

    static boolean isOutboxInsert(Map<String, Object> span) {
        String statement = String.valueOf(tags(span).getOrDefault("db.query.text", tags(span).getOrDefault("db.statement", "")));
        return statement.toLowerCase().startsWith("insert into outbox");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> tags(Map<String, Object> span) {
        return (Map<String, String>) span.getOrDefault("tags", Map.of());
    }

    @SuppressWarnings("unchecked")
    static String serviceOf(Map<String, Object> span) {
        return String.valueOf(((Map<String, Object>) span.get("localEndpoint")).get("serviceName"));
    }

    static List<Object> ancestors(Map<String, Object> span, List<Map<String, Object>> trace) {
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        trace.forEach(s -> byId.put(s.get("id"), s));
        List<Object> ancestors = new java.util.ArrayList<>();
        for (Object parent = span.get("parentId"); parent != null && byId.containsKey(parent); parent = byId.get(parent).get("parentId")) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    /** The trace's spans once {@code complete} holds: the services export in batches, every few seconds. */
    static List<Map<String, Object>> awaitTrace(String traceId, java.util.function.Predicate<List<Map<String, Object>>> complete) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var answer = given().baseUri(Stack.zipkin()).get("/api/v2/trace/" + traceId);
            return answer.statusCode() == 200 ? answer.as(new TypeRef<List<Map<String, Object>>>() { }) : List.<Map<String, Object>>of();
        }, complete);
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
