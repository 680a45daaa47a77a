package shop.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the {@code pipeline} scenario: what was offered to catalog-service, what it wrote,
 * and what the view made of it.
 *
 * @param offered        events per second offered (the open model's arrival rate)
 * @param written        writes catalog answered with success, each one event for the view
 * @param writtenPerSecond those per second of the step (catalog's bound shows here)
 * @param failed         writes that failed (an error status, a timeout, or never sent in time)
 * @param writeP99Millis catalog's p99 from the intended send time, ms
 * @param ackedPerSecond events the view acknowledged during the step, per second
 * @param lag            the step's lag histogram: readings before the step and after the drain that followed it
 * @param recordsBehind  the view's consumer group backlog at the step's end; null when the view did not know
 * @param drainSeconds   how long after the step the view took to catch up
 * @param drained        whether it caught up within the harness's bound
 * @param rebalances     the view's consumer group rebalanced this often between the step's start and its drain
 * @param hops           the step's lag hop by hop (capture, queued, apply), as {@code lag}; empty when not reported
 */
record PipelineStep(int offered, long written, double writtenPerSecond, long failed, double writeP99Millis,
        double ackedPerSecond, LagHistogram lag, Long recordsBehind, double drainSeconds, boolean drained,
        long rebalances, Map<String, LagHistogram> hops) {

    PipelineStep {
        hops = Map.copyOf(hops);
    }

    /** The lag goal the sustained rate is judged by. */
    static final double LAG_GOAL_SECONDS = 1.0;
    /** Below this share of the offered rate, catalog did not keep up: the step measures catalog, not the pipeline. */
    static final double CATALOG_KEPT_UP = 0.95;

    double lagP50Seconds() {
        return lag.quantileSeconds(0.50);
    }

    double lagP99Seconds() {
        return lag.quantileSeconds(0.99);
    }

    /** A hop's p99 in seconds; NaN when the view reported no hops. */
    double hopP99Seconds(String hop) {
        return hops.getOrDefault(hop, LagHistogram.EMPTY).quantileSeconds(0.99);
    }

    /** The hop with the longest p99: where the lag went at this step; empty when no hops were reported. */
    Optional<String> slowestHop() {
        return LagHistogram.HOPS.stream().filter(h -> !Double.isNaN(hopP99Seconds(h)))
                .max(Comparator.comparingDouble(this::hopP99Seconds));
    }

    /** Lag p99 under the goal (an upper bound under it, so surely under it), with events to judge by. */
    boolean withinLagGoal() {
        return lag.count() > 0 && lagP99Seconds() < LAG_GOAL_SECONDS;
    }

    /**
     * Fewer events in the step's histogram than were written: an instance the run does not read (a
     * replica not named with --also-*) took a share of the partitions, so the figures cover only part.
     */
    boolean partlySeen() {
        return lag.count() < written;
    }

    boolean catalogKeptUp() {
        return writtenPerSecond >= offered * CATALOG_KEPT_UP;
    }
}
