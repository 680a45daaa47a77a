package shop.catalog.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.customer;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class OrderResourceTest {

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("order", "product");
    }

    @AfterEach
    void close() {
        events.close();
    }

    static Map<String, Object> order(UUID userId, UUID productId, int quantity) {
        return Map.of("userId", userId.toString(), "items", List.of(Map.of("productId", productId.toString(), "quantity", quantity)));
    }

    private static int stockOf(UUID productId) {
        return anonymous().get("/api/products/" + productId).then().extract().path("stock");
    }

    @Test
    void placingAnOrderReadsPricesDecrementsStockAndPublishesOrderPlaced() {
        UUID buyer = customer();
        UUID headphones = product("49.50", 5);
        UUID cable = product("5.25", 10);
        Map<String, Object> body = Map.of("userId", buyer.toString(), "items", List.of(
                Map.of("productId", headphones.toString(), "quantity", 2),
                Map.of("productId", cable.toString(), "quantity", 1)));

        String orderId = as(buyer).body(body).post("/api/orders").then().statusCode(201)
                .body("userId", equalTo(buyer.toString()))
                .body("status", equalTo("PENDING"))
                .body("items", hasSize(2))
                .body("items.find { it.productId == '" + headphones + "' }.unitPrice", equalTo(49.50f))
                .body("items.find { it.productId == '" + headphones + "' }.quantity", equalTo(2))
                .body("total", equalTo(104.25f))
                .body("currency", equalTo("USD"))
                .extract().path("id");

        assertThat(stockOf(headphones)).isEqualTo(3);
        assertThat(stockOf(cable)).isEqualTo(9);
        var seen = events.until(orderId, "order.placed", 1);
        assertThat(seen).hasSize(1);
        var data = seen.get(0).data();
        assertThat(data.path("userId").asText()).isEqualTo(buyer.toString());
        assertThat(data.path("total").decimalValue()).isEqualByComparingTo("104.25");
        assertThat(data.path("status").asText()).isEqualTo("PENDING");
        assertThat(data.path("items").findValuesAsText("name")).hasSize(2);
        // the stock change is a product write too: version 2, product.updated
        assertThat(events.until(headphones, "product.updated", 2)).extracting(OutboxEvents.Event::type)
                .containsExactly("product.created", "product.updated");
    }

    @Test
    void shortStockIs409AndChangesNothing() {
        UUID buyer = customer();
        UUID scarce = product("10.00", 2);
        as(buyer).body(order(buyer, scarce, 3)).post("/api/orders").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(problemType("conflict")));
        assertThat(stockOf(scarce)).isEqualTo(2);
        as(buyer).body(order(buyer, scarce, 2)).post("/api/orders").then().statusCode(201);
        // the failed order published nothing: the product went from version 1 straight to 2
        assertThat(events.until(scarce, "product.updated", 2)).extracting(OutboxEvents.Event::version)
                .containsExactly(1L, 2L);
        as(buyer).get("/api/users/" + buyer + "/orders").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void unknownProductOrUserIs422() {
        UUID buyer = customer();
        as(buyer).body(order(buyer, UUID.randomUUID(), 1)).post("/api/orders").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(problemType("refused")));
        UUID ghost = UUID.randomUUID();
        asAdmin().body(order(ghost, product("1.00", 1), 1)).post("/api/orders").then().statusCode(422)
                .body("type", equalTo(problemType("refused")));
    }

    @Test
    void fiftyConcurrentBuyersOfTheLastTenUnitsNeverOversell() throws Exception {
        UUID lastUnits = product("3.00", 10);
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(customer());
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> attempts = buyers.stream().<Callable<Integer>>map(buyer -> () ->
                    as(buyer).body(order(buyer, lastUnits, 1)).post("/api/orders").statusCode()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> attempt : pool.invokeAll(attempts)) {
                statuses.add(attempt.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stockOf(lastUnits)).isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyReplaysTheFirstResponseAndChangesNothing() {
        UUID buyer = customer();
        UUID item = product("7.00", 5);
        String key = UUID.randomUUID().toString();
        Response first = as(buyer).header("Idempotency-Key", key).body(order(buyer, item, 2)).post("/api/orders");
        first.then().statusCode(201);
        Response again = as(buyer).header("Idempotency-Key", key).body(order(buyer, item, 2)).post("/api/orders");
        again.then().statusCode(201);

        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(stockOf(item)).isEqualTo(3);
        as(buyer).get("/api/users/" + buyer + "/orders").then().body("", hasSize(1));

        as(buyer).header("Idempotency-Key", key).body(order(buyer, item, 1)).post("/api/orders").then()
                .statusCode(422).contentType("application/problem+json").body("type", equalTo(problemType("refused")));
        assertThat(stockOf(item)).isEqualTo(3);
    }

    @Test
    void concurrentDuplicatesWithOneIdempotencyKeyCreateOneOrder() throws Exception {
        UUID buyer = customer();
        UUID item = product("2.00", 100);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> as(buyer).header("Idempotency-Key", key).body(order(buyer, item, 1))
                        .post("/api/orders").then().statusCode(201).extract().path("id"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> attempt : pool.invokeAll(attempts)) {
                ids.add(attempt.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(stockOf(item)).isEqualTo(99);
        as(buyer).get("/api/users/" + buyer + "/orders").then().body("", hasSize(1));
    }

    @Test
    void ordersAreTheirOwnersOrAnAdmins() {
        UUID owner = customer();
        UUID other = customer();
        String orderId = as(owner).body(order(owner, product("1.00", 1), 1)).post("/api/orders").then()
                .statusCode(201).extract().path("id");

        as(owner).get("/api/orders/" + orderId).then().statusCode(200).body("id", equalTo(orderId));
        asAdmin().get("/api/orders/" + orderId).then().statusCode(200);
        as(other).get("/api/orders/" + orderId).then().statusCode(404).body("type", equalTo(problemType("not-found")));
        anonymous().get("/api/orders/" + orderId).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(problemType("not-signed-in")));
        as(other).get("/api/users/" + owner + "/orders").then().statusCode(404);
        asAdmin().get("/api/users/" + owner + "/orders").then().statusCode(200).body("", hasSize(1));
        as(other).post("/api/orders/" + orderId + "/cancel").then().statusCode(404);
        // placing an order in another user's name is for admins only
        as(other).body(order(owner, product("1.00", 1), 1)).post("/api/orders").then().statusCode(403)
                .body("type", equalTo(problemType("forbidden")));
        anonymous().body(order(owner, product("1.00", 1), 1)).post("/api/orders").then().statusCode(401)
                .body("type", equalTo(problemType("not-signed-in")));
    }

    @Test
    void cancellingAPendingOrderRestoresStockAndPublishesOrderCancelled() {
        UUID buyer = customer();
        UUID item = product("4.00", 5);
        String orderId = as(buyer).body(order(buyer, item, 3)).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        assertThat(stockOf(item)).isEqualTo(2);

        as(buyer).post("/api/orders/" + orderId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(stockOf(item)).isEqualTo(5);
        as(buyer).post("/api/orders/" + orderId + "/cancel").then().statusCode(422)
                .body("type", equalTo(problemType("refused")));
        as(buyer).get("/api/orders/" + orderId).then().body("status", equalTo("CANCELLED"));

        assertThat(events.until(orderId, "order.cancelled", 2)).extracting(OutboxEvents.Event::type)
                .containsExactly("order.placed", "order.cancelled");
    }

    @Test
    void payingTheTotalMakesTheOrderPaidAndPublishesOrderPaid() {
        UUID buyer = customer();
        String orderId = as(buyer).body(order(buyer, product("12.50", 5), 2)).post("/api/orders").then()
                .statusCode(201).extract().path("id");

        as(buyer).body(Map.of("amount", new BigDecimal("24.99"), "method", "card"))
                .post("/api/orders/" + orderId + "/payments").then().statusCode(422)
                .body("type", equalTo(problemType("refused")));
        as(buyer).body(Map.of("amount", new BigDecimal("25.00"), "method", "card"))
                .post("/api/orders/" + orderId + "/payments").then().statusCode(201)
                .body("orderId", equalTo(orderId))
                .body("amount", equalTo(25.00f))
                .body("status", equalTo("SUCCEEDED"));
        as(buyer).get("/api/orders/" + orderId).then().body("status", equalTo("PAID"));
        // paid: neither paid again nor cancelled
        as(buyer).body(Map.of("amount", new BigDecimal("25.00"), "method", "card"))
                .post("/api/orders/" + orderId + "/payments").then().statusCode(422);
        as(buyer).post("/api/orders/" + orderId + "/cancel").then().statusCode(422);

        var seen = events.until(orderId, "order.paid", 2);
        assertThat(seen).extracting(OutboxEvents.Event::type).containsExactly("order.placed", "order.paid");
        // the one order shape of every order.* event, with the payment beside the order's fields
        var paid = seen.get(1).data();
        assertThat(paid.path("id").asText()).isEqualTo(orderId);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("payment").path("amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(paid.path("payment").path("orderId").asText()).isEqualTo(orderId);
        assertThat(seen.get(0).data().has("payment")).isFalse();
    }

    @Test
    void aRepeatedPaymentWithTheSameIdempotencyKeyReplaysTheFirst() {
        UUID buyer = customer();
        String orderId = as(buyer).body(order(buyer, product("3.00", 5), 1)).post("/api/orders").then()
                .statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> payment = Map.of("amount", new BigDecimal("3.00"), "method", "card");
        String first = as(buyer).header("Idempotency-Key", key).body(payment)
                .post("/api/orders/" + orderId + "/payments").then().statusCode(201).extract().path("id");
        as(buyer).header("Idempotency-Key", key).body(payment).post("/api/orders/" + orderId + "/payments").then()
                .statusCode(201).body("id", equalTo(first));
        as(buyer).header("Idempotency-Key", key).body(Map.of("amount", new BigDecimal("3.00"), "method", "paypal"))
                .post("/api/orders/" + orderId + "/payments").then().statusCode(422);
    }

    @Test
    void paymentsOfAnotherUsersOrderAre404() {
        UUID owner = customer();
        String orderId = as(owner).body(order(owner, product("3.00", 5), 1)).post("/api/orders").then()
                .statusCode(201).extract().path("id");
        as(customer()).body(Map.of("amount", new BigDecimal("3.00"), "method", "card"))
                .post("/api/orders/" + orderId + "/payments").then().statusCode(404)
                .body("type", equalTo(problemType("not-found")));
        as(owner).get("/api/orders/" + orderId).then().body("status", equalTo("PENDING"));
    }
}
