package shop.catalog.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the gateway passes them on, and fresh data for each test. */
public final class Shop {

    private Shop() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(UUID userId) {
        return anonymous().header("X-User-Id", userId.toString()).header("X-User-Roles", "customer");
    }

    public static RequestSpecification asAdmin() {
        return anonymous().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }

    /** The {@code type} of a problem of this kind, as every service of the shop answers it. */
    public static String problemType(String kind) {
        return "https://polyglot-shop.dev/problems/" + kind;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A registered customer's id. */
    public static UUID customer() {
        String id = anonymous()
                .body(Map.of("email", unique("buyer") + "@shop.test", "name", "Buyer", "password", "correct-horse"))
                .post("/api/users").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> productBody(String sku, String price, int stock) {
        return Map.of("sku", sku, "name", "Wireless headphones " + sku, "description", "Noise cancelling",
                "brand", "Acme", "price", new java.math.BigDecimal(price), "tags", List.of("audio", "wireless"),
                "stock", stock);
    }

    /** A new product's id. */
    public static UUID product(String price, int stock) {
        String id = asAdmin().body(productBody(unique("SKU"), price, stock))
                .post("/api/products").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
