package shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class ProductResourceTest {

    private OutboxEvents events;

    @BeforeEach
    void subscribe() {
        events = OutboxEvents.of("product");
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void creatingAProductAnswers201WithLocationAndPublishesProductCreated() {
        String sku = unique("SKU");
        String id = asAdmin().body(productBody(sku, "49.5", 7)).post("/api/products").then()
                .statusCode(201)
                .header("Location", containsString("/api/products/"))
                .body("sku", equalTo(sku))
                .body("price", equalTo(49.50f))
                .body("currency", equalTo("USD"))
                .body("tags", equalTo(List.of("audio", "wireless")))
                .body("stock", equalTo(7))
                .body("version", equalTo(1))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract().path("id");

        var seen = events.until(id, "product.created", 1);
        assertThat(seen).hasSize(1);
        var event = seen.get(0);
        assertThat(event.id()).isEqualTo(event.payload().path("eventId").asText());
        assertThat(event.payload().path("aggregateId").asText()).isEqualTo(id);
        assertThat(event.data().path("sku").asText()).isEqualTo(sku);
        assertThat(event.data().path("description").asText()).isEqualTo("Noise cancelling");
        assertThat(event.data().path("brand").asText()).isEqualTo("Acme");
        assertThat(event.data().path("price").decimalValue()).isEqualByComparingTo("49.50");
    }

    @Test
    void aDuplicateSkuIs409AndPublishesNothing() {
        String sku = unique("SKU");
        asAdmin().body(productBody(sku, "10.00", 1)).post("/api/products").then().statusCode(201);
        asAdmin().body(productBody(sku, "11.00", 2)).post("/api/products").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
                .body("type", equalTo(problemType("conflict")));
        anonymous().queryParam("size", 100).get("/api/products").then()
                .body("items.findAll { it.sku == '" + sku + "' }.size()", equalTo(1));
    }

    @Test
    void readingAProductMissesThenHitsTheCacheAndMissesAgainAfterAnUpdate() {
        UUID id = shop.catalog.support.Shop.product("20.00", 3);
        anonymous().get("/api/products/" + id).then().statusCode(200).header("X-Cache", "MISS");
        anonymous().get("/api/products/" + id).then().statusCode(200).header("X-Cache", "HIT")
                .body("id", equalTo(id.toString()));

        Map<String, Object> changed = new HashMap<>(productBody(unique("SKU"), "25.00", 3));
        asAdmin().body(changed).put("/api/products/" + id).then().statusCode(200).body("version", equalTo(2));

        anonymous().get("/api/products/" + id).then().statusCode(200).header("X-Cache", "MISS")
                .body("price", equalTo(25.00f)).body("version", equalTo(2));
        anonymous().get("/api/products/" + id).then().header("X-Cache", "HIT").body("version", equalTo(2));
    }

    @Test
    void updatingWithTheCurrentVersionIncrementsItAndAStaleVersionIs412WithoutAnEvent() {
        UUID id = shop.catalog.support.Shop.product("20.00", 3);
        asAdmin().header("If-Match", "\"1\"").body(productBody(unique("SKU"), "21.00", 3))
                .put("/api/products/" + id).then().statusCode(200).body("version", equalTo(2))
                .header("ETag", "\"2\"");
        asAdmin().header("If-Match", "\"1\"").body(productBody(unique("SKU"), "99.00", 3))
                .put("/api/products/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo(problemType("stale-version")));
        asAdmin().header("If-Match", "\"2\"").body(productBody(unique("SKU"), "22.00", 3))
                .put("/api/products/" + id).then().statusCode(200).body("version", equalTo(3));

        var seen = events.until(id, "product.updated", 3);
        assertThat(seen).extracting(OutboxEvents.Event::type, OutboxEvents.Event::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("product.created", 1L),
                org.assertj.core.groups.Tuple.tuple("product.updated", 2L),
                org.assertj.core.groups.Tuple.tuple("product.updated", 3L));
        assertThat(seen.get(1).data().path("price").decimalValue()).isEqualByComparingTo("21.00");
    }

    @Test
    void racingUpdatesWithoutIfMatchEachWinOrAre412AndNoneIsLost() throws Exception {
        UUID id = shop.catalog.support.Shop.product("10.00", 3);
        int writers = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String price = (11 + i) + ".00";
                answers.add(pool.submit(() -> {
                    start.await();
                    return asAdmin().body(productBody(unique("RACE"), price, 3)).put("/api/products/" + id);
                }));
            }
            start.countDown();
            List<io.restassured.response.Response> won = new java.util.ArrayList<>();
            for (var answer : answers) {
                var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                // both reads saw version 1: one UPDATE ... WHERE version = 1 wins, the others are told to re-read
                assertThat(response.statusCode()).isIn(200, 412);
                if (response.statusCode() == 200) {
                    won.add(response);
                } else {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.<String>path("type")).isEqualTo(problemType("stale-version"));
                }
            }
            assertThat(won).isNotEmpty();
            var last = won.stream().max(java.util.Comparator.comparingInt(r -> r.path("version"))).orElseThrow();
            anonymous().get("/api/products/" + id).then().statusCode(200)
                    .body("version", equalTo(1 + won.size()))
                    .body("price", equalTo(last.<Float>path("price")));
            var seen = events.until(id, "product.updated", 1 + won.size());
            assertThat(seen).filteredOn(e -> e.type().equals("product.updated")).hasSize(won.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingAProductAnswers204ThenItIsGoneAndProductDeletedIsPublished() {
        UUID id = shop.catalog.support.Shop.product("5.00", 1);
        anonymous().get("/api/products/" + id).then().header("X-Cache", "MISS");
        asAdmin().delete("/api/products/" + id).then().statusCode(204);
        anonymous().get("/api/products/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(problemType("not-found")));
        asAdmin().delete("/api/products/" + id).then().statusCode(404).body("type", equalTo(problemType("not-found")));
        var seen = events.until(id, "product.deleted", 2);
        assertThat(seen).extracting(OutboxEvents.Event::type).containsExactly("product.created", "product.deleted");
    }

    @Test
    void pagesListNewestFirstWithinBounds() {
        UUID older = shop.catalog.support.Shop.product("1.00", 1);
        UUID newer = shop.catalog.support.Shop.product("1.00", 1);
        List<String> ids = anonymous().queryParam("page", 0).queryParam("size", 2).get("/api/products").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(2))
                .extract().path("items.id");
        assertThat(ids).containsExactly(newer.toString(), older.toString());
        anonymous().queryParam("size", 101).get("/api/products").then().statusCode(400)
                .body("type", equalTo(problemType("invalid-input"))).body("errors.field", hasItem("size"));
        anonymous().queryParam("page", -1).get("/api/products").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        anonymous().queryParam("page", "abc").get("/api/products").then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void productWritesNeedAnAdmin() {
        anonymous().body(productBody(unique("SKU"), "1.00", 1)).post("/api/products").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(problemType("not-signed-in")));
        as(UUID.randomUUID()).body(productBody(unique("SKU"), "1.00", 1)).post("/api/products").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(problemType("forbidden")));
        UUID id = shop.catalog.support.Shop.product("1.00", 1);
        as(UUID.randomUUID()).body(productBody(unique("SKU"), "2.00", 1)).put("/api/products/" + id).then()
                .statusCode(403);
        as(UUID.randomUUID()).delete("/api/products/" + id).then().statusCode(403);
        anonymous().get("/api/products/" + id).then().statusCode(200).body("price", equalTo(1.00f));
    }

    @Test
    void unknownProductIs404() {
        anonymous().get("/api/products/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("type", equalTo(problemType("not-found")));
        asAdmin().body(productBody(unique("SKU"), "1.00", 1)).put("/api/products/" + UUID.randomUUID()).then()
                .statusCode(404);
    }
}
