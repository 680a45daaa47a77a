package shop.feed.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The outbox topics as a test sees them: events produced exactly as Debezium's EventRouter
 * publishes them (key = aggregate id, headers {@code id} and {@code eventType}, value = the
 * payload JSON), the dead-letter topic read back, and a wait for the application's consumers.
 */
public final class Topics {

    public static final String ORDERS = "outbox.event.order";
    public static final String USERS = "outbox.event.user";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Topics() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** An outbox envelope {@code {eventId, type, aggregateId, version, occurredAt, data}}. */
    public static String envelope(UUID eventId, String type, UUID aggregateId, Instant occurredAt, Map<String, ?> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", type);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("data", data);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record and waits until Kafka acknowledged it. */
    public static void produce(String topic, String key, String eventId, String eventType, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (eventId != null) {
                record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
            }
            if (eventType != null) {
                record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /**
     * Waits until the application's consumer group holds every partition of the outbox topics:
     * it starts at the topics' end (a fresh group per test run), so anything produced before
     * that would never reach it.
     */
    public static void awaitProjectionAssigned() {
        String group = ConfigProvider.getConfig().getValue("kafka.group.id", String.class);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get(10, TimeUnit.SECONDS);
                Set<String> assigned = description.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream())
                        .map(TopicPartition::topic).collect(Collectors.toSet());
                return assigned.containsAll(Set.of(ORDERS, USERS));
            });
        }
    }

    /** A dead-lettered record: its key, value and reason header. */
    public record DeadLetter(String key, String value, String reason) {
    }

    /** Waits (bounded) until the dead-letter topic holds a record with this key; returns all with it. */
    public static List<DeadLetter> awaitDeadLetters(String key) {
        String topic = ConfigProvider.getConfig().getValue("feed.dead-letter-topic", String.class);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Collection<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    return false;
                }
                if (consumer.assignment().isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(new DeadLetter(record.key(), record.value(), header(record, "dead-letter-reason")));
                    }
                }
                return !found.isEmpty();
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }
}
