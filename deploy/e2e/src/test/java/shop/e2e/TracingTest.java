package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.e2e.support.Stack.unique;
import static shop.polyglot.stack.Zipkin.hex;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.polyglot.stack.Zipkin;

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

        List<Map<String, Object>> spans = Zipkin.awaitTrace(traceId, trace -> trace.stream().anyMatch(TracingTest::isOutboxInsert));
        Map<String, Object> server = spans.stream()
                .filter(s -> "SERVER".equals(s.get("kind")) && callerSpan.equals(s.get("parentId")))
                .findFirst().orElseThrow(() -> new AssertionError("no server span under the caller's span: " + spans));
        assertThat(Zipkin.serviceName(server)).isEqualTo("catalog-service");
        assertThat(Zipkin.tags(server)).containsEntry("http.request.method", "POST").containsEntry("http.route", "/api/products");
        Map<String, Object> insert = spans.stream().filter(TracingTest::isOutboxInsert).findFirst().orElseThrow();
        assertThat(Zipkin.ancestors(insert, spans)).as("the outbox insert descends from the request's span").contains(server.get("id"));
    }

    static boolean isOutboxInsert(Map<String, Object> span) {
        Map<String, String> tags = Zipkin.tags(span);
        String statement = tags.getOrDefault("db.query.text", tags.getOrDefault("db.statement", ""));
        return statement.toLowerCase().startsWith("insert into outbox");
    }
}
