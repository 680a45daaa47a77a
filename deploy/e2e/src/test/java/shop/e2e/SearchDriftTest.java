package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.e2e.support.Stack.unique;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
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

    private static List<String> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }

    private static RequestSpecification index() {
        return Stack.anonymous(Stack.elasticsearch());
    }
}
