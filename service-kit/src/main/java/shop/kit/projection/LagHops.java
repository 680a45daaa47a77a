package shop.kit.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one event's lag went, hop by hop, so a view that falls behind says which part of the way
 * holds it up:
 * <ul>
 * <li>{@code capture}: commit in PostgreSQL → appended to Kafka (Debezium reading the WAL, its poll
 * interval, the produce);</li>
 * <li>{@code queued}: appended → taken by the projection (the consumer group's backlog: a consumer
 * that cannot keep up, or too few of them);</li>
 * <li>{@code apply}: taken → acknowledged by the view's store (Elasticsearch's bulk, DynamoDB's put,
 * and the retries while the store is out of reach).</li>
 * </ul>
 * The three add up to the event's lag. Clocks differ a little between PostgreSQL, the broker and the
 * service (one host locally, NTP in a cluster): a hop that comes out negative is counted as zero.
 */
public record LagHops(Duration capture, Duration queued, Duration apply) {

    /** The hops' names, in the order an event crosses them: the {@code hop} tag and the status's keys. */
    public static final List<String> NAMES = List.of("capture", "queued", "apply");

    public static LagHops of(Instant committed, Instant appended, Instant taken, Instant applied) {
        return new LagHops(nonNegative(Duration.between(committed, appended)),
                nonNegative(Duration.between(appended, taken)), nonNegative(Duration.between(taken, applied)));
    }

    /** By name, in {@link #NAMES}' order. */
    public Map<String, Duration> byName() {
        Map<String, Duration> hops = new LinkedHashMap<>();
        hops.put("capture", capture);
        hops.put("queued", queued);
        hops.put("apply", apply);
        return hops;
    }

    static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
