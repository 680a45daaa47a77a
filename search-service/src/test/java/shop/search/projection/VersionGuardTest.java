package shop.search.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import shop.search.support.Catalog;
import shop.search.support.Catalog.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;
import shop.search.support.Topics;

/**
 * Debezium delivers at least once and a topic can be read again: an event the index already has
 * (or has something newer than) changes nothing. The stale events are produced to the real topic
 * here, as a redelivery would bring them; the test waits until the service committed past them
 * (it commits only after Elasticsearch answered), then checks the index still holds the newer version.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class VersionGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void redeliveredOlderEventDoesNotOverwriteANewerVersion() throws Exception {
        String word = Catalog.unique("lamp");
        String brand = Catalog.unique("Brand");
        Product v1 = Catalog.create("Desk " + word, "Warm light", brand, "30.00", List.of("home"));
        Product v2 = Catalog.update(v1, "Floor " + word, "Warm light", brand, "80.00", List.of("home"));
        Search.awaitIndexed(v1.id(), v2.version());

        awaitProcessed(Topics.produce(SearchStack.TOPIC, v1.id(),
                envelope(v1.id(), "product.updated", v1.version(), "Stale " + word, brand), UUID.randomUUID().toString()));

        given().get("/api/search/products/" + v1.id()).then().body("indexedVersion", is((int) v2.version()));
        assertThat(Search.awaitTotal("q=" + word, 1).jsonPath().getString("hits[0].name")).isEqualTo("Floor " + word);
    }

    @Test
    void redeliveredEventOfTheSameVersionChangesNothing() throws Exception {
        String word = Catalog.unique("chair");
        String brand = Catalog.unique("Brand");
        Product product = Catalog.create("Office " + word, "Ergonomic", brand, "150.00", List.of("home"));
        Search.awaitIndexed(product.id(), product.version());

        // the same version with other content: only a redelivery can carry a version the index has
        awaitProcessed(Topics.produce(SearchStack.TOPIC, product.id(),
                envelope(product.id(), "product.updated", product.version(), "Changed " + word, brand),
                UUID.randomUUID().toString()));

        assertThat(Search.awaitTotal("q=" + word, 1).jsonPath().getString("hits[0].name"))
                .isEqualTo("Office " + word);
    }

    @Test
    void lateUpdateAfterADeleteDoesNotBringTheProductBack() throws Exception {
        String word = Catalog.unique("shelf");
        String brand = Catalog.unique("Brand");
        Product product = Catalog.create("Wall " + word, "Oak", brand, "45.00", List.of("home"));
        Search.awaitIndexed(product.id(), product.version());
        Catalog.delete(product);
        Search.awaitGone(product.id());

        awaitProcessed(Topics.produce(SearchStack.TOPIC, product.id(),
                envelope(product.id(), "product.updated", product.version(), "Wall " + word, brand),
                UUID.randomUUID().toString()));

        given().get("/api/search/products/" + product.id()).then().statusCode(404);
        Search.awaitTotal("q=" + word, 0);
    }

    private static void awaitProcessed(RecordMetadata record) {
        await().atMost(Search.VIEW_WAIT).until(() -> Topics.committedPast(record));
    }

    static String envelope(String id, String type, long version, String name, String brand) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("sku", "SKU-" + id);
        data.put("name", name);
        data.put("description", "Warm light");
        data.put("brand", brand);
        data.put("price", 30.0);
        data.put("currency", "USD");
        data.put("tags", List.of("home"));
        data.put("stock", 1);
        data.put("version", version);
        data.put("createdAt", Instant.now().toString());
        data.put("updatedAt", Instant.now().toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("aggregateId", id);
        envelope.put("version", version);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }
}
