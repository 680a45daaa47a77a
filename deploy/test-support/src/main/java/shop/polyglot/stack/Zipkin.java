package shop.polyglot.stack;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The local stack's Zipkin, as tests read it: a trace's spans (Zipkin v2 JSON: {@code id},
 * {@code parentId}, {@code kind}, {@code localEndpoint.serviceName}, {@code tags}) and what links them.
 */
public final class Zipkin {

    /** Services export in batches, every few seconds: how long a trace may take to be complete. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Zipkin() {
    }

    public static String baseUri() {
        return "http://127.0.0.1:" + LocalStack.env().get("STACK_ZIPKIN_PORT");
    }

    /** The trace's spans once {@code complete} holds; fails with what Zipkin had after {@link #PATIENCE}. */
    public static List<Map<String, Object>> awaitTrace(String traceId, Predicate<List<Map<String, Object>>> complete) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Map<String, Object>> spans = List.of();
        while (true) {
            Response answer = given().baseUri(baseUri()).get("/api/v2/trace/" + traceId);
            spans = answer.statusCode() == 200 ? JsonPath.from(answer.asString()).getList("$") : List.of();
            if (complete.test(spans)) {
                return spans;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("trace " + traceId + " not complete in Zipkin after " + PATIENCE.toSeconds() + " s: " + spans);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for trace " + traceId, e);
            }
        }
    }

    /** That service's server span for that route ({@code http.route}, e.g. {@code /api/products/{id}}). */
    public static Predicate<Map<String, Object>> server(String service, String route) {
        return span -> service.equals(serviceName(span)) && "SERVER".equals(span.get("kind"))
                && route.equals(tags(span).get("http.route"));
    }

    /** That service's span of that name (Zipkin keeps names lower-case). */
    public static Predicate<Map<String, Object>> named(String service, String name) {
        return span -> service.equals(serviceName(span)) && name.equals(span.get("name"));
    }

    /** A JDBC span whose statement starts so (case aside): {@code insert into outbox}. */
    public static Predicate<Map<String, Object>> statement(String prefix) {
        return span -> {
            Map<String, String> tags = tags(span);
            return tags.getOrDefault("db.query.text", tags.getOrDefault("db.statement", "")).toLowerCase()
                    .startsWith(prefix.toLowerCase());
        };
    }

    /** True once the trace holds a span of each kind asked for. */
    @SafeVarargs
    public static Predicate<List<Map<String, Object>>> hasAll(Predicate<Map<String, Object>>... spans) {
        return trace -> java.util.Arrays.stream(spans).allMatch(which -> trace.stream().anyMatch(which));
    }

    /** The one span of the trace that matches (the first, if several do). */
    public static Map<String, Object> one(List<Map<String, Object>> trace, Predicate<Map<String, Object>> which) {
        return trace.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such span in " + trace));
    }

    /** A span of that service and kind (SERVER, CLIENT, PRODUCER, CONSUMER) in the trace, if any. */
    public static boolean has(List<Map<String, Object>> trace, String service, String kind) {
        return trace.stream().anyMatch(span -> service.equals(serviceName(span)) && kind.equals(span.get("kind")));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> tags(Map<String, Object> span) {
        return (Map<String, String>) span.getOrDefault("tags", Map.of());
    }

    @SuppressWarnings("unchecked")
    public static String serviceName(Map<String, Object> span) {
        Object endpoint = span.get("localEndpoint");
        return endpoint instanceof Map<?, ?> e ? String.valueOf(((Map<String, Object>) e).get("serviceName")) : null;
    }

    /** The ids of the span's parent, its parent's parent, ... as far as the trace holds them. */
    public static List<Object> ancestors(Map<String, Object> span, List<Map<String, Object>> trace) {
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        trace.forEach(s -> byId.put(s.get("id"), s));
        List<Object> ancestors = new ArrayList<>();
        for (Object parent = span.get("parentId"); parent != null && !ancestors.contains(parent);
                parent = byId.containsKey(parent) ? byId.get(parent).get("parentId") : null) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    /** Random lowercase hex of that many bytes: 16 for a trace id, 8 for a span id. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
