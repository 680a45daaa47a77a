package shop.search.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import shop.search.support.Catalog;
import shop.search.support.Catalog.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;

/**
 * A rebuild reads the whole catalog into a new index generation and swaps the alias to it;
 * search is queried without pause all the while and must never answer an error or miss
 * products, and a product written during the rebuild must be in the new index.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class RebuildTest {

    @Test
    void searchKeepsAnsweringThroughARebuildAndNothingWrittenMeanwhileIsLost() throws Exception {
        String tag = Catalog.unique("tag");
        List<Product> before = List.of(
                Catalog.create("Sofa", "Three seats", Catalog.unique("Brand"), "900.00", List.of(tag)),
                Catalog.create("Armchair", "One seat", Catalog.unique("Brand"), "300.00", List.of(tag)),
                Catalog.create("Footstool", "No seat", Catalog.unique("Brand"), "40.00", List.of(tag)));
        before.forEach(p -> Search.awaitIndexed(p.id(), p.version()));
        Search.awaitTotal("tag=" + tag, 3);
        String indexBefore = given().get("/api/search/status").then().extract().path("rebuild.index");

        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answers = new AtomicInteger();
        AtomicBoolean querying = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> {
            while (querying.get()) {
                Response answer = given().get("/api/search?tag=" + tag);
                answers.incrementAndGet();
                if (answer.statusCode() != 200 || answer.jsonPath().getLong("total") < 3) {
                    wrongAnswers.add(answer.statusCode() + " " + answer.asString());
                }
            }
        }, "searcher");
        searcher.start();
        try {
            given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin")
                    .post("/api/search/rebuild").then().statusCode(202)
                    .body("state", is("running")).body("index", startsWith("products-test-v"));
            Product during = Catalog.create("Bench", "Two seats", Catalog.unique("Brand"), "120.00", List.of(tag));

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> !"running"
                    .equals(given().get("/api/search/status").then().extract().path("rebuild.state")));
            Response status = given().get("/api/search/status");
            assertThat(status.jsonPath().getString("rebuild.state")).isEqualTo("done");
            assertThat(status.jsonPath().getString("rebuild.index")).isNotEqualTo(indexBefore);
            assertThat(status.jsonPath().getLong("rebuild.copied")).isGreaterThanOrEqualTo(4);
            // the new generation is made from the service's current mapping file (products-v2: offsets for the highlighter)
            String rebuilt = status.jsonPath().getString("rebuild.index");
            JsonPath mapping = given().baseUri("http://" + ConfigProvider.getConfig()
                    .getValue("quarkus.elasticsearch.hosts", String.class).split(",")[0])
                    .get("/" + rebuilt + "/_mapping").then().statusCode(200).extract().jsonPath();
            assertThat(mapping.getString("'" + rebuilt + "'.mappings._meta.mapping")).isEqualTo("products-v2");
            assertThat(mapping.getString("'" + rebuilt + "'.mappings.properties.description.index_options"))
                    .isEqualTo("offsets");

            Search.awaitIndexed(during.id(), during.version());
            Search.awaitTotal("tag=" + tag, 4);
            before.forEach(p -> given().get("/api/search/products/" + p.id()).then().statusCode(200));
        } finally {
            querying.set(false);
            searcher.join(10_000);
        }
        assertThat(answers.get()).isPositive();
        assertThat(wrongAnswers).isEmpty();
    }

    @Test
    void rebuildIsForAdminsOnly() {
        given().post("/api/search/rebuild").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer")
                .post("/api/search/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
