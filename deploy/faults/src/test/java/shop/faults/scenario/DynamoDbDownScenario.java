package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.traffic.OrderTraffic;
import shop.faults.view.FeedItems;

/**
 * Scenario 5: the dynamodb component (whatever server it runs) killed during order traffic, and
 * started again. Orders go on (catalog does not use DynamoDB); afterwards every acknowledged order
 * is in its customer's feed, and no event is there twice.
 */
public final class DynamoDbDownScenario implements FaultScenario {

    @Override
    public String name() {
        return "dynamodb-down";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int orders = scale == Scale.FULL ? 2_000 : 150;
        Duration outage = scale == Scale.FULL ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        Duration lead = Duration.ofSeconds(5);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (OrderTraffic traffic = new OrderTraffic(Personas.admin(), orders, lead.plus(outage).plus(lead.multipliedBy(2)))) {
            traffic.start();
            Thread.sleep(lead.toMillis());
            long killedAt = System.nanoTime();
            Components.kill("dynamodb");
            Thread.sleep(outage.toMillis());
            Components.start("dynamodb");
            long restoredAt = System.nanoTime();
            traffic.finish();

            Double caughtUp = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(5),
                    () -> KafkaRestartScenario.ordersMissingFromFeeds(traffic).isEmpty());
            Set<String> missing = KafkaRestartScenario.ordersMissingFromFeeds(traffic);
            Map<String, Integer> itemsPerEvent = new HashMap<>();
            Map<String, Integer> placedItemsPerOrder = new HashMap<>();
            int items = 0;
            for (String customer : traffic.customers()) {
                for (JsonNode item : FeedItems.of(customer)) {
                    items++;
                    itemsPerEvent.merge(FeedItems.eventId(item), 1, Integer::sum);
                    if (item.path("type").path("S").asText().equals("order.placed")) {
                        placedItemsPerOrder.merge(FeedItems.data(item).path("id").asText(), 1, Integer::sum);
                    }
                }
            }
            long duplicates = itemsPerEvent.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum()
                    + placedItemsPerOrder.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();

            figures.put("dynamodbDownSeconds", CatchUp.seconds(Duration.ofNanos(restoredAt - killedAt)));
            figures.put("orders", orders);
            figures.put("ordersByStatus", traffic.byStatus());
            figures.put("ordersAcknowledged", traffic.placed().size());
            figures.put("feedItemsOfTheCustomers", items);
            figures.put("feedCatchUpSecondsAfterRestart", caughtUp);
            figures.put("lost", missing.size());
            figures.put("duplicateItems", duplicates);
            if (traffic.placed().size() < orders) {
                findings.add("catalog did not accept every order while DynamoDB was down: " + traffic.byStatus());
            }
            if (!missing.isEmpty()) {
                findings.add(missing.size() + " acknowledged orders not in their customer's feed 5 min after DynamoDB "
                        + "returned, e.g. " + missing.stream().limit(5).toList());
            }
            if (duplicates > 0) {
                findings.add(duplicates + " duplicate feed items (one event, or one order placed, more than once)");
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }
}
