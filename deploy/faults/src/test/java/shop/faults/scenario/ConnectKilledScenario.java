package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.OutboxTopic;
import shop.faults.view.SearchIndex;

/**
 * Scenario 2: Kafka Connect (Debezium) killed mid-stream while products are written, and started
 * again. It must resume from its offsets (kept in Kafka) and the replication slot (kept by
 * PostgreSQL): every acknowledged write reaches {@code outbox.event.product} as an event (lost = 0);
 * events published twice (Debezium is at-least-once) are counted and must be harmless: the index
 * ends at PostgreSQL's version. The slot's lag is sampled while Connect is down.
 */
public final class ConnectKilledScenario implements FaultScenario {

    @Override
    public String name() {
        return "connect-killed";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int writes = scale == Scale.FULL ? 5_000 : 400;
        Duration outage = scale == Scale.FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        Duration lead = Duration.ofSeconds(5);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (ProductWriter writer = new ProductWriter(Personas.admin(), writes, lead.plus(outage).plus(lead.multipliedBy(2)))) {
            writer.start();
            Thread.sleep(lead.toMillis());
            long lagBefore = CatalogDatabase.slotLagBytes();
            long killedAt = System.nanoTime();
            Components.kill("connect");
            AtomicLong maxLag = new AtomicLong();
            long until = System.nanoTime() + outage.toNanos();
            while (System.nanoTime() < until) {
                maxLag.accumulateAndGet(CatalogDatabase.slotLagBytes(), Math::max);
                Thread.sleep(1000);
            }
            Components.start("connect");
            long restoredAt = System.nanoTime();
            writer.finish();

            Set<String> expected = writer.acknowledgedWrites();
            Double caughtUp = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(5),
                    () -> missing(expected, OutboxTopic.read("product")).isEmpty());
            List<OutboxTopic.Event> events = OutboxTopic.read("product").stream()
                    .filter(event -> writer.versions().containsKey(event.aggregateId())).toList();
            Set<String> missing = missing(expected, events);
            long duplicates = events.size() - events.stream().map(OutboxTopic.Event::id).distinct().count();
            Map<String, Long> postgres = CatalogDatabase.productVersions();
            postgres.keySet().retainAll(writer.versions().keySet());
            CatchUp.within(Duration.ofMinutes(2), () -> SearchIndex.behind(postgres).isEmpty());
            Map<String, String> behind = SearchIndex.behind(postgres);

            figures.put("writes", writes);
            figures.put("writesAcknowledged", writer.acknowledged());
            figures.put("writesRefused", writer.refused());
            figures.put("connectDownSeconds", CatchUp.seconds(Duration.ofNanos(restoredAt - killedAt)));
            figures.put("slotLagBytesBefore", lagBefore);
            figures.put("slotLagBytesMaxDuringOutage", maxLag.get());
            figures.put("secondsUntilEveryEventPublished", caughtUp);
            figures.put("eventsExpected", expected.size());
            figures.put("eventsSeen", events.size());
            figures.put("lost", missing.size());
            figures.put("duplicatesSeen", duplicates);
            figures.put("productsBehindInIndexAfterDuplicates", behind.size());
            if (writer.refused() > 0) {
                findings.add("catalog refused " + writer.refused() + " writes while Connect was down: " + writer.failures());
            }
            if (!missing.isEmpty()) {
                findings.add(missing.size() + " acknowledged writes never reached outbox.event.product, e.g. "
                        + missing.stream().limit(5).toList());
            }
            if (!behind.isEmpty()) {
                findings.add(behind.size() + " products not at PostgreSQL's version in the index after the redelivery, e.g. "
                        + behind.entrySet().stream().limit(5).toList());
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    private static Set<String> missing(Set<String> expected, List<OutboxTopic.Event> events) {
        Set<String> missing = new HashSet<>(expected);
        events.forEach(event -> missing.remove(event.aggregateId() + "@" + event.version()));
        return missing;
    }
}
