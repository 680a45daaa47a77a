package shop.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * What a derived view's meters said at one moment, over one or more of its instances: its lag
 * histogram ({@code projection_lag_seconds}) and each hop's, and the events it acknowledged
 * ({@code projection_events_total}, every topic and outcome: applied, stale, duplicate), both
 * cumulative since each instance started, so a step's own figures are the difference of two
 * readings; and, from the Kafka client's own meters, the consumer group's rebalances and the
 * partitions the instances read hold.
 *
 * @param rebalances  {@code kafka_consumer_coordinator_rebalance_total} of the first instance read
 *                    (the stack's): every member of the group takes part in each rebalance, so one
 *                    member's count is the group's; its consumers (one per topic) count alike, so the
 *                    largest of them
 * @param partitions  {@code kafka_consumer_coordinator_assigned_partitions} per consumer (one per
 *                    topic), summed over the instances read
 * @param hops        the lag hop by hop ({@code projection_hop_seconds}, by {@code hop}: capture, queued,
 *                    apply); empty histograms where the view does not report them (a topic that keeps the
 *                    producer's time, or an older build)
 */
record ViewReading(LagHistogram lag, long events, long rebalances, Map<String, Long> partitions,
        Map<String, LagHistogram> hops) {

    static final String EVENTS = "projection_events_total";
    static final String REBALANCES = "kafka_consumer_coordinator_rebalance_total";
    static final String ASSIGNED = "kafka_consumer_coordinator_assigned_partitions";
    ViewReading {
        partitions = Map.copyOf(partitions);
        hops = Map.copyOf(hops);
    }

    ViewReading(LagHistogram lag, long events, long rebalances, Map<String, Long> partitions) {
        this(lag, events, rebalances, partitions, Map.of());
    }

    static ViewReading of(List<PrometheusText.Sample> samples, String view) {
        long events = 0;
        long rebalances = 0;
        Map<String, Long> partitions = new HashMap<>();
        for (PrometheusText.Sample s : samples) {
            if (s.name().equals(EVENTS) && view.equals(s.label("view"))) {
                events += Math.round(s.value());
            } else if (s.name().equals(REBALANCES) && !Double.isNaN(s.value())) {
                rebalances = Math.max(rebalances, Math.round(s.value()));
            } else if (s.name().equals(ASSIGNED) && s.label("client_id") != null && !Double.isNaN(s.value())) {
                partitions.merge(s.label("client_id"), Math.round(s.value()), Long::sum);
            }
        }
        Map<String, LagHistogram> hops = new HashMap<>();
        for (String hop : LagHistogram.HOPS) {
            hops.put(hop, LagHistogram.ofHop(samples, view, hop));
        }
        return new ViewReading(LagHistogram.of(samples, view), events, rebalances, partitions, hops);
    }

    /**
     * Another instance's reading added: a replica shares the view's work, so its events and
     * partitions count too; the group's rebalances stay as this (the first) instance counted them.
     */
    ViewReading plus(ViewReading other) {
        Map<String, Long> both = new HashMap<>(partitions);
        other.partitions.forEach((client, n) -> both.merge(client, n, Long::sum));
        return new ViewReading(lag.plus(other.lag), events + other.events, rebalances, both,
                eachHop(other, LagHistogram::plus));
    }

    /** What happened since {@code earlier}; the partitions are those held now. */
    ViewReading minus(ViewReading earlier) {
        if (events < earlier.events || rebalances < earlier.rebalances) {
            throw new IllegalStateException(EVENTS + " or " + REBALANCES + " fell between two readings: an instance"
                    + " restarted; measure again");
        }
        return new ViewReading(lag.minus(earlier.lag), events - earlier.events, rebalances - earlier.rebalances,
                partitions, eachHop(earlier, LagHistogram::minus));
    }

    /** One hop's histogram; empty when not reported. */
    LagHistogram hop(String hop) {
        return hops.getOrDefault(hop, LagHistogram.EMPTY);
    }

    private Map<String, LagHistogram> eachHop(ViewReading other, BinaryOperator<LagHistogram> combine) {
        Map<String, LagHistogram> combined = new HashMap<>();
        for (String hop : LagHistogram.HOPS) {
            combined.put(hop, combine.apply(hop(hop), other.hop(hop)));
        }
        return combined;
    }

    /** The fewest partitions of any of the view's topics that the instances read hold (0 when none). */
    long partitionsHeld() {
        return partitions.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }
}
