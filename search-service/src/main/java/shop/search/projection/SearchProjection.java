package shop.search.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import shop.kit.projection.ViewProgress;
import shop.kit.tracing.OutboxTrace;
import shop.search.index.ProductIndex;
import shop.search.query.IndexedVersionWaits;
import shop.search.index.ProductIndex.Outcome;
import shop.search.index.ProductIndex.Result;

/**
 * Keeps the index in step with catalog's product events ({@code outbox.event.product}, through
 * Debezium). Each poll's records are written in one bulk request; the batch is acknowledged,
 * and so its offsets committed, only after Elasticsearch answered for every record. While
 * Elasticsearch is down the bulk is retried with backoff and nothing further is read. A record
 * that cannot be projected goes to the dead-letter topic with the reason; the stream goes on.
 */
@ApplicationScoped
public class SearchProjection {

    private static final Logger LOG = Logger.getLogger(SearchProjection.class);

    private final ProductIndex index;
    private final DeadLetters deadLetters;
    private final ViewProgress progress;
    private final ObjectMapper json;
    private final Tracer tracer;
    private final IndexedVersionWaits waits;

    SearchProjection(ProductIndex index, DeadLetters deadLetters, ViewProgress progress, ObjectMapper json, Tracer tracer,
            IndexedVersionWaits waits) {
        this.index = index;
        this.waits = waits;
        this.tracer = tracer;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.json = json;
    }

    @Incoming("product-events")
    @Blocking
    public void project(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        records.forEach(all::add);
        progress.working(all);
        try {
            // the trace of the write that made the (first) event continues here, across the CDC hop
            OutboxTrace.project(tracer, "search projection", all, () -> projectAll(records));
        } finally {
            progress.settled(all); // indexed, skipped, dead-lettered, or the batch failed: none in flight
        }
    }

    private void projectAll(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> parsed = new ArrayList<>();
        List<ProductEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(ProductEvent.parse(record.key(), record.value(), json));
                parsed.add(record);
            } catch (ProductEvent.Malformed malformed) {
                deadLetters.send(record, malformed.getMessage());
            }
        }
        // version guard: Debezium delivers at least once, and a partition may be read again
        List<Result> results = index.apply(events.stream().map(ProductEvent::write).toList());
        Instant indexedAt = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            ProductEvent event = events.get(i);
            Result result = results.get(i);
            if (result.outcome() == Outcome.REJECTED) {
                deadLetters.send(parsed.get(i), "refused by Elasticsearch: " + result.reason());
                continue;
            }
            if (result.outcome() == Outcome.STALE) {
                LOG.debugf("skipped %s v%d of %s: the index holds this version or a newer one", event.type(),
                        event.version(), event.productId());
                progress.skipped(parsed.get(i), "stale");
            } else {
                progress.applied(parsed.get(i), event.occurredAt(), indexedAt);
            }
            // readers waiting to read their own write (GET /api/search/products/{id}?minVersion=)
            waits.arrived(event.productId(), event.version());
        }
    }
}
