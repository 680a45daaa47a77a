package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.stack.Zipkin.hex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Personas;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.Zipkin;

/**
 * The gateway starts or continues each request's trace (W3C trace context): without a valid
 * {@code traceparent} the trace id is the request id the client gets back in {@code X-Request-Id};
 * a caller's valid one is continued; a malformed or oversized one is dropped (a new trace), never an
 * error. Checked where an operator looks: the service's spans in the stack's Zipkin and the access logs.
 */
class TraceContextTest extends Personas {

    @Test
    void withoutATraceparentTheRequestIdFindsTheTrace() throws Exception {
        Response answer = customer.request().get("/api/users/" + customer.userId());
        assertThat(answer.statusCode()).isEqualTo(200);
        String requestId = answer.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");

        List<Map<String, Object>> trace = Zipkin.awaitTrace(requestId,
                spans -> Zipkin.has(spans, "catalog-service", "SERVER") && Zipkin.has(spans, "session-service", "SERVER"));
        assertThat(trace).filteredOn(span -> "catalog-service".equals(Zipkin.serviceName(span)) && "SERVER".equals(span.get("kind")))
                .singleElement().satisfies(span -> assertThat(Zipkin.tags(span)).containsEntry("http.route", "/api/users/{id}"));
        // the gateway's log and the service's carry the same id and trace
        assertThat(logLines("gateway-access.log", requestId)).singleElement().asString().contains("trace=" + requestId);
        assertThat(logLines("catalog-service-access.log", requestId)).singleElement().asString()
                .contains("rid=" + requestId, "trace=00-" + requestId + "-");
    }

    @Test
    void aCallersTraceparentIsContinuedWithItsTracestate() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        Response answer = customer.request().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .header("tracestate", "shop=1").get("/api/users/" + customer.userId());
        assertThat(answer.statusCode()).isEqualTo(200);

        List<Map<String, Object>> trace = Zipkin.awaitTrace(traceId, spans -> Zipkin.has(spans, "catalog-service", "SERVER"));
        assertThat(trace).filteredOn(span -> "catalog-service".equals(Zipkin.serviceName(span)) && "SERVER".equals(span.get("kind")))
                .singleElement().satisfies(span -> assertThat(span).containsEntry("parentId", callerSpan));
    }

    @Test
    void aMalformedOrOversizedTraceparentStartsANewTraceAndIsNoError() {
        for (String bad : List.of("garbage", "00-" + "0".repeat(32) + "-" + hex(8) + "-01", "00-" + hex(16).toUpperCase() + "-" + hex(8) + "-01",
                "01-" + hex(16) + "-" + hex(8) + "-01-extra", "00-" + hex(16) + "-" + hex(8) + "-01" + "a".repeat(6_000))) {
            Response answer = anonymous.request().header("traceparent", bad).header("tracestate", "=;=".repeat(300))
                    .get("/api/products?size=1");
            assertThat(answer.statusCode()).as(bad.substring(0, Math.min(bad.length(), 60))).isEqualTo(200);
            String requestId = answer.header("X-Request-Id");
            List<Map<String, Object>> trace = Zipkin.awaitTrace(requestId, spans -> Zipkin.has(spans, "catalog-service", "SERVER"));
            assertThat(trace).as("a new trace, named by the request id").isNotEmpty();
        }
    }

    /** The lines of a log of the stack (.state/logs) that name this request id. */
    static List<String> logLines(String file, String requestId) throws Exception {
        Path log = Path.of(LocalStack.env().get("STACK_STATE_DIR"), "logs", file);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            // access logs are written when the answer is done: a moment after the client has it
            List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains("rid=" + requestId)).toList();
            if (!lines.isEmpty() || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.sleep(100);
        }
    }
}
