package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.stack.Zipkin.hasAll;
import static shop.polyglot.stack.Zipkin.hex;
import static shop.polyglot.stack.Zipkin.named;
import static shop.polyglot.stack.Zipkin.one;
import static shop.polyglot.stack.Zipkin.server;
import static shop.polyglot.stack.Zipkin.statement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import shop.gateway.support.Gateway;
import shop.gateway.support.Personas;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.Zipkin;

/**
 * One request is one trace, across the CDC hop: an order placed and a product updated through 8080
 * with a caller's {@code traceparent} are each one trace in the stack's Zipkin, holding
 * catalog-service's request span (a child of the caller's), the JDBC statement that inserted the
 * outbox row, and the projection that applied the event — a consumer span descending from the
 * request span, with its commit → consumed lag — around the store write it made: feed-service's
 * DynamoDB PutItem for the order, search-service's Elasticsearch bulk for the product.
 */
class OneTraceTest extends Personas {

    static final Predicate<Map<String, Object>> OUTBOX_INSERT = statement("insert into outbox");
    static final Predicate<Map<String, Object>> DYNAMODB_PUT = span -> "feed-service".equals(Zipkin.serviceName(span))
            && "DynamoDb".equalsIgnoreCase(Zipkin.tags(span).getOrDefault("rpc.service", ""))
            && "PutItem".equals(Zipkin.tags(span).get("rpc.method"));

    @BeforeAll
    static void theProjectionsRun() {
        // besides what the gateway tests need: Debezium and the two projections
        LocalStack.up(Set.of("connect", "search-service", "feed-service"));
        LocalStack.registerOutboxConnector();
    }

    @Test
    void anOrderIsOneTraceFromTheCallerToItsFeedItem() {
        String product = createProduct();
        String traceId = hex(16);
        String caller = hex(8);
        customer.request().header("traceparent", "00-" + traceId + "-" + caller + "-01")
                .body(Map.of("userId", customer.userId(), "items", List.of(Map.of("productId", product, "quantity", 1))))
                .post("/api/orders").then().statusCode(201);

        Predicate<Map<String, Object>> request = server("catalog-service", "/api/orders");
        Predicate<Map<String, Object>> projection = named("feed-service", "feed projection");
        // each service exports in its own batches: wait until every part has arrived
        List<Map<String, Object>> trace = Zipkin.awaitTrace(traceId, hasAll(request, OUTBOX_INSERT, projection, DYNAMODB_PUT));
        assertThat(one(trace, request)).containsEntry("parentId", caller);
        assertDescends(trace, OUTBOX_INSERT, request);
        assertDescends(trace, projection, request);
        assertThat(Zipkin.tags(one(trace, projection))).containsKey("shop.outbox.queued_ms")
                .containsEntry("messaging.destination.name", "outbox.event.order");
        assertDescends(trace, DYNAMODB_PUT, projection);
    }

    @Test
    void aProductUpdateIsOneTraceFromTheCallerToItsIndexing() {
        String product = createProduct();
        // indexed first, so the update is a batch of its own: a batch's bulk is in its first event's trace
        awaitIndexed(product);
        String traceId = hex(16);
        String caller = hex(8);
        admin.request().header("traceparent", "00-" + traceId + "-" + caller + "-01")
                .body(productBody("Louder kettle")).put("/api/products/" + product).then().statusCode(200);

        Predicate<Map<String, Object>> request = server("catalog-service", "/api/products/{id}");
        Predicate<Map<String, Object>> projection = named("search-service", "search projection");
        Predicate<Map<String, Object>> bulk = named("search-service", "elasticsearch bulk");
        List<Map<String, Object>> trace = Zipkin.awaitTrace(traceId, hasAll(request, OUTBOX_INSERT, projection, bulk));
        assertThat(one(trace, request)).containsEntry("parentId", caller);
        assertDescends(trace, OUTBOX_INSERT, request);
        assertDescends(trace, projection, request);
        assertThat(Zipkin.tags(one(trace, projection))).containsKey("shop.outbox.queued_ms");
        assertDescends(trace, bulk, projection);
        assertThat(Zipkin.tags(one(trace, bulk))).containsKey("elasticsearch.took_ms").containsEntry("db.operation.name", "bulk");
    }

    String createProduct() {
        return admin.request().body(productBody("Whistling kettle")).post("/api/products").then().statusCode(201)
                .extract().path("id");
    }

    Map<String, Object> productBody(String name) {
        return Map.of("sku", Gateway.unique("TRACE"), "name", name, "description", "traced", "brand", "Acme",
                "price", new java.math.BigDecimal("31.00"), "currency", "USD", "stock", 100, "tags", List.of("kitchen"));
    }

    static void awaitIndexed(String product) {
        String search = "http://127.0.0.1:" + LocalStack.env().get("STACK_SEARCH_PORT");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RestAssured.given().baseUri(search).get("/api/search/products/" + product).statusCode() != 200) {
            assertThat(System.nanoTime()).as("product %s indexed within 30 s", product).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void assertDescends(List<Map<String, Object>> trace, Predicate<Map<String, Object>> span,
            Predicate<Map<String, Object>> ancestor) {
        Map<String, Object> descendant = one(trace, span);
        Map<String, Object> above = one(trace, ancestor);
        assertThat(Zipkin.ancestors(descendant, trace)).as("%s descends from %s", descendant.get("name"), above.get("name"))
                .contains(above.get("id"));
    }
}
