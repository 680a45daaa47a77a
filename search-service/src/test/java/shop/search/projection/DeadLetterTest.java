package shop.search.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import shop.events.OutboxEvent;
import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;
import shop.search.support.Topics;

/** An event that cannot be projected goes to the dead-letter topic with the reason; the stream goes on. */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class DeadLetterTest {

    @Test
    void malformedEventsLandOnTheDeadLetterTopicAndLaterEventsStillIndex() {
        String notJson = UUID.randomUUID().toString();
        String noVersion = UUID.randomUUID().toString();
        CatalogEvents.publishRaw(notJson, "{not json");
        // no producer of the contract writes an event without a version (so it is sent unchecked)
        CatalogEvents.publishRaw(noVersion, OutboxEvent.of("product.deleted", UUID.fromString(noVersion), 2,
                Map.of("id", noVersion, "sku", "SKU-broken", "version", 2)).json().replace("\"version\":2,\"occurredAt\"",
                "\"occurredAt\""));

        String word = CatalogEvents.unique("compass");
        Product product = CatalogEvents.create("Compass " + word, "Points north", CatalogEvents.unique("Brand"), "15.00",
                List.of("outdoor"));
        Search.awaitIndexed(product.id(), product.version());

        List<ConsumerRecord<String, String>> dead = Topics.deadLetters(SearchStack.groupId + ".dead-letter", List.of(notJson, noVersion), 2,
                Search.VIEW_WAIT);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(notJson, noVersion);
        ConsumerRecord<String, String> first = dead.stream().filter(r -> r.key().equals(notJson)).findFirst()
                .orElseThrow();
        assertThat(first.value()).isEqualTo("{not json");
        assertThat(Topics.header(first, "dead-letter-reason")).startsWith("not JSON");
        assertThat(Topics.header(first, "dead-letter-topic")).isEqualTo(SearchStack.TOPIC);
        assertThat(Topics.header(dead.stream().filter(r -> r.key().equals(noVersion)).findFirst().orElseThrow(),
                "dead-letter-reason")).startsWith("version must be");
    }
}
