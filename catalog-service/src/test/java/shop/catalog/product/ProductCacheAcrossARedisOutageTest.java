package shop.catalog.product;

import static org.hamcrest.Matchers.equalTo;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.productBody;
import static shop.catalog.support.Shop.unique;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.TcpProxy;

/**
 * Redis goes away and comes back (a real Redis behind a proxy that is cut): an update made
 * meanwhile could not evict its cached copy, so when Redis answers again the stale copy must
 * not be served — the product cache is emptied and the next read loads the committed row.
 */
@QuarkusTest
@TestProfile(ProductCacheAcrossARedisOutageTest.RedisBehindAProxy.class)
class ProductCacheAcrossARedisOutageTest {

    static TcpProxy redis;

    public static class RedisBehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedRedis.class, Map.of(LocalStackResource.COMPONENTS, "postgres,redis")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The stack's PostgreSQL and Redis, Redis reached through {@link TcpProxy}. */
    public static class ProxiedRedis extends LocalStackResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            int port = Integer.parseInt(LocalStack.env().get("STACK_REDIS_PORT"));
            redis = TcpProxy.start("127.0.0.1", port);
            config.put("quarkus.redis.hosts", "redis://" + redis.address());
            return config;
        }

        @Override
        public void stop() {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void anUpdateDuringARedisOutageIsNeverHiddenByTheStaleCachedCopyAfterwards() {
        String id = asAdmin().body(productBody(unique("OUTAGE"), "30.00", 5)).post("/api/products").then()
                .statusCode(201).extract().path("id");
        anonymous().get("/api/products/" + id).then().header("X-Cache", "MISS");
        anonymous().get("/api/products/" + id).then().header("X-Cache", "HIT").body("price", equalTo(30.00f));

        redis.cut();
        // the write commits in PostgreSQL; its eviction from Redis is lost
        asAdmin().body(productBody(unique("OUTAGE"), "31.00", 5)).put("/api/products/" + id).then().statusCode(200)
                .body("version", equalTo(2));
        anonymous().get("/api/products/" + id).then().statusCode(200).header("X-Cache", "MISS")
                .body("price", equalTo(31.00f));

        redis.restore();
        // Redis still holds version 1: no read may ever return it, and the cache must work again
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String cache;
        do {
            cache = anonymous().get("/api/products/" + id).then().statusCode(200)
                    .body("version", equalTo(2)).body("price", equalTo(31.00f)).extract().header("X-Cache");
        } while (!"HIT".equals(cache) && System.nanoTime() < deadline);
        org.assertj.core.api.Assertions.assertThat(cache).as("the cache serves again once Redis is back").isEqualTo("HIT");
    }
}
