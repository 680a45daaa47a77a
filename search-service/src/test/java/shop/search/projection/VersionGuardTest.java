package shop.search.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;
import shop.search.support.Topics;

/**
 * Debezium delivers at least once and a topic can be read again: an event the index already has
 * (or has something newer than) changes nothing. The stale events are produced to the real topic
 * here, as a redelivery brings them; the test waits until the service committed past them (it
 * commits only after Elasticsearch answered), then checks the index still holds the newer version.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class VersionGuardTest {

    @Test
    void redeliveredOlderEventDoesNotOverwriteANewerVersion() {
        String word = CatalogEvents.unique("lamp");
        String brand = CatalogEvents.unique("Brand");
        Product v1 = CatalogEvents.create("Desk " + word, "Warm light", brand, "30.00", List.of("home"));
        Product v2 = CatalogEvents.update(v1, "Floor " + word, "Warm light", brand, "80.00", List.of("home"));
        Search.awaitIndexed(v1.id(), v2.version());

        awaitProcessed(CatalogEvents.redeliver(v1.event()));

        given().get("/api/search/products/" + v1.id()).then().body("indexedVersion", is((int) v2.version()));
        assertThat(Search.awaitTotal("q=" + word, 1).jsonPath().getString("hits[0].name")).isEqualTo("Floor " + word);
    }

    @Test
    void redeliveredEventOfTheSameVersionChangesNothing() {
        String word = CatalogEvents.unique("chair");
        Product product = CatalogEvents.create("Office " + word, "Ergonomic", CatalogEvents.unique("Brand"), "150.00",
                List.of("home"));
        Search.awaitIndexed(product.id(), product.version());

        awaitProcessed(CatalogEvents.redeliver(CatalogEvents.sameVersionRenamed(product, "Changed " + word)));

        assertThat(Search.awaitTotal("q=" + word, 1).jsonPath().getString("hits[0].name"))
                .isEqualTo("Office " + word);
    }

    @Test
    void lateUpdateAfterADeleteDoesNotBringTheProductBack() {
        String word = CatalogEvents.unique("shelf");
        String brand = CatalogEvents.unique("Brand");
        Product created = CatalogEvents.create("Wall " + word, "Oak", brand, "45.00", List.of("home"));
        Product updated = CatalogEvents.update(created, "Wall " + word, "Oak, oiled", brand, "49.00", List.of("home"));
        CatalogEvents.delete(updated);
        Search.awaitGone(created.id());

        awaitProcessed(CatalogEvents.redeliver(updated.event()));

        given().get("/api/search/products/" + created.id()).then().statusCode(404);
        Search.awaitTotal("q=" + word, 0);
    }

    private static void awaitProcessed(RecordMetadata record) {
        await().atMost(Search.VIEW_WAIT).until(() -> Topics.committedPast(record));
    }
}
