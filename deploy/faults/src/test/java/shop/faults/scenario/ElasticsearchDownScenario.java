package shop.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;
import shop.faults.view.SearchIndex;

/**
 * Scenario 1: Elasticsearch killed while products are written, and started again. Catalog must
 * accept every write meanwhile (it never calls Elasticsearch), and once Elasticsearch is back every
 * product's indexed version must equal PostgreSQL's — all products, not a sample.
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
        Duration outage = scale == Scale.FULL ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        Duration lead = Duration.ofSeconds(5);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        try (ProductWriter writer = new ProductWriter(Personas.admin(), writes, lead.plus(outage).plus(lead.multipliedBy(2)))) {
            writer.start();
            Thread.sleep(lead.toMillis());
            long killedAt = System.nanoTime();
            Components.kill("elasticsearch");
            Thread.sleep(outage.toMillis());
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
}
