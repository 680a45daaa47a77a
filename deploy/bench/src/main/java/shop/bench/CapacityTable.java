package shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code pipeline} scenario's table of steps for one view, and the rate it sustained. */
final class CapacityTable {

    /** What it means when a hop holds most of the lag. */
    private static final Map<String, String> HOP_MEANING = Map.of(
            "capture", "capture (commit -> Kafka): Debezium's one task reading the WAL and producing",
            "queued", "queued (Kafka -> the projection): the consumers did not keep up, events waited in the topic",
            "apply", "apply (the projection -> its store's acknowledgement): the store's writes");

    private CapacityTable() {
    }

    static String render(List<PipelineStep> steps) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%9s %10s %7s %13s %9s %11s %11s %11s %12s %11s %10s %8s %10s %11s%n",
                "offered/s", "written/s", "failed", "write p99 ms", "acked/s", "lag events", "lag p50 ms", "lag p99 ms",
                "capture p99", "queued p99", "apply p99", "behind", "drained s", "rebalances"));
        for (PipelineStep s : steps) {
            table.append(String.format(Locale.ROOT, "%9d %10.1f %7d %13.1f %9.1f %11d %11s %11s %12s %11s %10s %8s %10s %11d%n",
                    s.offered(), s.writtenPerSecond(), s.failed(), s.writeP99Millis(), s.ackedPerSecond(), s.lag().count(),
                    millis(s.lagP50Seconds()), millis(s.lagP99Seconds()), millis(s.hopP99Seconds("capture")),
                    millis(s.hopP99Seconds("queued")), millis(s.hopP99Seconds("apply")),
                    s.recordsBehind() == null ? "?" : String.valueOf(s.recordsBehind()),
                    (s.drained() ? "" : ">") + String.format(Locale.ROOT, "%.1f", s.drainSeconds()), s.rebalances()));
        }
        return table.toString();
    }

    /**
     * The lag curve as the offered rate rises: p99 of the lag and of each hop against events/s offered
     * (both log scales), a dot per step that had events; the hops show which part of the way grows.
     */
    static String plot(String title, List<PipelineStep> steps) {
        List<SizePlot.Point> points = new ArrayList<>();
        for (PipelineStep s : steps) {
            points.add(new SizePlot.Point("lag (commit -> store)", s.offered(), s.lagP99Seconds() * 1000));
            for (String hop : LagHistogram.HOPS) {
                points.add(new SizePlot.Point(hop, s.offered(), s.hopP99Seconds(hop) * 1000));
            }
        }
        // a p99 past the last bucket has no value to draw
        points.removeIf(p -> Double.isInfinite(p.p99Millis()));
        return SizePlot.svg(title, "events/s offered", points);
    }

    /**
     * The last step whose lag p99 was under the goal with every step before it under it too: one slow
     * step ends the climb, a lucky step above it does not count.
     */
    static Optional<PipelineStep> sustained(List<PipelineStep> steps) {
        PipelineStep last = null;
        for (PipelineStep s : steps) {
            if (!s.withinLagGoal()) {
                break;
            }
            last = s;
        }
        return Optional.ofNullable(last);
    }

    /** The first step at which catalog wrote clearly less than offered, if any. */
    static Optional<PipelineStep> catalogBound(List<PipelineStep> steps) {
        return steps.stream().filter(s -> !s.catalogKeptUp()).findFirst();
    }

    /** The lines under the table: the sustained rate, and where catalog, not the pipeline, set the limit. */
    static String verdict(List<PipelineStep> steps) {
        StringBuilder text = new StringBuilder();
        Optional<PipelineStep> sustained = sustained(steps);
        if (sustained.isEmpty()) {
            text.append(String.format(Locale.ROOT, "sustained rate: none: lag p99 was not under %.0f s at the first step%n",
                    PipelineStep.LAG_GOAL_SECONDS));
        } else {
            PipelineStep s = sustained.get();
            boolean top = s == steps.get(steps.size() - 1);
            text.append(String.format(Locale.ROOT, "sustained rate (the last step with lag p99 < %.0f s, as every step"
                    + " below it): %d events/s offered, %.1f/s written, %.1f/s acknowledged, lag p99 <= %s ms%s%n",
                    PipelineStep.LAG_GOAL_SECONDS, s.offered(), s.writtenPerSecond(), s.ackedPerSecond(),
                    millis(s.lagP99Seconds()), top ? " (the highest step: the limit lies above it)" : ""));
        }
        steps.stream().filter(s -> !s.withinLagGoal() && s.lag().count() > 0).findFirst()
                .ifPresent(s -> s.slowestHop().ifPresent(hop -> text.append(String.format(Locale.ROOT,
                        "where the lag went at %d/s, the first step over %.0f s: %s (p99 capture %s, queued %s, apply %s"
                        + " ms; %s)%n", s.offered(), PipelineStep.LAG_GOAL_SECONDS, HOP_MEANING.get(hop),
                        millis(s.hopP99Seconds("capture")), millis(s.hopP99Seconds("queued")),
                        millis(s.hopP99Seconds("apply")), "each hop's p99 on its own: they need not add up to the lag's"))));
        catalogBound(steps).ifPresent(s -> text.append(String.format(Locale.ROOT, "catalog-service did not keep up"
                + " from %d/s offered (%.1f/s written, %d failed): from there on the written rate is catalog's bound,"
                + " not the pipeline's%n", s.offered(), s.writtenPerSecond(), s.failed())));
        steps.stream().filter(PipelineStep::partlySeen).forEach(s -> text.append(String.format(Locale.ROOT,
                "at %d/s the instances read saw %d of the %d events written: another consumer in the view's group"
                + " (a replica not named with --also-*) took a share, so that step's figures cover part of the"
                + " events only%n", s.offered(), s.lag().count(), s.written())));
        steps.stream().filter(s -> s.rebalances() > 0).forEach(s -> text.append(String.format(Locale.ROOT,
                "at %d/s the consumer group rebalanced (%d) during the step: an instance joined or left, and the lag"
                + " includes the group's pause%n", s.offered(), s.rebalances())));
        return text.toString();
    }

    /** Seconds as whole milliseconds; a quantile past the last finite bucket as "+Inf", none as "-". */
    static String millis(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (Double.isInfinite(seconds)) {
            return "+Inf";
        }
        return String.format(Locale.ROOT, "%.0f", seconds * 1000);
    }
}
