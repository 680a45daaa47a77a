package shop.search.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import shop.search.support.Catalog;
import shop.search.support.Catalog.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;
import shop.search.support.Topics;

/** An event that cannot be projected goes to the dead-letter topic with the reason; the stream goes on. */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class DeadLetterTest {

    private static final String DEAD_LETTERS = SearchStack.TOPIC + ".dead-letter";

    @Test
    void malformedEventsLandOnTheDeadLetterTopicAndLaterEventsStillIndex() throws Exception {
        String notJson = UUID.randomUUID().toString();
        String noVersion = UUID.randomUUID().toString();
        Topics.produce(SearchStack.TOPIC, notJson, "{not json", UUID.randomUUID().toString());
        Topics.produce(SearchStack.TOPIC, noVersion,
                VersionGuardTest.envelope(noVersion, "product.created", 1, "Broken", "Brand")
                        .replace("\"version\":1,\"occurredAt\"", "\"occurredAt\""),
                UUID.randomUUID().toString());

        String word = Catalog.unique("compass");
        Product product = Catalog.create("Compass " + word, "Points north", Catalog.unique("Brand"), "15.00",
                List.of("outdoor"));
        Search.awaitIndexed(product.id(), product.version());

        List<ConsumerRecord<String, String>> dead = Topics.deadLetters(DEAD_LETTERS, List.of(notJson, noVersion), 2,
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
