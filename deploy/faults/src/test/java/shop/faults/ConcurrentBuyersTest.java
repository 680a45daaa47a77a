package shop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.report.FaultReport;
import shop.faults.stack.Stack;

/**
 * Scenario 7 of issue 11: 100 buyers at once for the last 10 units (10 orders, none oversold), and
 * one Idempotency-Key sent 20 times at once (one order). Orders go straight to catalog-service with
 * the identity headers the gateway sets, so that 100 buyers need no 100 sign-ins (bcrypt) first.
 */
class ConcurrentBuyersTest {

    private static final int BUYERS = 100;
    private static final int UNITS = 10;
    private static final int REPEATS = 20;

    private final String catalog = Stack.service("catalog-service");
    private final Identity admin = Personas.admin();

    @Test
    void hundredBuyersForTheLastTenUnitsGetTenOrdersAndNothingIsOversold() throws Exception {
        String productId = product(UNITS);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(Json.post(catalog + "/api/users", Map.of(), Map.of("email", "buyer-" + UUID.randomUUID()
                    + "@shop.test", "name", "Concurrent buyer", "password", "faults-buyer-password"), 201)
                    .path("id").asText());
        }

        List<HttpResponse<String>> answers = atOnce(buyers.size(), i -> Json.exchange("POST", catalog + "/api/orders",
                Map.of("X-User-Id", buyers.get(i), "X-User-Roles", "customer"), Map.of("userId", buyers.get(i),
                        "items", List.of(Map.of("productId", productId, "quantity", 1)))));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        JsonNode product = Json.get(catalog + "/api/products/" + productId, Map.of(), 200);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("buyers", BUYERS);
        figures.put("units", UNITS);
        figures.put("byStatus", byStatus);
        figures.put("stockAfter", product.path("stock").asInt());
        FaultReport.write("concurrent-buyers", figures, "| buyers | units | answers | stock after |\n| --- | --- | --- | --- |\n| "
                + BUYERS + " | " + UNITS + " | " + byStatus + " | " + product.path("stock").asInt() + " |\n");

        assertThat(byStatus).containsEntry(201, (long) UNITS).containsEntry(409, (long) (BUYERS - UNITS))
                .hasSize(2);
        assertThat(product.path("stock").asInt()).isZero();
        long ordered = buyers.stream().mapToLong(buyer -> Json.get(catalog + "/api/users/" + buyer + "/orders",
                Map.of("X-User-Id", buyer, "X-User-Roles", "customer"), 200).size()).sum();
        assertThat(ordered).as("orders in PostgreSQL").isEqualTo(UNITS);
    }

    @Test
    void oneIdempotencyKeySentTwentyTimesAtOncePlacesOneOrder() throws Exception {
        String productId = product(100);
        String buyer = Json.post(catalog + "/api/users", Map.of(), Map.of("email", "idem-" + UUID.randomUUID()
                + "@shop.test", "name", "Idempotent buyer", "password", "faults-buyer-password"), 201).path("id").asText();
        String key = "faults-" + UUID.randomUUID();
        Map<String, Object> order = Map.of("userId", buyer, "items", List.of(Map.of("productId", productId, "quantity", 2)));

        List<HttpResponse<String>> answers = atOnce(REPEATS, i -> Json.exchange("POST", catalog + "/api/orders",
                Map.of("X-User-Id", buyer, "X-User-Roles", "customer", "Idempotency-Key", key), order));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        Set<String> orderIds = answers.stream().filter(answer -> answer.statusCode() == 201)
                .map(answer -> read(answer.body()).path("id").asText()).collect(Collectors.toSet());
        JsonNode orders = Json.get(catalog + "/api/users/" + buyer + "/orders",
                Map.of("X-User-Id", buyer, "X-User-Roles", "customer"), 200);
        int stock = Json.get(catalog + "/api/products/" + productId, Map.of(), 200).path("stock").asInt();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("repeats", REPEATS);
        figures.put("byStatus", byStatus);
        figures.put("distinctOrderIdsAnswered", orderIds.size());
        figures.put("ordersStored", orders.size());
        figures.put("stockAfter", stock);
        FaultReport.write("idempotency-key", figures, "| same key sent at once | answers | order ids answered | orders stored | stock 100 → |\n"
                + "| --- | --- | --- | --- | --- |\n| " + REPEATS + " | " + byStatus + " | " + orderIds.size() + " | "
                + orders.size() + " | " + stock + " |\n");

        assertThat(orders.size()).as("orders stored").isEqualTo(1);
        assertThat(stock).isEqualTo(98);
        assertThat(orderIds).hasSize(1);
        // the first answer, replayed; one still in flight is a 409 "in progress, retry" (the catalog's rule)
        assertThat(byStatus.keySet()).isSubsetOf(201, 409);
    }

    private String product(int stock) {
        return Json.post(Stack.gateway() + "/api/products", admin.gatewayHeaders(), Map.of("sku", "CB-"
                + UUID.randomUUID().toString().substring(0, 13), "name", "Last units", "price", 25.0, "stock", stock), 201)
                .path("id").asText();
    }

    private static List<HttpResponse<String>> atOnce(int count, java.util.function.IntFunction<HttpResponse<String>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                pending.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
