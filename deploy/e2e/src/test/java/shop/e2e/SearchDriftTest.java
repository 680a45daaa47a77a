package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static shop.e2e.support.Stack.unique;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Replica;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;

/**
 * The index drifts behind search-service's back (documents deleted, rewritten with an older
 * version, added for products catalog never had) while products and orders are written through
 * catalog: the drift check reports exactly what was done to the index, no more (the writes in
 * flight are lag, not drift), its repair fixes exactly that, a second check finds nothing, and every
 * write made meanwhile is in the index afterwards.
 */
class SearchDriftTest {

    private static final int WRITES = 1_000;
    private static final int LARGE_DRIFT = 4_000;
    private static final String[] WORDS = {"solid", "oak", "drawer", "hinge", "walnut", "veneer", "handle", "shelf",
        "assembled", "matte", "finish", "brass", "sliding", "door", "mirror", "cedar", "lined", "rail"};

    @Test
    void driftIsFoundExactlyAndRepairedWhileWritesGoOn() throws Exception {
        // start from an index that agrees with catalog, whatever earlier runs left behind
        drift(true);

        List<Product> toDelete = products(50, "gone");
        List<Product> toAge = products(50, "aged");
        for (Product product : toDelete) {
            Views.awaitIndexed(product.id(), product.version());
        }
        List<Product> aged = new ArrayList<>();
        for (Product product : toAge) {
            aged.add(Catalog.updateProduct(product, "Renamed " + unique("lamp"), "Newer", "Brand", "12.00",
                    List.of("home")));
        }
        for (Product product : aged) {
            Views.awaitIndexed(product.id(), product.version());
        }

        // behind the services' backs: what a lost write, a bad restore or a stray script leaves
        for (Product product : toDelete) {
            // at its own version: as if the document had never been written
            index().delete("/products/_doc/{id}?version={v}&version_type=external_gte", product.id(), product.version())
                    .then().statusCode(200);
        }
        for (Product product : aged) {
            // Elasticsearch's version stays, the content goes back one version
            index().body(Map.of("id", product.id(), "name", "Old name", "brand", "Brand", "price", 12.00,
                    "currency", "USD", "version", product.version() - 1))
                    .put("/products/_doc/{id}?version={v}&version_type=external_gte", product.id(), product.version())
                    .then().statusCode(200);
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            extra.add(id);
            index().body(Map.of("id", id, "name", "Never in catalog " + i, "brand", "Ghost", "price", 1.00,
                    "currency", "USD", "version", 1))
                    .put("/products/_doc/{id}?version=1&version_type=external", id).then().statusCode(201);
        }
        index().post("/products/_refresh").then().statusCode(200);

        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Product>> written = new ArrayList<>();
        try {
            // 1,000 writes through catalog while the checks run: create, update, then order one unit
            UUID buyer = Catalog.register();
            for (int i = 0; i < WRITES / 3 + 1; i++) {
                written.add(writers.submit(() -> {
                    Product created = Catalog.createProduct("Busy " + unique("kettle"), "Meanwhile", "Brand", "20.00",
                            List.of("kitchen"));
                    Product updated = Catalog.updateProduct(created, "Busy " + unique("kettle"), "Meanwhile, updated",
                            "Brand", "21.00", List.of("kitchen"));
                    Catalog.placeOrder(buyer, updated, 1);
                    return new Product(updated.id(), updated.sku(), updated.version() + 1);
                }));
            }

            JsonPath found = drift(false);
            assertThat(found.getList("ids.missing", String.class))
                    .containsExactlyInAnyOrderElementsOf(ids(toDelete));
            assertThat(found.getList("ids.stale", String.class)).containsExactlyInAnyOrderElementsOf(ids(aged));
            assertThat(found.getList("ids.extra", String.class)).containsExactlyInAnyOrderElementsOf(extra);
            assertThat(found.getInt("missing")).isEqualTo(50);
            assertThat(found.getInt("stale")).isEqualTo(50);
            assertThat(found.getInt("extra")).isEqualTo(5);
            assertThat(found.getInt("repaired")).isZero();
            assertThat(found.getLong("checked")).isGreaterThanOrEqualTo(100);

            JsonPath repaired = drift(true);
            assertThat(repaired.getInt("missing")).isEqualTo(50);
            assertThat(repaired.getInt("stale")).isEqualTo(50);
            assertThat(repaired.getInt("extra")).isEqualTo(5);
            assertThat(repaired.getInt("repaired")).isEqualTo(105);
        } finally {
            writers.shutdown();
            assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }

        JsonPath after = drift(false);
        assertThat(after.getInt("missing") + after.getInt("stale") + after.getInt("extra")).isZero();
        for (Product product : toDelete) {
            Views.awaitIndexed(product.id(), product.version());
        }
        for (Product product : aged) {
            Views.awaitIndexed(product.id(), product.version());
        }
        for (String id : extra) {
            Views.awaitGone(id);
        }
        for (Future<Product> write : written) {
            Product product = write.get();
            Views.awaitIndexed(product.id(), product.version());
        }
    }

