package shop.feed.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The outbox topics as a test sees them: the dead-letter topic read back, and a wait for the
 * application's consumers (events are produced by {@link CatalogEvents}).
 */
public final class Topics {

    public static final String ORDERS = "outbox.event.order";
    public static final String USERS = "outbox.event.user";

    private Topics() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
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

    /** Waits (bounded) until the dead-letter topic holds {@code expected} records with this key; returns them. */
    public static List<DeadLetter> awaitDeadLetters(String key, int expected) {
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
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }
}
