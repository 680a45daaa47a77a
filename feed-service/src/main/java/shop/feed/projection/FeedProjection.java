package shop.feed.projection;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import shop.feed.FeedConfig;
import shop.feed.item.FeedItem;
import shop.feed.item.FeedStoreUnavailable;
import shop.feed.item.FeedTable;
import shop.feed.read.FeedArrivals;
import shop.kit.projection.ViewProgress;
import shop.kit.tracing.OutboxTrace;

/**
 * Projects the outbox events that concern a user ({@code outbox.event.order},
 * {@code outbox.event.user}) into that user's feed, one item per event.
 *
 * <ul>
 * <li>Idempotent: the item's key is made of the event (user, time, event id) and the put is
 * conditional, so a redelivered event (Debezium and Kafka are at-least-once) writes nothing.</li>
 * <li>Offsets are committed only once a record is acknowledged, which happens when this method
 * returns, i.e. after DynamoDB acknowledged the write.</li>
 * <li>Records of different aggregates (the record's key) are applied at once, on the
 * {@code feed-projection} workers; one aggregate's records one at a time, in their order
 * ({@code throttled.ordered=key}). Offsets are committed up to the first record not yet applied.</li>
 * <li>DynamoDB out of reach: the same record is retried with exponential backoff, for as long
 * as it takes; the offsets stay behind it, so nothing behind it is lost.</li>
 * <li>A malformed event throws {@link MalformedEvent}: the record is nacked and goes to the
 * dead-letter topic with the reason (header {@code dead-letter-reason}); the stream goes on.</li>
 * </ul>
 */
@ApplicationScoped
// created at start, not at the first event: its counters are on /q/metrics (at 0) from the start
@Startup
public class FeedProjection {

    private static final Logger LOG = Logger.getLogger(FeedProjection.class);

    private final FeedTable table;
    private final FeedConfig config;
    private final ViewProgress progress;
    private final FeedArrivals arrivals;
    private final Counter storeFailures;
    private final Tracer tracer;

    FeedProjection(FeedTable table, FeedConfig config, ViewProgress progress, MeterRegistry metrics, Tracer tracer,
            FeedArrivals arrivals) {
        this.table = table;
        this.arrivals = arrivals;
        this.tracer = tracer;
        this.config = config;
        this.progress = progress;
        this.storeFailures = Counter.builder("feed.projection.store.failures")
                .description("writes that found DynamoDB out of reach (each is retried)").register(metrics);
    }

    @Incoming("order-events")
    @Blocking(value = "feed-projection", ordered = false) // ordered per aggregate: throttled.ordered=key
    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 50, retryOn = FeedStoreUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    public void projectOrderEvent(ConsumerRecord<String, String> record) {
        project(OutboxEnvelope.ORDER, record);
    }

    @Incoming("user-events")
    @Blocking(value = "feed-projection", ordered = false) // ordered per aggregate: throttled.ordered=key
    @Retry(maxRetries = -1, maxDuration = 0, delay = 100, jitter = 50, retryOn = FeedStoreUnavailable.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    public void projectUserEvent(ConsumerRecord<String, String> record) {
        project(OutboxEnvelope.USER, record);
    }

    /** In the trace of the write that made the event (across the CDC hop), with its lag. */
    private void project(String aggregateType, ConsumerRecord<String, String> record) {
        OutboxTrace.project(tracer, "feed projection", List.of(record), () -> apply(aggregateType, record));
    }

    private void apply(String aggregateType, ConsumerRecord<String, String> record) {
        // settled only once the item is written or the event dead-lettered: while DynamoDB is out of reach
        // the attempts fail and are retried, and the event's age shows as the feed's current lag
        progress.working(List.of(record));
        FeedItem item;
        try {
            item = OutboxEnvelope.toItem(aggregateType, record.value(), config.ttl());
        } catch (MalformedEvent malformed) {
            throw deadLettered(record, malformed);
        }
        try {
            if (table.add(item)) {
                progress.applied(record, item.occurredAt(), Instant.now());
            } else {
                // a redelivery: the item is there already
                progress.skipped(record, "duplicate");
            }
            progress.settled(List.of(record));
            // readers waiting to read their own write (GET /api/feed/{userId}?after=<eventId>)
            arrivals.arrived(item.eventId(), true);
        } catch (FeedStoreUnavailable unavailable) {
            // still in flight: @Retry applies it again
            storeFailures.increment();
            LOG.warnf("event %s not yet in the feed, retrying: %s", item.eventId(), unavailable.getMessage());
            throw unavailable;
        } catch (RuntimeException refused) {
            throw deadLettered(record, refused);
        }
    }

    /** The record is done with: the nack that follows sends it to the dead-letter topic. */
    private RuntimeException deadLettered(ConsumerRecord<String, String> record, RuntimeException reason) {
        progress.deadLettered(record.topic());
        progress.settled(List.of(record));
        return reason;
    }
}
