package shop.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/** Who in a consumer group holds which partitions of a topic, as Kafka's admin API tells it. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** How many partitions the topic has. */
    public static int partitions(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("describing " + topic, e);
        }
    }

    /** Each member holding partitions of the topic -> those partitions (members holding none left out). */
    public static Map<String, Set<Integer>> holders(String group, String topic) {
        try (Admin admin = admin()) {
            Map<String, Set<Integer>> holders = new TreeMap<>();
            for (MemberDescription member : admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS).members()) {
                Set<Integer> held = new TreeSet<>();
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (partition.topic().equals(topic)) {
                        held.add(partition.partition());
                    }
                }
                if (!held.isEmpty()) {
                    holders.put(member.consumerId(), held);
                }
            }
            return holders;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("describing group " + group, e);
        }
    }

    /**
     * Waits until exactly {@code members} members of the group hold the topic's partitions between
     * them, every partition held once; returns who holds what.
     */
    public static Map<String, Set<Integer>> awaitHeldBy(String group, String topic, int members, Duration atMost) {
        int partitions = partitions(topic);
        @SuppressWarnings("unchecked")
        Map<String, Set<Integer>>[] last = new Map[1];
        // asserted, so a timeout says who held what at the last look
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last[0] = holders(group, topic);
            List<Integer> held = last[0].values().stream().flatMap(Set::stream).sorted().toList();
            assertThat(last[0]).as("members of %s holding partitions of %s", group, topic).hasSize(members);
            assertThat(held).as("%s's partitions, as %s's members hold them", topic, group)
                    .containsExactlyElementsOf(IntStream.range(0, partitions).boxed().toList());
        });
        return last[0];
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.kafka(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }
}
