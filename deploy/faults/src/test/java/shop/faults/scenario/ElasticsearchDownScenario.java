package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.faults.http.Json;
import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.outage.Prometheus;
import shop.faults.stack.Stack;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.SearchIndex;

/**
 * Scenario 1: Elasticsearch killed while products are written, and started again. Catalog must
 * accept every write meanwhile (it never calls Elasticsearch), and once Elasticsearch is back every
 * product's indexed version must equal PostgreSQL's — all products, not a sample.
 *
 * <p>And the operator sees it (issue 20): while Elasticsearch is down, {@code GET /api/search/status}
 * shows the lag growing ({@code currentLagMs}), so does the metric Prometheus scrapes, and the alert
 * ProjectionLagHigh fires (read from Prometheus's API); Elasticsearch stays down until it has fired
 * (the rule wants the lag over 5 s for a minute: about 70 s). After the restart the lag returns to 0
 * and the alert resolves.
 */
public final class ElasticsearchDownScenario implements FaultScenario {

    @Override
    public String name() {
        return "elasticsearch-down";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int writes = scale == Scale.FULL ? 10_000 : 500;
        // long enough for the lag alert to fire (over 5 s for 1 min, evaluated every 5 s), at most 150 s
        Duration outage = Duration.ofSeconds(150);
        Duration lead = Duration.ofSeconds(5);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (ProductWriter writer = new ProductWriter(Personas.admin(), writes, lead.plus(outage).plus(lead.multipliedBy(2)))) {
            writer.start();
            Thread.sleep(lead.toMillis());
            long killedAt = System.nanoTime();
            Components.kill("elasticsearch");
            Lag seen = watchLagUntilAlert(outage, findings);
            figures.put("statusCurrentLagMsFirst", seen.first());
            figures.put("statusCurrentLagMsLast", seen.last());
            figures.put("prometheusCurrentLagSeconds", seen.metric());
            figures.put("lagAlertFiredAfterSeconds", seen.alertAfter());
            Components.start("elasticsearch");
            long restoredAt = System.nanoTime();
            figures.put("elasticsearchDownSeconds", CatchUp.seconds(Duration.ofNanos(System.nanoTime() - killedAt)));
            writer.finish();

            Double caughtUp = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(5),
                    () -> SearchIndex.behind(CatalogDatabase.productVersions()).isEmpty());
            Map<String, Long> postgres = CatalogDatabase.productVersions();
            Map<String, String> behind = SearchIndex.behind(postgres);
            figures.put("writes", writes);
            figures.put("writesAcknowledged", writer.acknowledged());
            figures.put("writesRefused", writer.refused());
            figures.put("productsCompared", postgres.size());
            figures.put("catchUpSecondsAfterRestart", caughtUp);
            Double resolved = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(3),
                    () -> Prometheus.alert("ProjectionLagHigh", Map.of("view", "search")).isEmpty()
                            && currentLagMs() == 0);
            figures.put("lagAlertResolvedSecondsAfterRestart", resolved);
            if (resolved == null) {
                findings.add("3 min after Elasticsearch returned, ProjectionLagHigh is still active or the status still shows a lag");
            }
            figures.put("lost", behind.size());
            if (writer.refused() > 0) {
                findings.add("catalog refused " + writer.refused() + " writes while Elasticsearch was down: " + writer.failures());
            }
            if (!behind.isEmpty()) {
                findings.add(behind.size() + " products not at PostgreSQL's version in the index 5 min after Elasticsearch "
                        + "returned, e.g. " + behind.entrySet().stream().limit(5).toList());
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    /** What the operator saw during the outage: the status's current lag, the metric, when the alert fired. */
    private record Lag(long first, long last, Double metric, Double alertAfter) {
    }

    /** Polls the status and Prometheus every 2 s until ProjectionLagHigh fires for search, or {@code outage} ends. */
    private static Lag watchLagUntilAlert(Duration outage, List<String> findings) throws InterruptedException {
        long start = System.nanoTime();
        long first = -1;
        long last = -1;
        Double metric = null;
        Double firedAfter = null;
        while (System.nanoTime() - start < outage.toNanos()) {
            Thread.sleep(2_000);
            long lag = currentLagMs();
            first = first < 0 && lag > 0 ? lag : first;
            last = lag;
            metric = Prometheus.value("projection_lag_current_seconds{view=\"search\"}").orElse(metric);
            if (Prometheus.alert("ProjectionLagHigh", Map.of("view", "search")).filter("firing"::equals).isPresent()) {
                firedAfter = CatchUp.seconds(Duration.ofNanos(System.nanoTime() - start));
                break;
            }
        }
        if (first <= 0 || last <= first) {
            findings.add("GET /api/search/status did not show the lag growing while Elasticsearch was down (currentLagMs "
                    + first + " then " + last + ")");
        }
        if (metric == null || metric < 5) {
            findings.add("projection_lag_current_seconds{view=search} in Prometheus was " + metric + ", not over 5 s");
        }
        if (firedAfter == null) {
            findings.add("ProjectionLagHigh did not fire within " + outage.toSeconds() + " s of Elasticsearch going down");
        }
        return new Lag(first, last, metric, firedAfter);
    }

    private static long currentLagMs() {
        return Json.get(Stack.service("search-service") + "/api/search/status", Map.of(), 200).path("currentLagMs").asLong(-1);
    }
}
