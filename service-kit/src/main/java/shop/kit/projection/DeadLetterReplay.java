package shop.kit.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import shop.kit.problem.Problem;

/**
 * A view's dead letters, to read and to replay once their cause is fixed. The dead-letter topic is
 * the view's own ({@code <group>.dead-letter}); what has been replayed is the progress of a consumer
 * group of its own ({@code <group>.dead-letters}), so the list is what came after the last replay and
 * {@code projection_dead_letters_pending} counts it.
 *
 * <p>A replay reads every pending dead letter and gives it, as the original record (its topic,
 * partition, offset and headers from the {@code dead-letter-*} headers), to the view's projection.
 * The projections are idempotent (version guards, conditional puts), so a replay that repeats one is
 * harmless. One that fails again goes back to the dead-letter topic with its new reason (it stays);
 * then the replay group's offsets move past what was read. One replay at a time per instance (409).
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.kit.view.enabled", stringValue = "true")
public class DeadLetterReplay {

    /** One dead letter: where it is, where it came from, why, and what it holds. */
    public record DeadLetter(String topic, int partition, long offset, Instant deadLetteredAt, String reason,
            String originalTopic, Integer originalPartition, Long originalOffset, String key, String value,
            Map<String, String> headers) {
    }

    public record Listing(List<DeadLetter> items, long pending) {
    }

    public record Replayed(int replayed, int failed) {
    }

    /** The view's projection of one original record; throws (with the reason) when it cannot apply it. */
    @FunctionalInterface
    public interface Projection {
        void apply(ConsumerRecord<String, String> original) throws Exception;
    }

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    private static final String REPLAYS = "dead-letter-replays";
    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_LISTED = 1000;

    private final Map<String, Object> kafka;
    private final ViewProgress progress;
    private final AtomicBoolean replaying = new AtomicBoolean();

    DeadLetterReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka, ViewProgress progress) {
        this.kafka = kafka;
        this.progress = progress;
    }

    /** The pending dead letters, oldest first (the first 1,000), and how many are pending. */
    public Listing list() {
        List<DeadLetter> items = new ArrayList<>();
        long pending;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<TopicPartition, Long> ends = positionAtPending(consumer);
            pending = ends.entrySet().stream().mapToLong(e -> e.getValue() - consumer.position(e.getKey())).sum();
            read(consumer, ends, record -> {
                if (items.size() < MAX_LISTED) {
                    items.add(deadLetter(record));
                }
            });
        } catch (KafkaException unreachable) {
            throw Problem.unavailable("Kafka does not answer: " + unreachable.getMessage());
        }
        return new Listing(items, pending);
    }

    /** Replays every pending dead letter through {@code projection}; 409 while a replay runs. */
    public Replayed replay(Projection projection) {
        if (!replaying.compareAndSet(false, true)) {
            throw Problem.conflict("a replay of the " + progress.view() + " view's dead letters is running");
        }
        int[] counts = new int[2];
        try (KafkaConsumer<String, String> consumer = consumer();
                KafkaProducer<String, String> producer = producer()) {
            Map<TopicPartition, Long> ends = positionAtPending(consumer);
            read(consumer, ends, record -> {
                try {
                    projection.apply(original(record));
                    counts[0]++;
                } catch (Exception again) {
                    counts[1]++;
                    String reason = again.getMessage() == null ? again.toString() : again.getMessage();
                    LOG.warnf("dead letter %s-%d@%d failed again, it stays: %s", record.topic(), record.partition(),
                            record.offset(), reason);
                    sendBack(producer, record, reason);
                }
            });
            producer.flush();
            // past what was read, now that each one was applied or is back on the topic
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            ends.forEach((partition, end) -> done.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(done);
        } catch (KafkaException unreachable) {
            throw Problem.unavailable("Kafka does not answer: " + unreachable.getMessage());
        } finally {
            replaying.set(false);
        }
        progress.refresh();
        LOG.infof("%s dead letters replayed: %d applied, %d failed again", progress.view(), counts[0], counts[1]);
        return new Replayed(counts[0], counts[1]);
    }

    /** Assigns the dead-letter topic's partitions at the replay group's positions; returns their end offsets now. */
    private Map<TopicPartition, Long> positionAtPending(KafkaConsumer<String, String> consumer) {
        String topic = progress.source().deadLetterTopic();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        List<TopicPartition> partitions = infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(5)));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                Duration.ofSeconds(5));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            consumer.seek(partition, at == null ? starts.get(partition) : Math.max(at.offset(), starts.get(partition)));
        }
        return ends;
    }

    /** Reads from the positions up to (not including) {@code ends}, in order per partition. */
    private static void read(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends,
            java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw Problem.unavailable("the dead-letter topic was not read to its end within 60 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.getOrDefault(partition, 0L)) {
                    each.accept(record);
                }
            }
        }
    }

    /** The record as the projection first saw it: its topic, partition, offset and headers. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> dead) {
        String topic = header(dead, TOPIC);
        Integer partition = number(header(dead, PARTITION), Integer::valueOf);
        Long offset = number(header(dead, OFFSET), Long::valueOf);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        ConsumerRecord<String, String> original = new ConsumerRecord<>(topic == null ? dead.topic() : topic,
                partition == null ? dead.partition() : partition, offset == null ? dead.offset() : offset,
                dead.timestamp(), dead.timestampType(), -1, -1, dead.key(), dead.value(), headers,
                java.util.Optional.empty());
        return original;
    }

    private void sendBack(KafkaProducer<String, String> producer, ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        int replays = 0;
        for (Header header : record.headers()) {
            if (header.key().equals(REPLAYS)) {
                replays = number(new String(header.value(), StandardCharsets.UTF_8), Integer::valueOf);
            } else if (!header.key().equals(REASON)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REASON, reason.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(REPLAYS, String.valueOf(replays + 1).getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new KafkaException("dead letter not sent back: " + e, e);
        }
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? null
                : new String(h.value(), StandardCharsets.UTF_8)));
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                header(record, REASON), header(record, TOPIC), number(header(record, PARTITION), Integer::valueOf),
                number(header(record, OFFSET), Long::valueOf), record.key(), record.value(), headers);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = clientSettings(ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, progress.source().replayGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, progress.view() + "-dead-letters-" + UUID.randomUUID());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties props = clientSettings(ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The application's kafka.* settings (bootstrap servers, security) that this kind of client takes. */
    private Properties clientSettings(java.util.Set<String> names) {
        Properties props = new Properties();
        kafka.forEach((key, value) -> {
            if (names.contains(key) && !key.endsWith("deserializer") && !key.endsWith("serializer")
                    && !key.equals(ConsumerConfig.GROUP_ID_CONFIG)) {
                props.put(key, value);
            }
        });
        return props;
    }
}
