package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.traffic.OrderTraffic;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.FeedItems;
import shop.faults.view.SearchIndex;

/**
 * Scenario 3: the Kafka broker killed while products are written and orders placed, and started
 * again. Connect, search-service and feed-service are not touched: their clients must reconnect on
 * their own, and both projections resume with nothing lost — every product in the index at
 * PostgreSQL's version, every acknowledged order in its customer's feed.
 */
public final class KafkaRestartScenario implements FaultScenario {

    @Override
    public String name() {
        return "kafka-restart";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int writes = scale == Scale.FULL ? 3_000 : 300;
        int orders = scale == Scale.FULL ? 1_000 : 100;
        Duration outage = scale == Scale.FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        Duration lead = Duration.ofSeconds(5);
        Duration span = lead.plus(outage).plus(lead.multipliedBy(2));
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        Identity admin = Personas.admin();
        try (ProductWriter writer = new ProductWriter(admin, writes, span);
                OrderTraffic traffic = new OrderTraffic(admin, orders, span)) {
            writer.start();
            traffic.start();
            Thread.sleep(lead.toMillis());
            long killedAt = System.nanoTime();
            Components.kill("kafka");
            Thread.sleep(outage.toMillis());
            Components.start("kafka");
            long restoredAt = System.nanoTime();
            writer.finish();
            traffic.finish();

            Double indexCaughtUp = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(5),
                    () -> SearchIndex.behind(CatalogDatabase.productVersions()).isEmpty());
            Double feedCaughtUp = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(3),
                    () -> ordersMissingFromFeeds(traffic).isEmpty());
            Map<String, String> behind = SearchIndex.behind(CatalogDatabase.productVersions());
            Set<String> missing = ordersMissingFromFeeds(traffic);

            figures.put("kafkaDownSeconds", CatchUp.seconds(Duration.ofNanos(restoredAt - killedAt)));
            figures.put("productWrites", writes);
            figures.put("productWritesAcknowledged", writer.acknowledged());
            figures.put("productWritesRefused", writer.refused());
            figures.put("orders", orders);
            figures.put("ordersByStatus", traffic.byStatus());
            figures.put("indexCatchUpSecondsAfterRestart", indexCaughtUp);
            figures.put("feedCatchUpSecondsAfterRestart", feedCaughtUp);
            figures.put("productsLostInIndex", behind.size());
            figures.put("ordersLostInFeed", missing.size());
            figures.put("lost", behind.size() + missing.size());
            if (writer.refused() > 0) {
                findings.add("catalog refused " + writer.refused() + " product writes while Kafka was down: " + writer.failures());
            }
            if (!behind.isEmpty()) {
                findings.add(behind.size() + " products not at PostgreSQL's version in the index after Kafka returned, e.g. "
                        + behind.entrySet().stream().limit(5).toList());
            }
            if (!missing.isEmpty()) {
                findings.add(missing.size() + " acknowledged orders not in their customer's feed after Kafka returned, e.g. "
                        + missing.stream().limit(5).toList());
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    /** Acknowledged orders without an {@code order.placed} item in their customer's feed. */
    static Set<String> ordersMissingFromFeeds(OrderTraffic traffic) {
        Set<String> missing = new TreeSet<>(traffic.placed().keySet());
        for (String customer : traffic.customers()) {
            for (JsonNode item : FeedItems.of(customer)) {
                if (item.path("type").path("S").asText().equals("order.placed")) {
                    missing.remove(FeedItems.data(item).path("id").asText());
                }
            }
        }
        return missing;
    }
}
