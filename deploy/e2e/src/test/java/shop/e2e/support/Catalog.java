package shop.e2e.support;

import static shop.e2e.support.Stack.anonymous;
import static shop.e2e.support.Stack.as;
import static shop.e2e.support.Stack.asAdmin;
import static shop.e2e.support.Stack.catalog;
import static shop.e2e.support.Stack.unique;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** catalog-service's API, as the gateway passes clients' requests on: where every event starts. */
public final class Catalog {

    /** A product as catalog answered: its id, sku and version. */
    public record Product(String id, String sku, long version) {
    }

    private Catalog() {
    }

    public static Product createProduct(String name, String description, String brand, String price, List<String> tags) {
        return product(asAdmin(catalog()).body(productBody(unique("SKU-"), name, description, brand, price, tags))
                .post("/api/products").then().statusCode(201).extract().jsonPath());
    }

    public static Product updateProduct(Product product, String name, String description, String brand, String price,
            List<String> tags) {
        return product(asAdmin(catalog()).body(productBody(product.sku(), name, description, brand, price, tags))
                .put("/api/products/" + product.id()).then().statusCode(200).extract().jsonPath());
    }

    /** Deletes it; returns the version of the delete event (one above the last). */
    public static long deleteProduct(Product product) {
        asAdmin(catalog()).delete("/api/products/" + product.id()).then().statusCode(204);
        return product.version() + 1;
    }

    /** A registered customer's id. */
    public static UUID register() {
        String id = anonymous(catalog()).body(Map.of("email", unique("e2e-") + "@shop.test", "name", "E2E Buyer",
                "password", "correct-horse")).post("/api/users").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** The buyer's new order of {@code quantity} units of the product; its id. */
    public static UUID placeOrder(UUID buyer, Product product, int quantity) {
        String id = as(catalog(), buyer, "customer").body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", product.id(), "quantity", quantity))))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void pay(UUID buyer, UUID order, String amount) {
        as(catalog(), buyer, "customer").body(Map.of("amount", new BigDecimal(amount), "method", "card"))
                .post("/api/orders/{id}/payments", order).then().statusCode(201);
    }

    public static void cancel(UUID buyer, UUID order) {
        as(catalog(), buyer, "customer").post("/api/orders/{id}/cancel", order).then().statusCode(200);
    }

    private static Map<String, Object> productBody(String sku, String name, String description, String brand,
            String price, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("description", description);
        body.put("brand", brand);
        body.put("price", new BigDecimal(price));
        body.put("tags", tags);
        body.put("stock", 10);
        return body;
    }

    private static Product product(JsonPath json) {
        return new Product(json.getString("id"), json.getString("sku"), json.getLong("version"));
    }
}
