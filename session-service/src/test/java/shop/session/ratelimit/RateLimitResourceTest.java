package shop.session.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static shop.session.Api.PROBLEM_JSON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class RateLimitResourceTest {

    @Inject
    RedisDataSource redis;

    /** A signed-in caller's request: the gateway routes consume for them (routes.tsv), and so checks this service. */
    private static io.restassured.specification.RequestSpecification signedIn() {
        return shop.session.Api.as(shop.session.Api.newUserId(), "customer");
    }

    @Test
    void nobodySignedInIs401AndConsumesNothing() {
        String key = freshKey();
        given().queryParam("limit", 3).queryParam("windowSeconds", 60).when().post("/api/rate-limits/" + key + "/consume")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(redis.key().exists(RateLimiter.PREFIX + key)).isFalse();
    }

    private static String freshKey() {
        return "test:" + UUID.randomUUID();
    }

    private static Response consume(String key, Object limit, Object windowSeconds) {
        return signedIn().queryParam("limit", limit).queryParam("windowSeconds", windowSeconds)
                .when().post("/api/rate-limits/" + key + "/consume");
    }

    @Test
    void callsUpToTheLimitAreAllowedThenRefusedWithRetryAfter() {
        String key = freshKey();
        for (int remaining = 2; remaining >= 0; remaining--) {
            consume(key, 3, 60).then().statusCode(200)
                    .body("allowed", is(true))
                    .body("remaining", is(remaining))
                    .body("resetAt", not(nullValue()));
        }
        Response refused = consume(key, 3, 60);
        refused.then().statusCode(429)
                .body("allowed", is(false))
                .body("remaining", is(0));
        // one token comes back every 20 s
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        assertThat(Instant.parse(refused.path("resetAt"))).isAfter(Instant.now());
    }

    @Test
    void keysAreCountedSeparately() {
        String first = freshKey();
        String second = freshKey();
        consume(first, 1, 60).then().statusCode(200);
        consume(first, 1, 60).then().statusCode(429);
        consume(second, 1, 60).then().statusCode(200);
    }

    @Test
    void exactlyTheLimitIsAllowedUnderFiftyConcurrentCallers() throws Exception {
        String key = freshKey();
        int callers = 50;
        int limit = 10;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return consume(key, limit, 3600);
                }));
            }
            start.countDown();
            int allowed = 0;
            int refused = 0;
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    allowed++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(429);
                    assertThat(response.header("Retry-After")).isNotNull();
                    assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
                    refused++;
                }
            }
            assertThat(allowed).isEqualTo(limit);
            assertThat(refused).isEqualTo(callers - limit);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBucketExpiresFromRedisOnceItWouldBeFullAgain() {
        String key = freshKey();
        consume(key, 5, 10).then().statusCode(200);
        long ttl = redis.key().pttl(RateLimiter.PREFIX + key);
        // one token of five, refilled at one per 2 s
        assertThat(ttl).isPositive().isLessThanOrEqualTo(2_000L);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("ok", null, 60, "limit"),
                Arguments.of("ok", 0, 60, "limit"),
                Arguments.of("ok", -1, 60, "limit"),
                Arguments.of("ok", 1_000_001, 60, "limit"),
                Arguments.of("ok", "ten", 60, "limit"),
                Arguments.of("ok", "1e3", 60, "limit"),
                Arguments.of("ok", 10, null, "windowSeconds"),
                Arguments.of("ok", 10, 0, "windowSeconds"),
                Arguments.of("ok", 10, 86_401, "windowSeconds"),
                Arguments.of("ok", 10, "99999999999999999999", "windowSeconds"),
                Arguments.of("a%20b", 10, 60, "key"),
                Arguments.of("k".repeat(201), 10, 60, "key"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void badParametersAreRefusedNamingTheParameterAndConsumeNothing(String keySuffix, Object limit, Object window,
            String field) {
        String key = keySuffix.equals("ok") ? freshKey() : keySuffix;
        var request = signedIn();
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (window != null) {
            request.queryParam("windowSeconds", window);
        }
        request.when().post("/api/rate-limits/" + key + "/consume")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(field));
        assertThat(redis.key().exists(RateLimiter.PREFIX + key)).isFalse();
    }
}
