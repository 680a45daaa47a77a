package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CapacityTableTest {

    private static PipelineStep step(int offered, double written, double p99Bound) {
        // 100 events: 50 at 0.1 s, the rest up to p99Bound
        LagHistogram lag = LagHistogram.of(Map.of(0.1, 50L, p99Bound, 100L, Double.POSITIVE_INFINITY, 100L));
        return new PipelineStep(offered, 100, written, 0, 12.5, written, lag, 0L, 0.4, true, 0);
    }

    @Test
    void theSustainedRateIsTheLastStepUnderTheGoalWithAllBelowItUnderItToo() {
        List<PipelineStep> steps = List.of(step(50, 50, 0.2), step(100, 100, 0.5), step(200, 199, 1.07),
                step(400, 390, 0.9));
        assertEquals(100, CapacityTable.sustained(steps).orElseThrow().offered());
        assertTrue(CapacityTable.sustained(List.of(step(50, 50, 1.07))).isEmpty());
        assertEquals(400, CapacityTable.sustained(List.of(step(200, 200, 0.3), step(400, 400, 0.98))).orElseThrow()
                .offered());
    }

    @Test
    void aStepWithoutEventsIsNotWithinTheGoal() {
        PipelineStep none = new PipelineStep(50, 0, 0, 1000, 5000, 0, LagHistogram.EMPTY, null, 120, false, 0);
        assertFalse(none.withinLagGoal());
        assertTrue(CapacityTable.sustained(List.of(none)).isEmpty());
    }

    @Test
    void catalogsBoundIsTheFirstStepItWroteClearlyLessThanOffered() {
        List<PipelineStep> steps = List.of(step(100, 99.5, 0.2), step(200, 150, 0.2), step(400, 160, 0.2));
        assertEquals(200, CapacityTable.catalogBound(steps).orElseThrow().offered());
        String verdict = CapacityTable.verdict(steps);
        assertTrue(verdict.contains("400 events/s offered"), verdict);
        assertTrue(verdict.contains("catalog-service did not keep up from 200/s offered"), verdict);
    }

    @Test
    void theTableHasARowPerStepWithLagInMilliseconds() {
        String table = CapacityTable.render(List.of(step(50, 49.9, 0.268435456),
                new PipelineStep(800, 2100, 210, 12, 900, 205, LagHistogram.of(Map.of(600.0, 0L, Double.POSITIVE_INFINITY, 5L)),
                        null, 120.2, false, 2)));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[0].contains("lag p99 ms"), table);
        assertTrue(lines[1].matches(".*\\b100\\s+100\\s+268\\s+0\\s+0\\.4\\s+0$"), lines[1]);
        assertTrue(lines[2].matches(".*\\+Inf\\s+\\+Inf\\s+\\?\\s+>120\\.2\\s+2$"), lines[2]);
    }

    @Test
    void aStepWhoseEventsWentPartlyToAnotherConsumerSaysSo() {
        PipelineStep seen = step(50, 50, 0.2);
        PipelineStep shared = new PipelineStep(100, 300, 100, 0, 12.5, 40, seen.lag(), 0L, 12.5, true, 1);
        assertFalse(seen.partlySeen());
        assertTrue(shared.partlySeen());
        String verdict = CapacityTable.verdict(List.of(seen, shared));
        assertTrue(verdict.contains("at 100/s the instances read saw 100 of the 300 events written"), verdict);
        assertTrue(verdict.contains("at 100/s the consumer group rebalanced (1) during the step"), verdict);
        assertFalse(verdict.contains("at 50/s the consumer group"), verdict);
    }
}
