package shop.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.product;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class ImageResourceTest {

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("product");
    }

    @AfterEach
    void close() {
        events.close();
    }

    private static Map<String, Object> image(UUID productId) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", "products/" + productId + "/" + UUID.randomUUID() + ".png");
        body.put("contentType", "image/png");
        body.put("size", 2048);
        body.put("sha256", "a".repeat(64));
        return body;
    }

    @Test
    void addingListingAndRemovingImageReferencesEachPublishProductUpdated() {
        UUID productId = product("9.00", 1);
        Map<String, Object> body = image(productId);
        String imageId = asAdmin().body(body).post("/api/products/" + productId + "/images").then().statusCode(201)
                .body("key", equalTo(body.get("key")))
                .body("url", endsWith("/api/media/" + body.get("key")))
                .body("contentType", equalTo("image/png"))
                .body("size", equalTo(2048))
                .extract().path("id");

        anonymous().get("/api/products/" + productId + "/images").then().statusCode(200)
                .body("", hasSize(1)).body("id", hasItem(imageId));
        anonymous().get("/api/products/" + productId).then().body("version", equalTo(2));

        asAdmin().delete("/api/products/" + productId + "/images/" + imageId).then().statusCode(204);
        anonymous().get("/api/products/" + productId + "/images").then().body("", hasSize(0));
        asAdmin().delete("/api/products/" + productId + "/images/" + imageId).then().statusCode(404);

        assertThat(events.until(productId, "product.updated", 3)).extracting(OutboxEvents.Event::type)
                .containsExactly("product.created", "product.updated", "product.updated");
    }

    @Test
    void aDuplicateKeyIs409AndAnUnknownProduct404() {
        UUID productId = product("9.00", 1);
        Map<String, Object> body = image(productId);
        asAdmin().body(body).post("/api/products/" + productId + "/images").then().statusCode(201);
        asAdmin().body(body).post("/api/products/" + productId + "/images").then().statusCode(409)
                .body("type", equalTo(problemType("conflict")));
        asAdmin().body(image(productId)).post("/api/products/" + UUID.randomUUID() + "/images").then().statusCode(404)
                .body("type", equalTo(problemType("not-found")));
        anonymous().get("/api/products/" + UUID.randomUUID() + "/images").then().statusCode(404);
    }

    @Test
    void imageWritesNeedAnAdminAndValidInput() {
        UUID productId = product("9.00", 1);
        as(UUID.randomUUID()).body(image(productId)).post("/api/products/" + productId + "/images").then()
                .statusCode(403).body("type", equalTo(problemType("forbidden")));
        Map<String, Object> bad = image(productId);
        bad.put("contentType", "text/html");
        bad.put("size", -1);
        bad.put("sha256", "xyz");
        asAdmin().body(bad).post("/api/products/" + productId + "/images").then().statusCode(400)
                .body("type", equalTo(problemType("invalid-input")))
                .body("errors.field", org.hamcrest.Matchers.hasItems("contentType", "size", "sha256"));
        anonymous().get("/api/products/" + productId + "/images").then().body("", hasSize(0));
    }
}
