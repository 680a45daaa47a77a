package shop.search.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Kafka as a test needs it: read the dead letters, see commits (events are produced by {@link CatalogEvents}). */
public final class Topics {

    private Topics() {
    }

    /** Whether the application's consumer group has committed past this record (it was processed and acknowledged). */
    public static boolean committedPast(RecordMetadata record) {
        try (Admin admin = Admin.create(SearchStack.kafkaProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(SearchStack.groupId).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
            return offset != null && offset.offset() > record.offset();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The records of the topic, from its beginning, whose key is one of {@code keys} and that the
     * application's own consumer group dead-lettered; read until {@code expected} or for up to {@code wait}.
     */
    public static List<ConsumerRecord<String, String>> deadLetters(String topic, List<String> keys, int expected,
            Duration wait) {
        Properties props = SearchStack.kafkaProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "search-test-reader-" + java.util.UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())
                            && SearchStack.groupId.equals(header(record, "dead-letter-group"))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
