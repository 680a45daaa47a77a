package shop.kit.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import shop.kit.kafka.BoundedAdmin;

/**
 * How many records a consumer group has yet to apply, per topic: the partitions' end offsets less
 * the group's committed offsets (what {@code kafka-consumer-groups --describe} calls LAG). A
 * partition the group never committed counts from its first retained record. Read with an admin
 * client of its own, bounded by {@code timeout}: an unreachable broker answers "unknown" (empty),
 * never a wait of a minute.
 */
public final class ConsumerBacklog implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /** {@code kafka}: the application's {@code kafka.*} settings (bootstrap servers, security). */
    public ConsumerBacklog(Map<String, Object> kafka, Duration timeout) {
        this.timeout = timeout;
        this.admin = BoundedAdmin.create(kafka, timeout);
    }

    /**
     * Records behind per topic for {@code group}; a topic that does not exist yet is 0 behind.
     * Throws {@link Unknown} when Kafka does not answer in time.
     */
    public Map<String, Long> behind(String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, Long> behind = new HashMap<>();
            for (String topic : topics) {
                behind.put(topic, 0L);
                partitions.addAll(partitions(topic));
            }
            if (partitions.isEmpty()) {
                return behind;
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                long lag = Math.max(0, ends.get(partition).offset() - from);
                behind.merge(partition.topic(), lag, Long::sum);
            }
            return behind;
        } catch (ExecutionException | TimeoutException e) {
            throw new Unknown(e instanceof ExecutionException ? String.valueOf(e.getCause()) : "no answer from Kafka within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unknown("interrupted");
        }
    }

    private List<TopicPartition> partitions(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of(); // not created yet: Debezium creates an outbox topic with its first event
            }
            throw e;
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kafka did not say in time; the backlog is unknown, not zero. */
    public static final class Unknown extends RuntimeException {
        Unknown(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
