package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.traffic.OrderTraffic;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.OutboxTopic;

/**
 * Scenario 8: catalog-service killed with SIGKILL in the middle of order traffic (requests in
 * flight), and started again. No half-written order may be left, checked in PostgreSQL and Kafka:
 * no order without its lines, no stock taken without an order (each product's stock went down by
 * exactly the units of its orders), no order without its {@code order.placed} event, and every
 * order acknowledged with a 201 stored.
 */
public final class ServiceKilledScenario implements FaultScenario {

    @Override
    public String name() {
        return "service-killed";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int orders = scale == Scale.FULL ? 2_000 : 200;
        // catalog takes ~20 s to come back here: the traffic goes on well past it, so orders after the restart count too
        Duration span = scale == Scale.FULL ? Duration.ofSeconds(90) : Duration.ofSeconds(40);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (OrderTraffic traffic = new OrderTraffic(Personas.admin(), orders, span)) {
            traffic.start();
            Thread.sleep(span.toMillis() / 5);
            long killedAt = System.nanoTime();
            Components.kill("catalog-service");
            Components.start("catalog-service");
            figures.put("catalogDownSeconds", CatchUp.seconds(Duration.ofNanos(System.nanoTime() - killedAt)));
            int acknowledgedBeforeRestart = traffic.placed().size();
            traffic.finish();
            figures.put("ordersAcknowledgedAfterRestart", traffic.placed().size() - acknowledgedBeforeRestart);

            Map<String, String> stored = CatalogDatabase.ordersOf(traffic.customers());
            Set<String> acknowledgedNotStored = new TreeSet<>(traffic.placed().keySet());
            acknowledgedNotStored.removeAll(stored.keySet());
            List<String> withoutItems = CatalogDatabase.ordersWithoutItems();
            // every order of the traffic has two lines: one line is half an order
            Map<String, Integer> partial = CatalogDatabase.ordersWithOtherThan(2, traffic.customers());
            List<String> stockMismatches = new ArrayList<>();
            for (String product : traffic.products()) {
                long taken = traffic.initialStock() - CatalogDatabase.stock(product);
                long ordered = CatalogDatabase.unitsOrdered(product);
                if (taken != ordered) {
                    stockMismatches.add(product + ": stock down by " + taken + ", orders hold " + ordered);
                }
            }
            // the outbox reaches Kafka asynchronously (Debezium): wait, bounded, for every stored order's event
            CatchUp.within(Duration.ofMinutes(2), () -> withoutEvent(stored.keySet()).isEmpty());
            Set<String> withoutEvent = withoutEvent(stored.keySet());

            figures.put("orders", orders);
            figures.put("ordersByStatus", traffic.byStatus());
            figures.put("ordersAcknowledged", traffic.placed().size());
            figures.put("ordersStored", stored.size());
            figures.put("acknowledgedButNotStored", acknowledgedNotStored.size());
            figures.put("ordersWithoutItems", withoutItems.size());
            figures.put("ordersWithMissingLines", partial.size());
            figures.put("stockWithoutOrder", stockMismatches.size());
            figures.put("ordersWithoutOutboxEvent", withoutEvent.size());
            if (traffic.placed().size() == acknowledgedBeforeRestart) {
                findings.add("no order was accepted after catalog-service was started again: " + traffic.byStatus());
            }
            if (!traffic.byStatus().containsKey(0)) {
                findings.add("no order request failed: the kill did not hit the traffic " + traffic.byStatus());
            }
            if (!acknowledgedNotStored.isEmpty()) {
                findings.add(acknowledgedNotStored.size() + " orders answered 201 but not in PostgreSQL: "
                        + acknowledgedNotStored.stream().limit(5).toList());
            }
            if (!withoutItems.isEmpty()) {
                findings.add(withoutItems.size() + " orders without items: " + withoutItems.stream().limit(5).toList());
            }
            if (!partial.isEmpty()) {
                findings.add(partial.size() + " orders with a line missing (order → lines): " + partial);
            }
            if (!stockMismatches.isEmpty()) {
                findings.add("stock changed without an order: " + stockMismatches);
            }
            if (!withoutEvent.isEmpty()) {
                findings.add(withoutEvent.size() + " orders without an order.placed event in outbox.event.order: "
                        + withoutEvent.stream().limit(5).toList());
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    private static Set<String> withoutEvent(Set<String> orders) {
        Set<String> missing = new TreeSet<>(orders);
        OutboxTopic.read("order").stream().filter(event -> event.type().equals("order.placed"))
                .forEach(event -> missing.remove(event.aggregateId()));
        return missing;
    }
}
