package shop.catalog.access;

import static org.hamcrest.Matchers.equalTo;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.product;

import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStackResource;

/**
 * Who is calling is checked before what they sent: a caller without the right identity learns
 * nothing about the body the endpoint would accept (no 400 with field errors for an anonymous
 * caller), and nothing is read or written.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class IdentityFirstTest {

    private static final String INVALID_PRODUCT = "{\"sku\": \"\", \"price\": -1}";

    @Test
    void anAnonymousInvalidOrMalformedProductWriteIs401NotA400() {
        anonymous().body(INVALID_PRODUCT).post("/api/products").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401))
                .body("type", equalTo(problemType("not-signed-in")));
        anonymous().body("{not json").post("/api/products").then().statusCode(401);
        anonymous().body(INVALID_PRODUCT).put("/api/products/" + UUID.randomUUID()).then().statusCode(401);
        anonymous().delete("/api/products/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aCustomerSendingAnInvalidProductWriteIs403NotA400() {
        as(UUID.randomUUID()).body(INVALID_PRODUCT).post("/api/products").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403))
                .body("type", equalTo(problemType("forbidden")));
        as(UUID.randomUUID()).body("{\"key\": \"../../etc/passwd\"}")
                .post("/api/products/" + product("9.99", 1) + "/images").then().statusCode(403);
        as(UUID.randomUUID()).queryParam("days", "-5").get("/api/reports/pending-orders").then().statusCode(403);
    }

    @Test
    void anAnonymousOrderOrPaymentWithABadBodyIs401() {
        anonymous().body("{\"items\": []}").post("/api/orders").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(problemType("not-signed-in")));
        anonymous().body("[1,2").post("/api/orders/" + UUID.randomUUID() + "/payments").then().statusCode(401);
        anonymous().get("/api/users/" + UUID.randomUUID() + "/orders").then().statusCode(401);
        anonymous().header("X-User-Id", "not-a-uuid").body("{}").post("/api/orders").then().statusCode(401);
    }
}
