package shop.faults.view;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.stack.Stack;

/**
 * An outbox topic ({@code outbox.event.<aggregate>}) read from offset 0 to its current end by a
 * consumer of no group (assigned partitions, nothing committed): every event Debezium published,
 * duplicates included.
 */
public final class OutboxTopic {

    /** One record: the event id (header {@code id}), the aggregate (key), the type and version of the payload. */
    public record Event(String id, String aggregateId, String type, long version, JsonNode data) {
    }

    private OutboxTopic() {
    }

    public static List<Event> read(String aggregateType) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Stack.setting("STACK_KAFKA_PORT"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            String topic = "outbox.event." + aggregateType;
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header id = record.headers().lastHeader("id");
                    JsonNode payload = parse(record.value());
                    events.add(new Event(id == null ? "" : unquote(new String(id.value(), StandardCharsets.UTF_8)),
                            record.key() == null ? "" : unquote(record.key()), payload.path("type").asText(),
                            payload.path("version").asLong(), payload.path("data")));
                }
            }
        }
        return events;
    }

    // JsonConverter without schemas writes a string key or header as a JSON string
    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            return Json.MAPPER.nullNode();
        }
    }
}
