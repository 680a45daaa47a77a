package shop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import shop.faults.report.FaultReport;
import shop.faults.scenario.BadInputScenario;
import shop.faults.scenario.FaultScenario;

/**
 * The malformed corpus (2,000 requests here, 12,000 with {@code deploy/faults/run --scale full})
 * through the gateway and straight to every service: not one 5xx, every error a problem document,
 * no malformed write accepted, and the stores holding what they held before.
 */
class BadInputAtScaleTest {

    @Test
    void malformedRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        FaultScenario scenario = new BadInputScenario();
        FaultScenario.Outcome outcome = scenario.run(FaultScenario.Scale.current());

        Map<String, Object> f = outcome.figures();
        FaultReport.write(scenario.name(), f, markdown(f));
        // every 5xx is a finding unless open-findings.tsv names it (forwarded to its owner, counted in the report)
        assertThat(outcome.findings()).as("findings (every one with its request and answer)").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> f) {
        StringBuilder md = new StringBuilder();
        md.append("| figure | value |\n| --- | --- |\n");
        md.append("| requests sent (seed ").append(f.get("seed")).append(") | ").append(f.get("requests")).append(" |\n");
        md.append("| routes of routes.tsv covered | ").append(f.get("routes")).append(" (each through the gateway and directly) |\n");
        md.append("| duration | ").append(f.get("seconds")).append(" s |\n");
        md.append("| responses ≥ 500 | ").append(f.get("status5xx")).append(" (all of them open findings below) |\n");
        md.append("| no answer | ").append(f.get("noAnswer")).append(" |\n");
        md.append("| application/problem+json answers | ").append(f.get("problemJsonAnswers")).append(" |\n");
        md.append("| by status | ").append(f.get("byStatus")).append(" |\n");
        md.append("| by flaw | ").append(f.get("byFlaw")).append(" |\n");
        md.append("| targeted store entries compared / changed | ").append(f.get("targetedStoreEntries")).append(" / ")
                .append(((List<String>) f.get("targetedStoreChanges")).size()).append(" |\n");
        md.append("| global stores | ").append(f.get("globalComparison")).append("; quiet before: ")
                .append(f.get("globalQuietBefore")).append(", after: ").append(f.get("globalQuietAfter"))
                .append("; differences: ").append(((List<String>) f.get("globalStoreChanges")).size()).append(" |\n");
        md.append("| findings | ").append(((List<String>) f.get("findings")).size()).append(" |\n");
        Map<String, Integer> open = (Map<String, Integer>) f.get("openFindingsSeen");
        if (!open.isEmpty()) {
            md.append("\nOpen findings (open-findings.tsv, forwarded to their owners), answers seen this run:\n\n");
            open.forEach((row, count) -> md.append("- ").append(row).append(": ").append(count).append('\n'));
        }
        return md.toString();
    }
}
