package shop.faults.scenario;

import java.util.List;
import java.util.Map;

/**
 * One fault scenario of issue 11: something goes wrong (bad input, a caller who may not, a store
 * or process killed and restarted) while traffic runs, and afterwards the suite is checked for
 * what it must not have lost or let through. Each scenario reports figures ({@link Outcome}) that
 * {@code shop.faults.report.FaultReport} writes for RESULTS.md.
 *
 * <p>The kill/restart scenarios (Elasticsearch, Kafka Connect, Kafka, redelivery, DynamoDB, Redis
 * down, a service killed mid-request) implement this too; they kill processes by the stack's pid
 * files and restart them with {@code deploy/local/stack up --only <component>}, so the module must
 * have the stack to itself while it runs (CI, or a stack of one's own).
 */
public interface FaultScenario {

    /** A file-name-safe name, e.g. {@code bad-input}, {@code elasticsearch-down}. */
    String name();

    /** Whether it stops or kills a shared server (and so needs the stack to itself). */
    boolean disruptive();

    /** Runs the scenario at the given scale; never throws for a finding, reports it. */
    Outcome run(Scale scale) throws Exception;

    enum Scale {
        SMALL, FULL;

        public static Scale current() {
            return valueOf(System.getProperty("faults.scale", "small").toUpperCase());
        }
    }

    /** Figures (counts, durations) and findings; a scenario passes when it has no findings. */
    record Outcome(Map<String, Object> figures, List<String> findings) {

        public boolean passed() {
            return findings.isEmpty();
        }
    }
}
