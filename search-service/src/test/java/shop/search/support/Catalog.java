package shop.search.support;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** catalog-service's product API, called as the gateway passes an admin's requests on. */
public final class Catalog {

    /** A product as catalog answered: its id and version. */
    public record Product(String id, long version) {
    }

    private Catalog() {
    }

    /** A fresh word no other data holds, to find exactly what a test made. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Map<String, Object> body(String name, String description, String brand, String price,
            List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", unique("SKU-"));
        body.put("name", name);
        body.put("description", description);
        body.put("brand", brand);
        body.put("price", new BigDecimal(price));
        body.put("tags", tags);
        body.put("stock", 10);
        return body;
    }

    public static Product create(String name, String description, String brand, String price, List<String> tags) {
        return created(admin().body(body(name, description, brand, price, tags)).post("/api/products")
                .then().statusCode(201).extract().jsonPath());
    }

    public static Product update(Product product, String name, String description, String brand, String price,
            List<String> tags) {
        Map<String, Object> body = body(name, description, brand, price, tags);
        body.remove("sku");
        body.put("sku", admin().get("/api/products/" + product.id()).then().statusCode(200).extract().path("sku"));
        return created(admin().body(body).put("/api/products/" + product.id())
                .then().statusCode(200).extract().jsonPath());
    }

    /** Deletes it; returns the version of the delete event (one above the last). */
    public static long delete(Product product) {
        admin().delete("/api/products/" + product.id()).then().statusCode(204);
        return product.version() + 1;
    }

    private static Product created(io.restassured.path.json.JsonPath json) {
        return new Product(json.getString("id"), json.getLong("version"));
    }

    private static RequestSpecification admin() {
        return given().baseUri(SearchStack.catalogUrl).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }
}
