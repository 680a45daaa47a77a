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
        return new PipelineStep(offered, 100, written, 0, 12.5, written, lag, 0L, 0.4, true, 0, Map.of());
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
        PipelineStep none = new PipelineStep(50, 0, 0, 1000, 5000, 0, LagHistogram.EMPTY, null, 120, false, 0, Map.of());
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
    void theTableHasARowPerStepWithLagInMillisecondsAndItsHops() {
        String table = CapacityTable.render(List.of(step(50, 49.9, 0.268435456), overTheGoal()));
        String[] lines = table.split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[0].contains("lag p99 ms") && lines[0].contains("capture p99"), table);
        // no hops reported (an older build, a topic that keeps the producer's time): a dash
        assertTrue(lines[1].matches(".*\\b100\\s+100\\s+268\\s+-\\s+-\\s+-\\s+0\\s+0\\.4\\s+0$"), lines[1]);
        assertTrue(lines[2].matches(".*\\+Inf\\s+\\+Inf\\s+100\\s+3000\\s+50\\s+\\?\\s+>120\\.2\\s+2$"), lines[2]);
    }

    @Test
    void theVerdictSaysWhichHopHeldTheLagAtTheFirstStepOverTheGoal() {
        String verdict = CapacityTable.verdict(List.of(step(50, 50, 0.2), overTheGoal()));
        assertTrue(verdict.contains("where the lag went at 800/s, the first step over 1 s: queued (Kafka -> the projection)"),
                verdict);
        assertTrue(verdict.contains("p99 capture 100, queued 3000, apply 50 ms"), verdict);
        assertFalse(CapacityTable.verdict(List.of(step(50, 50, 0.2))).contains("where the lag went"));
    }

    @Test
    void thePlotHasALineForTheLagAndOneForEachHop() {
        String svg = CapacityTable.plot("search view, 1 instance(s)", List.of(step(50, 50, 0.2), overTheGoal()));
        assertTrue(svg.startsWith("<?xml") && svg.contains("search view, 1 instance(s)"), svg);
        for (String line : List.of("lag (commit -&gt; store)", "capture", "queued", "apply")) {
            assertTrue(svg.contains("<title>" + line + "</title></polyline>"), line);
        }
        // the lag at 800/s lies past the last bucket: no dot for it, the hops' dots are there
        assertFalse(svg.contains("lag (commit -&gt; store), 800 events/s offered"), svg);
        assertTrue(svg.contains("queued, 800 events/s offered: p99 3,000 ms"), svg);
    }

    /** 800/s offered, lag past every bucket, most of it waiting in the topic for the consumer. */
    private static PipelineStep overTheGoal() {
        return new PipelineStep(800, 2100, 210, 12, 900, 205, LagHistogram.of(Map.of(600.0, 0L, Double.POSITIVE_INFINITY, 5L)),
                null, 120.2, false, 2, Map.of("capture", hop(0.1, 5), "queued", hop(3.0, 5), "apply", hop(0.05, 5)));
    }

    /** {@code events} events, all in the bucket up to {@code le} seconds. */
    private static LagHistogram hop(double le, long events) {
        return LagHistogram.of(Map.of(le / 2, 0L, le, events, Double.POSITIVE_INFINITY, events));
    }

    @Test
    void aStepWhoseEventsWentPartlyToAnotherConsumerSaysSo() {
        PipelineStep seen = step(50, 50, 0.2);
        PipelineStep shared = new PipelineStep(100, 300, 100, 0, 12.5, 40, seen.lag(), 0L, 12.5, true, 1, Map.of());
        assertFalse(seen.partlySeen());
        assertTrue(shared.partlySeen());
        String verdict = CapacityTable.verdict(List.of(seen, shared));
        assertTrue(verdict.contains("at 100/s the instances read saw 100 of the 300 events written"), verdict);
        assertTrue(verdict.contains("at 100/s the consumer group rebalanced (1) during the step"), verdict);
        assertFalse(verdict.contains("at 50/s the consumer group"), verdict);
    }
}
