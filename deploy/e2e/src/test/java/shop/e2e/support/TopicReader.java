package shop.e2e.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from where it ends when the reader is made (so a test sees the records it causes,
 * not history), without a consumer group: every partition assigned, nothing committed.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: fix the positions now, before the test writes anything
        partitions.forEach(consumer::position);
    }

    public static TopicReader fromEnd(String topic) {
        return new TopicReader(topic);
    }

    /** Waits (bounded) until a record with this key matches {@code last}; returns every record with this key so far. */
    public List<ConsumerRecord<String, String>> until(String key, Predicate<ConsumerRecord<String, String>> last) {
        return awaitOfKey(key, ofKey -> ofKey.stream().anyMatch(last));
    }

    /** Waits (bounded) until {@code count} records with this key have arrived; returns them. */
    public List<ConsumerRecord<String, String>> until(String key, int count) {
        return awaitOfKey(key, ofKey -> ofKey.size() >= count);
    }

    private List<ConsumerRecord<String, String>> awaitOfKey(String key,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            return done.test(ofKey(key));
        });
        return ofKey(key);
    }

    private List<ConsumerRecord<String, String>> ofKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
