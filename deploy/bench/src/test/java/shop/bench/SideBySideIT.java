package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.polyglot.stack.LocalStack;

/**
 * {@code side-by-side --scale small} against the local stack, end to end: the report it writes is
 * there and well-formed — JSON that parses with every workload measured on both designs, a
 * Markdown table, one valid SVG per workload. Never the times: those belong to a quiet machine.
 */
class SideBySideIT {

    static final Set<String> COMPONENTS = Set.of("postgres", "redis", "kafka", "connect", "elasticsearch", "dynamodb", "catalog-service",
            "session-service", "search-service", "feed-service", "leaderboard-service", "gateway");
    static final List<String> WORKLOADS = List.of("session-lookup", "product-search", "leaderboard-top10",
            "leaderboard-rank", "feed-newest20", "product-by-id", "order-placement");

    @TempDir
    static Path results;
    static Path report;

    @BeforeAll
    static void runTheBenchmarkAtSmallScale() throws Exception {
        LocalStack.up(COMPONENTS);
        // the harness's progress bars go to a buffer: the build log keeps only the failure, if any
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            report = SideBySide.run(Scale.SMALL, results, out);
        } catch (Exception | AssertionError e) {
            System.err.println(log.toString(StandardCharsets.UTF_8));
            throw e;
        }
    }

    @Test
    void jsonReportHasEveryWorkloadMeasuredOnBothDesigns() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        assertEquals("small", json.path("scale").asText());
        List<String> names = new ArrayList<>();
        for (JsonNode workload : json.path("workloads")) {
            String name = workload.path("name").asText();
            names.add(name);
            // each workload's own fixed rate, never above the scale's (small: 100 req/s)
            int rate = workload.path("rate").asInt();
            assertTrue(rate > 0 && rate <= Scale.SMALL.rate(), name + ": fixed rate " + workload.path("rate"));
            for (String design : List.of(SideBySide.BASELINE, SideBySide.POLYGLOT)) {
                boolean measured = false;
                for (JsonNode run : workload.path("runs")) {
                    if (!run.path("design").asText().equals(design)) {
                        continue;
                    }
                    measured = true;
                    for (String figure : List.of("p50", "p90", "p99", "p999", "max", "throughput")) {
                        assertTrue(run.path(figure).isNumber(), name + " " + design + " " + run.path("level").asText()
                                + " " + run.path("phase").asText() + ": " + figure + " is " + run.path(figure));
                    }
                    long count = run.path("count").asLong();
                    assertTrue(count > 0, name + " " + design + ": no requests counted");
                    // a wrong answer is an error, whatever the time: allow only a stray timeout on a busy box
                    assertTrue(run.path("errors").asLong() <= count / 100, name + " " + design + " "
                            + run.path("level").asText() + " " + run.path("phase").asText() + ": "
                            + run.path("errors").asLong() + " errors of " + count);
                }
                boolean skippedWithReason = false;
                for (JsonNode skip : workload.path("skipped")) {
                    skippedWithReason |= skip.path("design").asText().equals(design) && !skip.path("why").asText().isBlank();
                }
                assertTrue(measured || skippedWithReason, name + ": " + design + " neither measured nor skipped with a reason");
            }
            long repetitions = 0;
            for (JsonNode run : workload.path("runs")) {
                repetitions = Math.max(repetitions, run.path("repetition").asLong());
            }
            assertTrue(repetitions >= 3, name + ": fewer than 3 repetitions");
        }
        assertEquals(WORKLOADS, names);
        assertTrue(json.path("lags").has("commit-to-searchable") && json.path("lags").has("commit-to-in-feed"));
        assertTrue(json.path("postgresSize").path("database_bytes").asLong() > 0);
        assertTrue(json.path("postgresSize").path("baseline_images_bytes").asLong() > 0);
        assertFalse(json.path("machine").path("cores").asText().isBlank());
    }

    @Test
    void markdownReportHasTheTables() throws Exception {
        String md = Files.readString(report.resolve("report.md"));
        for (String heading : List.of("## Machine", "## Fixed arrival rate", "## Saturation", "## Ratio baseline / polyglot",
                "## Lag from commit", "## PostgreSQL size")) {
            assertTrue(md.contains(heading), "report.md lacks " + heading);
        }
        for (String workload : WORKLOADS) {
            assertTrue(md.contains("| " + workload + " | baseline | store |"), "report.md lacks a row for " + workload);
        }
    }

    @Test
    void everyWorkloadHasAValidSvgPlot() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String workload : WORKLOADS) {
            Document svg = factory.newDocumentBuilder().parse(report.resolve(workload + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName());
            assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength() >= 3,
                    workload + ".svg has fewer curves than repetitions");
        }
    }
}
