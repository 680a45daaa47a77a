package shop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static shop.e2e.support.Stack.unique;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;

/**
 * Search end to end through the real pipeline: a product written through catalog-service's API
 * reaches PostgreSQL and its outbox, Debezium publishes each event, search-service indexes it, and
 * the search API follows the product's life. The test makes its own product with words no other
 * data holds. (What search does with an event once it has it: search-service's own tests.)
 */
class SearchPipelineTest {

    @Test
    void aProductIsSearchableOnceCreatedChangesWithItsUpdatesAndGoesWithItsDelete() {
        String word = unique("lantern");
        String brand = unique("Brand");
        Product created = Catalog.createProduct("Camping " + word, "Bright and light", unique("Brand"), "24.90",
                List.of("outdoor"));
        Views.awaitIndexed(created.id(), created.version());
        Response answer = Views.awaitSearchTotal("q=" + word, 1);
        assertThat(answer.jsonPath().getString("hits[0].id")).isEqualTo(created.id());
        // money keeps its two places (api-contract.md), though Debezium dropped the trailing zero
        assertThat(answer.asString()).contains("\"price\":24.90");
        search().get("/api/search/status").then().statusCode(200)
                .body("documents", greaterThan(0))
                .body("lastEventAt", notNullValue())
                .body("lastEventLagMs", greaterThanOrEqualTo(0));
        search().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("projection_lag_seconds_bucket{topic=\"outbox.event.product\",view=\"search\""));

        Product updated = Catalog.updateProduct(created, "Hiking " + word, "Brighter", brand, "120.00",
                List.of("outdoor"));
        Views.awaitIndexed(created.id(), updated.version());
        search().get("/api/search/products/" + created.id()).then().statusCode(200)
                .body("indexedVersion", is((int) updated.version()));
        JsonPath found = Views.awaitSearchTotal("q=" + word + "&brand=" + brand, 1).jsonPath();
        assertThat(found.getString("hits[0].name")).isEqualTo("Hiking " + word);
        assertThat(found.getList("facets.brand", Map.class)).containsExactly(Map.of("value", brand, "count", 1));
        assertThat(found.getList("facets.price.count")).containsExactly(0, 1, 0);

        Catalog.deleteProduct(updated);
        Views.awaitGone(created.id());
        Views.awaitSearchTotal("q=" + word, 0);
        search().get("/api/search/suggest?prefix=hiking " + word).then().statusCode(200)
                .body("suggestions.size()", is(0));
    }

    private static RequestSpecification search() {
        return given().baseUri(Stack.search());
    }
}
