package shop.ops.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import shop.kit.kafka.BoundedAdmin;
import shop.kit.projection.ConsumerBacklog;
import shop.ops.OpsConfig;

/**
 * The outbox topics' end offsets and each view's consumer group's records behind, read with admin
 * clients bounded by {@code ops.timeout}: Kafka down is "not known" within it.
 */
@ApplicationScoped
public class KafkaPositions {

    /** A topic: its partitions and the sum of their end offsets (every record it ever held). */
    public record Topic(String name, int partitions, long endOffset) {
    }

    /** Thrown when Kafka does not answer in time. */
    public static final class Unknown extends RuntimeException {
        Unknown(String why) {
            super(why);
        }
    }

    private final Admin admin;
    private final ConsumerBacklog backlog;
    private final OpsConfig config;

    KafkaPositions(@Identifier("default-kafka-broker") Map<String, Object> kafka, OpsConfig config) {
        this.config = config;
        this.admin = BoundedAdmin.create(kafka, config.timeout());
        this.backlog = new ConsumerBacklog(kafka, config.timeout());
    }

    /** The outbox topics ({@code ops.topic-prefix}), by name. */
    public List<Topic> topics() {
        long timeout = config.timeout().toMillis();
        try {
            List<String> names = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).stream()
                    // a dead-letter topic under the prefix is a consumer's, not the outbox's
                    .filter(name -> name.startsWith(config.topicPrefix()) && !name.endsWith(".dead-letter")).sorted()
                    .toList();
            if (names.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(timeout, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get(timeout, TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
            List<Topic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new Topic(name, described.get(name).partitions().size(), ends.getOrDefault(name, 0L)));
            }
            return topics;
        } catch (ExecutionException | TimeoutException e) {
            throw new Unknown(e instanceof TimeoutException ? "no answer from Kafka within " + timeout + " ms"
                    : String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unknown("interrupted");
        }
    }

    /** Records behind per topic for the group; throws {@link Unknown} when Kafka does not answer. */
    public Map<String, Long> behind(String group, List<String> topics) {
        try {
            return new TreeMap<>(backlog.behind(group, topics));
        } catch (RuntimeException unknown) {
            throw new Unknown(unknown.getMessage());
        }
    }

    @PreDestroy
    void close() {
        admin.close();
        backlog.close();
    }
}
