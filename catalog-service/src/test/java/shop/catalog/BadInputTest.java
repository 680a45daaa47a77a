package shop.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.customer;
import static shop.catalog.support.Shop.product;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.productBody;
import static shop.catalog.support.Shop.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

/** Bad input anywhere is a problem+json 4xx, never a 500 or a stack trace, and changes nothing. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class BadInputTest {

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("product", "order");
    }

    @AfterEach
    void close() {
        events.close();
    }

    /** The kind of problem each status here stands for. */
    private static final Map<Integer, String> KINDS = Map.of(400, "invalid-input", 404, "not-found", 413, "too-large",
            415, "unsupported-media-type");

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo(problemType(KINDS.get(status))))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static Map<String, Object> productWith(String sku, String field, Object value) {
        Map<String, Object> body = new HashMap<>(productBody(sku, "10.00", 1));
        body.put(field, value);
        return body;
    }

    @Test
    void invalidProductsAre400NamingTheFieldAndPublishNothing() {
        String sku = unique("BAD");
        problem(asAdmin().body(productWith(sku, "price", -1)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("price"));
        problem(asAdmin().body(productWith(sku, "price", "abc")).post("/api/products").then(), 400)
                .body("errors.field", hasItem("price"));
        // a number in a string is text, not a price (no coercion)
        problem(asAdmin().body(productWith(sku, "price", "12")).post("/api/products").then(), 400)
                .body("errors.field", hasItem("price"));
        problem(asAdmin().body(productWith(sku, "price", 1.999)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("price"));
        problem(asAdmin().body(productWith(sku, "stock", -5)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("stock"));
        problem(asAdmin().body(productWith(sku, "stock", 1.5)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("stock"));
        problem(asAdmin().body(productWith(sku, "currency", "dollars")).post("/api/products").then(), 400)
                .body("errors.field", hasItem("currency"));
        problem(asAdmin().body(productWith(sku, "tags", List.of(""))).post("/api/products").then(), 400);
        problem(asAdmin().body(productWith(sku, "name", null)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("name"));
        problem(asAdmin().body(productWith("x'; DROP TABLE products;--", "price", 1)).post("/api/products").then(), 400)
                .body("errors.field", hasItem("sku"));

        // a later product's event arrives after anything the failed requests could have published
        UUID later = product("1.00", 1);
        events.until(later, "product.created", 1);
        assertThat(events.seenSoFar()).noneMatch(e -> sku.equals(e.data().path("sku").asText()));
        anonymous().queryParam("size", 100).get("/api/products").then()
                .body("items.sku", not(hasItem(sku)));
    }

    @Test
    void malformedJsonMissingBodiesAndWrongMediaTypesAre4xx() {
        problem(asAdmin().body("{\"sku\": ").post("/api/products").then(), 400);
        problem(asAdmin().body("[1, 2]").post("/api/products").then(), 400);
        problem(asAdmin().post("/api/products").then(), 400);
        problem(anonymous().body("{\"email\": \"a@b.test\", \"name\": \"A\", \"password\": \"correct-horse\"} trailing")
                .post("/api/users").then(), 400);
        problem(given().contentType("text/plain").header("X-User-Id", UUID.randomUUID().toString())
                .header("X-User-Roles", "admin").body("sku=1").post("/api/products").then(), 415);
        problem(anonymous().get("/api/nothing-here").then(), 404);
        problem(anonymous().get("/api/products/not-a-uuid").then(), 400).body("errors.field", hasItem("id"));
    }

    @Test
    void anOversizedBodyIs413AndCreatesNothing() {
        String sku = unique("BIG");
        Map<String, Object> body = productWith(sku, "description", "x".repeat(200_000));
        problem(asAdmin().body(body).post("/api/products").then(), 413);
        anonymous().queryParam("size", 100).get("/api/products").then().body("items.sku", not(hasItem(sku)));
    }

    @Test
    void sqlMetaCharactersInTextAreStoredAsText() {
        String name = "Robert'); DROP TABLE products; -- \" \\ %_";
        Map<String, Object> body = productWith(unique("SQL"), "name", name);
        String id = asAdmin().body(body).post("/api/products").then().statusCode(201).extract().path("id");
        anonymous().get("/api/products/" + id).then().statusCode(200).body("name", equalTo(name));
        anonymous().body(Map.of("email", "o'brien+" + unique("x") + "@shop.test", "name", "O'Brien; --",
                "password", "correct-horse")).post("/api/users").then().statusCode(201);
        anonymous().get("/api/products").then().statusCode(200);
    }

    @Test
    void invalidOrdersAre400AndTakeNoStock() {
        UUID buyer = customer();
        UUID item = product("5.00", 3);
        problem(as(buyer).body(Map.of("userId", buyer.toString(), "items", List.of())).post("/api/orders").then(), 400)
                .body("errors.field", hasItem("items"));
        problem(as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", item.toString(), "quantity", -1)))).post("/api/orders").then(), 400)
                .body("errors.field", hasItem("items[0].quantity"));
        problem(as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", item.toString(), "quantity", 0)))).post("/api/orders").then(), 400);
        problem(as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", item.toString(), "quantity", 1.5)))).post("/api/orders").then(), 400);
        problem(as(buyer).body(Map.of("userId", "not-a-uuid",
                "items", List.of(Map.of("productId", item.toString(), "quantity", 1)))).post("/api/orders").then(), 400)
                .body("errors.field", hasItem("userId"));
        problem(as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", "x", "quantity", 1)))).post("/api/orders").then(), 400);
        anonymous().get("/api/products/" + item).then().body("stock", equalTo(3));
        as(buyer).get("/api/users/" + buyer + "/orders").then().body("size()", equalTo(0));
    }

    @Test
    void invalidPaymentsAre400AndLeaveTheOrderPending() {
        UUID buyer = customer();
        String orderId = as(buyer).body(Map.of("userId", buyer.toString(),
                        "items", List.of(Map.of("productId", product("5.00", 3).toString(), "quantity", 1))))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        problem(as(buyer).body(Map.of("amount", -5, "method", "card")).post("/api/orders/" + orderId + "/payments")
                .then(), 400).body("errors.field", hasItem("amount"));
        problem(as(buyer).body(Map.of("amount", 5, "method", "")).post("/api/orders/" + orderId + "/payments")
                .then(), 400).body("errors.field", hasItem("method"));
        as(buyer).get("/api/orders/" + orderId).then().body("status", equalTo("PENDING"));
    }
}
