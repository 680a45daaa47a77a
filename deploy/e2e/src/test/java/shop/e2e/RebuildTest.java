package shop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.e2e.support.Stack.unique;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;

/**
 * A rebuild reads the whole catalog (catalog-service's API, the source of truth) into a new index
 * generation and swaps the alias to it; search is queried without pause all the while and must
 * never answer an error or miss products, and a product written during the rebuild must be in the
 * new index. It rebuilds the stack's own index, which is what a rebuild is for: no moment of
 * empty answers for anyone.
 */
class RebuildTest {

    private static final Duration REBUILD = Duration.ofMinutes(5);

    @Test
    void searchKeepsAnsweringThroughARebuildAndNothingWrittenMeanwhileIsLost() throws Exception {
        String tag = unique("tag");
        List<Product> before = List.of(
                Catalog.createProduct("Sofa", "Three seats", unique("Brand"), "900.00", List.of(tag)),
                Catalog.createProduct("Armchair", "One seat", unique("Brand"), "300.00", List.of(tag)),
                Catalog.createProduct("Footstool", "No seat", unique("Brand"), "40.00", List.of(tag)));
        before.forEach(p -> Views.awaitIndexed(p.id(), p.version()));
        Views.awaitSearchTotal("tag=" + tag, 3);
        awaitNoRebuildRunning();
        String indexBefore = status().getString("rebuild.index");

        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answers = new AtomicInteger();
        AtomicBoolean querying = new AtomicBoolean(true);
        Thread searcher = new Thread(() -> {
            while (querying.get()) {
                Response answer = given().baseUri(Stack.search()).get("/api/search?tag=" + tag);
                answers.incrementAndGet();
                if (answer.statusCode() != 200 || answer.jsonPath().getLong("total") < 3) {
                    wrongAnswers.add(answer.statusCode() + " " + answer.asString());
                }
            }
        }, "searcher");
        searcher.start();
        try {
            String rebuilding = startRebuild();
            Product during = Catalog.createProduct("Bench", "Two seats", unique("Brand"), "120.00", List.of(tag));

            awaitNoRebuildRunning();
            JsonPath status = status();
            assertThat(status.getString("rebuild.index")).isEqualTo(rebuilding).isNotEqualTo(indexBefore);
            assertThat(status.getString("rebuild.state")).isEqualTo("done");
            assertThat(status.getLong("rebuild.copied")).isGreaterThanOrEqualTo(4);
            // the new generation is made from the service's current mapping file (products-v2: offsets for the highlighter)
            JsonPath mapping = given().baseUri(Stack.elasticsearch()).get("/" + rebuilding + "/_mapping").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(mapping.getString("'" + rebuilding + "'.mappings._meta.mapping")).isEqualTo("products-v2");
            assertThat(mapping.getString("'" + rebuilding + "'.mappings.properties.description.index_options"))
                    .isEqualTo("offsets");

            Views.awaitIndexed(during.id(), during.version());
            Views.awaitSearchTotal("tag=" + tag, 4);
            before.forEach(p -> given().baseUri(Stack.search()).get("/api/search/products/" + p.id()).then()
                    .statusCode(200));
        } finally {
            querying.set(false);
            searcher.join(10_000);
        }
        assertThat(answers.get()).isPositive();
        assertThat(wrongAnswers).isEmpty();
    }

    /** Starts a rebuild (the stack's search is shared: another one may be running, then it waits its turn); its index. */
    private static String startRebuild() {
        String[] index = new String[1];
        await().atMost(REBUILD).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Response started = Stack.asAdmin(Stack.search()).post("/api/search/rebuild");
            assertThat(started.statusCode()).as(started.asString()).isIn(202, 409);
            index[0] = started.statusCode() == 202 ? started.jsonPath().getString("index") : null;
            return index[0] != null;
        });
        return index[0];
    }

    private static void awaitNoRebuildRunning() {
        await().atMost(REBUILD).pollInterval(Duration.ofMillis(500))
                .until(() -> !"running".equals(status().getString("rebuild.state")));
    }

    private static JsonPath status() {
        return given().baseUri(Stack.search()).get("/api/search/status").then().statusCode(200).extract().jsonPath();
    }
}