    /**
     * A drift larger than the service's heap: thousands of products with long descriptions gone from
     * the index at once (a lost index, a bad restore). An instance with a 96 MB heap, reading and
     * repairing pages of 100, finds every one, repairs every one and lives through it; a check that held
     * the whole drift in memory ran out of heap on 50,000 products at the stack's 256 MB, and on these
     * at 96 MB.
     */
    @Test
    void aDriftLargerThanTheHeapIsRepairedPageByPage() throws Exception {
        drift(true);
        List<Product> lost = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Product>> created = new ArrayList<>();
            for (int i = 0; i < LARGE_DRIFT; i++) {
                created.add(writers.submit(() -> Catalog.createProduct("Bulky " + unique("wardrobe"), longDescription(),
                        "Brand", "99.00", List.of("drift"))));
            }
            for (Future<Product> product : created) {
                lost.add(product.get());
            }
        } finally {
            writers.shutdown();
        }
        awaitLive(lost, LARGE_DRIFT);
        // the whole lot gone from the index at once, each at its own version
        for (int from = 0; from < lost.size(); from += 500) {
            StringBuilder bulk = new StringBuilder();
            for (Product product : lost.subList(from, Math.min(lost.size(), from + 500))) {
                bulk.append("{\"delete\":{\"_index\":\"products\",\"_id\":\"").append(product.id())
                        .append("\",\"version\":").append(product.version()).append(",\"version_type\":\"external_gte\"}}\n");
            }
            index().contentType("application/x-ndjson").body(bulk.toString().getBytes(StandardCharsets.UTF_8)).post("/_bulk").then().statusCode(200)
                    .body("errors", is(false));
        }
        index().post("/products/_refresh").then().statusCode(200);
        awaitLive(lost, 0);

        try (Replica small = Replica.start("search-service",
                Map.of("STACK_SERVICE_JAVA_OPTS", "-Xmx96m", "SEARCH_DRIFT_PAGE_SIZE", "100"))) {
            JsonPath report;
            try {
                report = Stack.asAdmin(small.url()).queryParam("repair", true).post("/api/search/drift").then()
                        .statusCode(200).extract().jsonPath();
            } catch (Exception gone) { // rest-assured passes a reset connection on as it is
                throw new AssertionError("the check's instance " + (small.isAlive() ? "did not answer" : "died") + ":\n"
                        + small.logTail(), gone);
            }
            assertThat(report.getInt("missing")).isEqualTo(LARGE_DRIFT);
            assertThat(report.getInt("stale") + report.getInt("extra")).isZero();
            assertThat(report.getInt("repaired")).isEqualTo(LARGE_DRIFT);
            assertThat(small.isAlive()).as("the instance that repaired").isTrue();
        }
        awaitLive(lost, LARGE_DRIFT);
        // and found by search-service as catalog has them
        Views.awaitIndexed(lost.get(0).id(), lost.get(0).version());
        Views.awaitIndexed(lost.get(LARGE_DRIFT - 1).id(), lost.get(LARGE_DRIFT - 1).version());
        JsonPath after = drift(false);
        assertThat(after.getInt("missing") + after.getInt("stale") + after.getInt("extra")).isZero();
        // 36 MB of descriptions a run: gone again, so a developer's stack (and its search benchmark) does not keep them
        ExecutorService deleters = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> deleted = new ArrayList<>();
            lost.forEach(product -> deleted.add(deleters.submit(() -> Catalog.deleteProduct(product))));
            for (Future<Long> delete : deleted) {
                delete.get();
            }
        } finally {
            deleters.shutdown();
        }
    }

    /** Waits until the index holds {@code count} live documents of these products (one request, not one per product). */
    private static void awaitLive(List<Product> products, int count) {
        Map<String, Object> query = Map.of("query", Map.of("bool", Map.of(
                "filter", List.of(Map.of("ids", Map.of("values", ids(products)))),
                "must_not", List.of(Map.of("term", Map.of("deleted", true))))));
        await().atMost(Views.LAG).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(index().body(query).post("/products/_count").then().statusCode(200).extract().jsonPath()
                        .getInt("count")).isEqualTo(count));
    }

    @Test
    void onlyAdminsCheckForDrift() {
        Stack.anonymous(Stack.search()).post("/api/search/drift").then().statusCode(401);
        Stack.as(Stack.search(), UUID.randomUUID(), "customer").post("/api/search/drift").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static JsonPath drift(boolean repair) {
        return Stack.asAdmin(Stack.search()).queryParam("repair", repair).post("/api/search/drift").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<Product> products(int count, String word) {
        List<Product> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(Catalog.createProduct("Drift " + unique(word), "Planted", "Brand", "10.00", List.of("drift")));
        }
        return Collections.unmodifiableList(made);
    }

    /** About 9,000 characters (catalog takes up to 10,000): a product that weighs what a real one can. */
    private static String longDescription() {
        StringBuilder text = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (text.length() < 9_000) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString().strip();
    }

    private static List<String> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }

    private static RequestSpecification index() {
        return Stack.anonymous(Stack.elasticsearch());
    }
}
