package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.e2e.support.Stack.unique;
import static shop.polyglot.stack.Zipkin.hex;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;
import shop.polyglot.stack.Zipkin;

/**
 * One request is one trace, across the CDC hop: a write through catalog-service with a caller's
 * {@code traceparent} is, in the stack's Zipkin, the catalog request span (a child of the caller's),
 * the JDBC statement that inserted its outbox row, and the projection that applied the event (a
 * consumer span descending from the request span, with its commit → consumed lag) around the store
 * write it made: the DynamoDB put for an order, the Elasticsearch bulk for a product (search writes a
 * batch of events in one bulk, which is in the trace of the batch's first event; every event of it
 * has its own consumer span in its own trace).
 */
class TracingTest {

    @Test
    void anOrderIsOneTraceFromTheCallerToItsFeedItem() {
        Product product = Catalog.createProduct("Traced " + unique("mug"), "Enamel", unique("Brand"), "12.00", List.of("kitchen"));
        UUID buyer = Catalog.register();
        String traceId = hex(16);
        String caller = hex(8);
        Stack.inTrace("00-" + traceId + "-" + caller + "-01", () -> Catalog.placeOrder(buyer, product, 1));

        List<Map<String, Object>> trace = Zipkin.awaitTrace(traceId, hasAll(catalogRequest("/api/orders"), TracingTest::isOutboxInsert,
                span("feed-service", "feed projection"), TracingTest::isDynamoDbPut));
        Map<String, Object> request = requestSpan(trace, caller, "/api/orders");
        assertDescends(trace, one(trace, TracingTest::isOutboxInsert), request);
        Map<String, Object> projection = one(trace, span("feed-service", "feed projection"));
        assertDescends(trace, projection, request);
        assertThat(Zipkin.tags(projection)).containsKey("shop.outbox.lag_ms").containsEntry("messaging.destination.name", "outbox.event.order");
        assertDescends(trace, one(trace, TracingTest::isDynamoDbPut), projection);
    }

    @Test
    void aProductUpdateIsOneTraceFromTheCallerToItsIndexing() {
        Product product = Catalog.createProduct("Traced " + unique("kettle"), "Whistling", unique("Brand"), "31.00", List.of("kitchen"));
        // indexed first, so the update is a batch of its own: a batch's bulk is in its first event's trace
        Views.awaitIndexed(product.id(), product.version());
        String traceId = hex(16);
        String caller = hex(8);
        Stack.inTrace("00-" + traceId + "-" + caller + "-01", () -> Catalog.updateProduct(product, "Traced " + unique("kettle"),
                "Louder", unique("Brand"), "33.00", List.of("kitchen")));

        // each service exports in its own batches: wait until every part has arrived
        List<Map<String, Object>> trace = Zipkin.awaitTrace(traceId, hasAll(catalogRequest("/api/products/{id}"),
                TracingTest::isOutboxInsert, span("search-service", "search projection"), span("search-service", "elasticsearch bulk")));
        Map<String, Object> request = requestSpan(trace, caller, "/api/products/{id}");
        assertDescends(trace, one(trace, TracingTest::isOutboxInsert), request);
        Map<String, Object> projection = one(trace, span("search-service", "search projection"));
        assertDescends(trace, projection, request);
        assertThat(Zipkin.tags(projection)).containsKey("shop.outbox.lag_ms");
        Map<String, Object> bulk = one(trace, span("search-service", "elasticsearch bulk"));
        assertDescends(trace, bulk, projection);
        assertThat(Zipkin.tags(bulk)).containsKey("elasticsearch.took_ms").containsEntry("db.operation.name", "bulk");
    }

    static Predicate<Map<String, Object>> catalogRequest(String route) {
        return s -> "catalog-service".equals(Zipkin.serviceName(s)) && "SERVER".equals(s.get("kind"))
                && route.equals(Zipkin.tags(s).get("http.route"));
    }

    /** catalog-service's server span for the route, the caller's span its parent. */
    static Map<String, Object> requestSpan(List<Map<String, Object>> trace, String caller, String route) {
        Map<String, Object> request = trace.stream().filter(catalogRequest(route))
                .findFirst().orElseThrow(() -> new AssertionError("no catalog-service span for " + route + ": " + trace));
        assertThat(request).containsEntry("parentId", caller);
        return request;
    }

    static void assertDescends(List<Map<String, Object>> trace, Map<String, Object> span, Map<String, Object> ancestor) {
        assertThat(Zipkin.ancestors(span, trace)).as("%s descends from %s", span.get("name"), ancestor.get("name"))
                .contains(ancestor.get("id"));
    }

    static Map<String, Object> one(List<Map<String, Object>> trace, Predicate<Map<String, Object>> which) {
        return trace.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such span in " + trace));
    }

    @SafeVarargs
    static Predicate<List<Map<String, Object>>> hasAll(Predicate<Map<String, Object>>... spans) {
        return trace -> java.util.Arrays.stream(spans).allMatch(which -> trace.stream().anyMatch(which));
    }

    static Predicate<Map<String, Object>> span(String service, String name) {
        return s -> service.equals(Zipkin.serviceName(s)) && name.equals(s.get("name"));
    }

    static boolean isOutboxInsert(Map<String, Object> span) {
        Map<String, String> tags = Zipkin.tags(span);
        String statement = tags.getOrDefault("db.query.text", tags.getOrDefault("db.statement", ""));
        return statement.toLowerCase().startsWith("insert into outbox");
    }

    static boolean isDynamoDbPut(Map<String, Object> span) {
        Map<String, String> tags = Zipkin.tags(span);
        return "feed-service".equals(Zipkin.serviceName(span)) && "DynamoDb".equalsIgnoreCase(tags.getOrDefault("rpc.service", ""))
                && "PutItem".equals(tags.get("rpc.method"));
    }
}
