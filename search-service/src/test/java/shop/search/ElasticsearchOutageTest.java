package shop.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.Metrics;
import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;

/**
 * Elasticsearch goes down for this application only (a cut proxy; the shared server keeps
 * running): search answers 503 problem+json, readiness is DOWN, and the events that arrive
 * meanwhile wait, retried, and are all indexed once it is back; none is skipped.
 */
@QuarkusTest
@TestProfile(ElasticsearchOutageTest.ThroughAProxy.class)
class ElasticsearchOutageTest {

    public static class ThroughAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SearchStack.class, Map.of("proxy", "true")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void eventsWrittenWhileElasticsearchIsDownAreIndexedWhenItReturns() {
        String word = CatalogEvents.unique("rope");
        String brand = CatalogEvents.unique("Brand");
        Product first = CatalogEvents.create("Climbing " + word, "Dynamic", brand, "89.00", List.of("outdoor"));
        Search.awaitIndexed(first.id(), first.version());

        Product created;
        Product updated;
        SearchStack.elasticsearch.cut();
        try {
            double failedBefore = writeFailures();
            created = CatalogEvents.create("Static " + word, "For rescue", brand, "120.00", List.of("outdoor"));
            updated = CatalogEvents.update(first, "Climbing " + word + " dry", "Dynamic", brand, "99.00",
                    List.of("outdoor"));
            // the events arrived and their writes failed: they now wait, retried, for Elasticsearch
            await().atMost(Search.VIEW_WAIT).until(() -> writeFailures() >= failedBefore + 2);
            given().get("/api/search?q=" + word).then().statusCode(503)
                    .contentType("application/problem+json").body("status", is(503));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Elasticsearch cluster health check' }.status", is("DOWN"));
        } finally {
            SearchStack.elasticsearch.restore();
        }

        Search.awaitIndexed(created.id(), created.version());
        Search.awaitIndexed(first.id(), updated.version());
        Search.awaitTotal("q=" + word + "&brand=" + brand, 2);
        // ready again: each check is bounded (2 s), and on a loaded box one can still be catching up
        // with the restored connection when the first read succeeds, so readiness is awaited, not sampled
        await().atMost(Search.VIEW_WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    /** The service's count of bulk writes Elasticsearch did not take, from its Prometheus metrics. */
    private static double writeFailures() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.sum(metrics, "search_index_write_failures_total");
    }
}
