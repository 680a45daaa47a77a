package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.stack.Stack;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.FeedItems;
import shop.faults.view.SearchIndex;

/**
 * Scenario 4: every event delivered twice. search-service and feed-service are stopped, their
 * consumer groups (the stack's own, {@code faults.search-group} / {@code faults.feed-group}) are
 * set back to offset 0 of their topics with the Kafka admin client, and the services are started
 * again: they re-read every event they ever projected, while new products are written. Every index
 * document (its product version and Elasticsearch's {@code _version}) and every feed item that
 * existed before must be exactly as it was (changed = 0), with no new item in an existing feed.
 */
public final class RedeliveryScenario implements FaultScenario {

    private static final String SEARCH_GROUP = System.getProperty("faults.search-group", "search-service");
    private static final String FEED_GROUP = System.getProperty("faults.feed-group", "feed-service");
    private static final Map<String, List<String>> TOPICS = Map.of(SEARCH_GROUP, List.of("outbox.event.product"),
            FEED_GROUP, List.of("outbox.event.order", "outbox.event.user"));

    @Override
    public String name() {
        return "redelivery";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int writes = scale == Scale.FULL ? 2_000 : 100;
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (Admin kafka = Admin.create(adminConfig());
                ProductWriter writer = new ProductWriter(Personas.admin(), writes, Duration.ofSeconds(20))) {
            // the views first caught up with everything published so far, then taken as they are
            CatchUp.within(Duration.ofMinutes(3), () -> SearchIndex.behind(CatalogDatabase.productVersions()).isEmpty()
                    && lag(kafka).values().stream().allMatch(lag -> lag == 0));
            Components.stop("search-service", "feed-service");
            Map<String, SearchIndex.Document> documentsBefore = SearchIndex.documents();
            Map<String, String> feedBefore = FeedItems.all();

            Map<String, Long> replayed = new TreeMap<>();
            for (String group : TOPICS.keySet()) {
                replayed.put(group, rewind(kafka, group));
            }
            writer.start();
            Components.start("search-service", "feed-service");
            long restartedAt = System.nanoTime();
            Double replayDone = CatchUp.secondsSince(restartedAt, Duration.ofMinutes(5),
                    () -> lag(kafka).values().stream().allMatch(lag -> lag == 0));
            writer.finish();

            Map<String, SearchIndex.Document> documentsAfter = SearchIndex.documents();
            Map<String, String> feedAfter = FeedItems.all();
            List<String> changed = new ArrayList<>();
            documentsBefore.forEach((id, before) -> {
                if (!before.equals(documentsAfter.get(id))) {
                    changed.add("index " + id + ": " + before + " → " + documentsAfter.get(id));
                }
            });
            feedBefore.forEach((key, before) -> {
                if (!before.equals(feedAfter.get(key))) {
                    changed.add("feed " + key + ": " + before + " → " + feedAfter.get(key));
                }
            });
            Set<String> usersBefore = new java.util.TreeSet<>();
            feedBefore.keySet().forEach(key -> usersBefore.add(key.substring(0, key.indexOf('|'))));
            feedAfter.keySet().stream().filter(key -> !feedBefore.containsKey(key))
                    .filter(key -> usersBefore.contains(key.substring(0, key.indexOf('|'))))
                    .forEach(key -> changed.add("feed " + key + ": a new item in an existing feed (a duplicate)"));
            Map<String, Long> postgres = CatalogDatabase.productVersions();
            postgres.keySet().retainAll(writer.versions().keySet());
            CatchUp.within(Duration.ofMinutes(2), () -> SearchIndex.behind(postgres).isEmpty());
            Map<String, String> newBehind = SearchIndex.behind(postgres);

            figures.put("eventsRedelivered", replayed);
            figures.put("replaySecondsAfterRestart", replayDone);
            figures.put("indexDocumentsCompared", documentsBefore.size());
            figures.put("feedItemsCompared", feedBefore.size());
            figures.put("changed", changed.size());
            figures.put("writesDuringReplay", writes);
            figures.put("writesDuringReplayAcknowledged", writer.acknowledged());
            figures.put("newProductsNotIndexed", newBehind.size());
            if (replayDone == null) {
                findings.add("the services did not get through the replayed topics within 5 min: lag " + lag(kafka));
            }
            if (!changed.isEmpty()) {
                findings.add(changed.size() + " documents or feed items changed by a redelivered event, e.g. "
                        + changed.stream().limit(5).toList());
            }
            if (!newBehind.isEmpty()) {
                findings.add(newBehind.size() + " products written during the replay not indexed at their version, e.g. "
                        + newBehind.entrySet().stream().limit(5).toList());
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    private static Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Stack.setting("STACK_KAFKA_PORT"));
        return config;
    }

    /**
     * Sets the group back to offset 0 on every partition of its topics (the group must be empty:
     * its service stopped; a consumer that left uncleanly is waited out). Returns the events it will re-read.
     */
    private static long rewind(Admin kafka, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (var description : kafka.describeTopics(TOPICS.get(group)).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> {
                start.put(new TopicPartition(description.name(), p.partition()), new OffsetAndMetadata(0));
                latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest());
            });
        }
        boolean rewound = CatchUp.within(Duration.ofMinutes(1), () -> {
            kafka.alterConsumerGroupOffsets(group, start).all().get(10, TimeUnit.SECONDS);
            return true;
        }).isPresent();
        if (!rewound) {
            throw new IllegalStateException("consumer group " + group + " could not be set back to 0 (still has members?)");
        }
        return kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** Per group, how many events of its topics it has not committed yet. */
    private static Map<String, Long> lag(Admin kafka) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : TOPICS.keySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (var description : kafka.describeTopics(TOPICS.get(group)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values()) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            long behind = 0;
            for (var end : kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                behind += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            lag.put(group, behind);
        }
        return lag;
    }
}
