package shop.catalog.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import shop.events.EventSchemas;
import shop.polyglot.stack.LocalStack;

/**
 * Reads the outbox topics the way a consumer does, from Kafka through Debezium, for tests:
 * the whole topic from the start, keeping only the aggregate ids a test made itself. Every event
 * of the contract's topics it hands a test is first checked against its type's JSON Schema
 * (the events module): a test that waits for an event also checks what catalog published.
 */
public final class OutboxEvents implements AutoCloseable {

    /** One event as it arrived: Kafka key and {@code id} header, the expanded payload, the record itself. */
    public record Event(String topic, String key, String id, JsonNode payload, ConsumerRecord<String, String> record) {

        public String header(String name) {
            return OutboxEvents.header(record, name);
        }

        public String type() {
            return payload.path("type").asText();
        }

        public long version() {
            return payload.path("version").asLong();
        }

        public JsonNode data() {
            return payload.path("data");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The topics of the event contract; others (a test's own probe topic) carry no schema. */
    private static final Set<String> CONTRACT_TOPICS = Set.of("outbox.event.user", "outbox.event.product",
            "outbox.event.order");
    private static boolean connectorRegistered;

    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    private OutboxEvents(List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
    }

    /** Subscribes to {@code outbox.event.<aggregate>} for each aggregate type. */
    public static synchronized OutboxEvents of(String... aggregateTypes) {
        if (!connectorRegistered) {
            // idempotent; after Quarkus booted, so Flyway has created the outbox and publication
            LocalStack.registerOutboxConnector();
            connectorRegistered = true;
        }
        return new OutboxEvents(List.of(aggregateTypes).stream().map(t -> "outbox.event." + t).toList());
    }

    /**
     * Waits (bounded) until an event with this key matches {@code last}; returns every event with
     * this key seen so far, in topic order. A later event of the same aggregate arrives after
     * anything an earlier transaction published, so what is missing here was never published.
     */
    public List<Event> until(Object key, Predicate<Event> last) {
        String k = key.toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return seen.stream().anyMatch(e -> e.key().equals(k) && last.test(e));
        });
        List<Event> ofKey = seen.stream().filter(e -> e.key().equals(k)).toList();
        ofKey.stream().filter(e -> CONTRACT_TOPICS.contains(e.topic()))
                .forEach(e -> EventSchemas.assertValid(e.type(), e.record().value()));
        return ofKey;
    }

    /** Waits for the event of this type and version of this aggregate; returns all of its events so far. */
    public List<Event> until(Object key, String type, long version) {
        return until(key, e -> e.type().equals(type) && e.version() == version);
    }

    /** Every event read so far, of any aggregate. */
    public List<Event> seenSoFar() {
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            try {
                seen.add(new Event(record.topic(), record.key(), header(record, "id"), JSON.readTree(record.value()),
                        record));
            } catch (Exception notJson) {
                // another producer's record: not ours to read
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
