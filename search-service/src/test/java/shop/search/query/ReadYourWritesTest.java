package shop.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.SearchStack;

/**
 * Read your own writes: a client that just wrote version N of a product asks for it with
 * {@code minVersion=N&waitMs=} and is answered as soon as the index holds it, or at the deadline with
 * what the index has and {@code stale: true}.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class ReadYourWritesTest {

    @Test
    void aWaitingReaderIsAnsweredWhenTheIndexHoldsItsVersion() throws Exception {
        Product created = CatalogEvents.create("Kayak " + CatalogEvents.unique("k"), "One seat",
                CatalogEvents.unique("Brand"), "400.00", List.of("water"));
        // asked right after the write: the answer waits for the projection, not for the deadline
        JsonPath first = given().queryParam("minVersion", created.version()).queryParam("waitMs", 5000)
                .get("/api/search/products/" + created.id()).then().statusCode(200).extract().jsonPath();
        assertThat(first.getLong("indexedVersion")).isGreaterThanOrEqualTo(created.version());
        assertThat(first.getBoolean("stale")).isFalse();

        // several readers wait for the next version at once; one event answers them all
        List<CompletableFuture<JsonPath>> readers = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().queryParam("minVersion", created.version() + 1)
                        .queryParam("waitMs", 5000).get("/api/search/products/" + created.id()).then().statusCode(200)
                        .extract().jsonPath()))
                .toList();
        Product updated = CatalogEvents.update(created, "Kayak, two seats", "Two seats", "Brand", "450.00",
                List.of("water"));
        for (CompletableFuture<JsonPath> reader : readers) {
            JsonPath answer = reader.get();
            assertThat(answer.getLong("indexedVersion")).isEqualTo(updated.version());
            assertThat(answer.getBoolean("stale")).isFalse();
        }
    }

    @Test
    void atTheDeadlineTheAnswerIsWhatTheIndexHoldsMarkedStale() {
        Product created = CatalogEvents.create("Paddle " + CatalogEvents.unique("p"), "Carbon",
                CatalogEvents.unique("Brand"), "90.00", List.of("water"));
        given().queryParam("minVersion", created.version()).queryParam("waitMs", 5000)
                .get("/api/search/products/" + created.id()).then().statusCode(200);
        given().queryParam("minVersion", created.version() + 5).queryParam("waitMs", 300)
                .get("/api/search/products/" + created.id()).then().statusCode(200)
                .body("indexedVersion", is((int) created.version())).body("stale", is(true));
        given().queryParam("minVersion", 1).queryParam("waitMs", 200)
                .get("/api/search/products/" + UUID.randomUUID()).then().statusCode(200)
                .body("indexedVersion", nullValue()).body("stale", is(true));
        // without minVersion: as before, 404 for a product the index does not hold
        given().get("/api/search/products/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badWaitsAreRefused() {
        String id = UUID.randomUUID().toString();
        for (String query : List.of("minVersion=1&waitMs=5001", "minVersion=1&waitMs=-1", "waitMs=100", "minVersion=0",
                "minVersion=abc", "minVersion=1&waitMs=soon")) {
            given().get("/api/search/products/" + id + "?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
