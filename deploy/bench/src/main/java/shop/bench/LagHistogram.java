package shop.bench;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A view's {@code projection_lag_seconds} histogram as the services export it (Micrometer's
 * cumulative buckets: the count of events with lag ≤ {@code le}), summed over the view's topics and
 * over instances, and differenced between two readings to get one step's events alone. A quantile
 * is the upper bound of the bucket that holds it: all a bucketed histogram can say, and never below
 * the true value (Micrometer's bounds lie 10–33 % apart, e.g. 0.984 s then 1.074 s).
 */
final class LagHistogram {

    static final String BUCKET = "projection_lag_seconds_bucket";
    /** The same event's lag hop by hop, tagged {@code hop}: capture, queued, apply (service-kit LagHops). */
    static final String HOP_BUCKET = "projection_hop_seconds_bucket";
    static final List<String> HOPS = List.of("capture", "queued", "apply");
    static final LagHistogram EMPTY = new LagHistogram(new TreeMap<>());

    /** Upper bound (seconds, the last +Inf) → events with a lag at most that. */
    private final NavigableMap<Double, Long> cumulative;

    private LagHistogram(NavigableMap<Double, Long> cumulative) {
        this.cumulative = cumulative;
    }

    /** The buckets of {@code view} on one page of samples, its topics summed. */
    static LagHistogram of(List<PrometheusText.Sample> samples, String view) {
        return of(samples, BUCKET, view, null);
    }

    /** One hop's buckets ({@code projection_hop_seconds}) of {@code view}, its topics summed. */
    static LagHistogram ofHop(List<PrometheusText.Sample> samples, String view, String hop) {
        return of(samples, HOP_BUCKET, view, hop);
    }

    private static LagHistogram of(List<PrometheusText.Sample> samples, String bucket, String view, String hop) {
        Map<String, NavigableMap<Double, Long>> topics = new TreeMap<>();
        for (PrometheusText.Sample s : samples) {
            if (s.name().equals(bucket) && view.equals(s.label("view")) && s.label("le") != null
                    && (hop == null || hop.equals(s.label("hop")))) {
                double le = s.label("le").equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s.label("le"));
                topics.computeIfAbsent(String.valueOf(s.label("topic")), t -> new TreeMap<>()).put(le, Math.round(s.value()));
            }
        }
        LagHistogram sum = EMPTY;
        for (NavigableMap<Double, Long> topic : topics.values()) {
            sum = sum.plus(new LagHistogram(topic));
        }
        return sum;
    }

    /** From {@code le → cumulative count} pairs, for tests. */
    static LagHistogram of(Map<Double, Long> cumulative) {
        return new LagHistogram(new TreeMap<>(cumulative));
    }

    /**
     * Both together (two topics, two instances). Where one has a bound the other lacks, the other
     * counts what it holds at its next lower bound: cumulative counts carry forward.
     */
    LagHistogram plus(LagHistogram other) {
        NavigableMap<Double, Long> sum = new TreeMap<>();
        for (double le : union(other)) {
            sum.put(le, at(le) + other.at(le));
        }
        return new LagHistogram(sum);
    }

    /** The events recorded since {@code earlier}, a reading of the same instances. */
    LagHistogram minus(LagHistogram earlier) {
        NavigableMap<Double, Long> difference = new TreeMap<>();
        for (double le : union(earlier)) {
            long d = at(le) - earlier.at(le);
            if (d < 0) { // a counter only falls when its process started again between the two readings
                throw new IllegalStateException("a lag histogram fell between two readings (le=" + le
                        + "): an instance restarted; measure again");
            }
            difference.put(le, d);
        }
        return new LagHistogram(difference);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The upper bound in seconds of the bucket holding quantile {@code q} (0 < q ≤ 1): the first bound
     * whose count reaches {@code ceil(q × count)}. +Inf when it lies past the last finite bound, NaN
     * with no events.
     */
    double quantileSeconds(double q) {
        long count = count();
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The events with a lag at most {@code le}, read off the bucket at or below it. */
    private long at(double le) {
        Map.Entry<Double, Long> floor = cumulative.floorEntry(le);
        return floor == null ? 0 : floor.getValue();
    }

    private SortedSet<Double> union(LagHistogram other) {
        SortedSet<Double> bounds = new TreeSet<>(cumulative.keySet());
        bounds.addAll(other.cumulative.keySet());
        return bounds;
    }

    @Override
    public String toString() {
        return cumulative.toString();
    }
}
