package shop.catalog.product;

import static org.hamcrest.Matchers.equalTo;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.productBody;
import static shop.catalog.support.Shop.unique;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.StoreUnreachableContract;

/** Redis is only a cache: with it unreachable, products are read from PostgreSQL and writes work. */
@QuarkusTest
@TestProfile(ProductReadsWithRedisDownTest.RedisDown.class)
class ProductReadsWithRedisDownTest {

    /** Only these servers (no global test resources), the one named pointed where nothing listens. */
    public static class RedisDown extends StoreUnreachableContract.Profile {
        public RedisDown() {
            super("postgres,redis", "redis");
        }
    }

    @Test
    void aRedisOutageNeverFailsAProductReadOrWrite() {
        String id = asAdmin().body(productBody(unique("NOREDIS"), "3.00", 2)).post("/api/products").then()
                .statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            anonymous().get("/api/products/" + id).then().statusCode(200).header("X-Cache", "MISS")
                    .body("id", equalTo(id));
        }
        asAdmin().body(productBody(unique("NOREDIS"), "4.00", 2)).put("/api/products/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        anonymous().get("/api/products/" + id).then().statusCode(200).body("price", equalTo(4.00f));
    }
}
