package shop.search.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far the index trails the source of truth: for each event, the time from its commit in
 * PostgreSQL (the Kafka record timestamp Debezium sets from the outbox row) to Elasticsearch's
 * acknowledgement. Exported as the histogram {@code search_projection_lag_seconds}; the last
 * one is shown by {@code GET /api/search/status}.
 */
@ApplicationScoped
public class ProjectionStatus {

    /** The last event indexed: when it happened at the source, and how long it took to reach the index. */
    public record LastEvent(Instant occurredAt, long lagMs) {
    }

    private final Timer lag;
    private final AtomicReference<LastEvent> last = new AtomicReference<>();

    ProjectionStatus(MeterRegistry registry) {
        this.lag = Timer.builder("search.projection.lag")
                .description("time from an event's commit in PostgreSQL to its acknowledgement by Elasticsearch")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    void indexed(ProductEvent event, long recordTimestamp, Instant indexedAt) {
        Instant committed = recordTimestamp > 0 ? Instant.ofEpochMilli(recordTimestamp) : event.occurredAt();
        Duration took = Duration.between(committed, indexedAt);
        if (took.isNegative()) {
            took = Duration.ZERO; // clocks of the database and this host may differ a little
        }
        lag.record(took);
        last.set(new LastEvent(event.occurredAt(), took.toMillis()));
    }

    /** The last event indexed, or null before the first. */
    public LastEvent last() {
        return last.get();
    }
}
