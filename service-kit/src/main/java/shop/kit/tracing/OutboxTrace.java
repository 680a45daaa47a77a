package shop.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.header.Header;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The trace across the CDC hop: catalog-service stores its trace context with each outbox row,
 * Debezium's EventRouter puts it on the Kafka record as the header {@code traceparent}, and a
 * projection continues it here. A header that is missing or cannot be parsed gives a new trace,
 * never an error: a projection never stops on it.
 */
public final class OutboxTrace {

    /**
     * The span attribute with how long ago the event was committed, in ms, when the projection took it:
     * set from a record that carries its commit as its timestamp (a topic that keeps the producer's time).
     */
    public static final String LAG_ATTRIBUTE = "shop.outbox.lag_ms";
    /**
     * The span attribute with how long the event waited in Kafka, in ms (appended → taken by the
     * projection): set from a record stamped with the broker's append time, as the outbox topics are.
     * The trace shows the rest: the writer's span ends at the commit.
     */
    public static final String QUEUED_ATTRIBUTE = "shop.outbox.queued_ms";

    private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
            return () -> java.util.Arrays.stream(record.headers().toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
            if (record == null) {
                return null;
            }
            Header header = record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private OutboxTrace() {
    }

    /** The writer's trace context a record carries (root context when it carries none, or a bad one). */
    private static Context writerOf(ConsumerRecord<?, ?> record) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS);
    }

    /**
     * Runs {@code projection} (the store write for these records, one or a batch) in the trace of
     * each record's writer: one consumer span per record, a child of the write that made its event,
     * with the commit → taken lag (or, on a topic stamped with the append time, the time it waited in
     * Kafka), open until the projection returns. The store write runs in the
     * first record's span (its spans, an Elasticsearch bulk, are children of that one); a failure is
     * recorded on every record's span and rethrown.
     */
    public static void project(Tracer tracer, String name, List<? extends ConsumerRecord<?, ?>> records, Runnable projection) {
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<?, ?> record : records) {
            spans.add(startProjection(tracer, name, record, records.size()));
        }
        try (Scope scope = spans.get(0).makeCurrent()) {
            projection.run();
        } catch (RuntimeException failed) {
            for (Span span : spans) {
                span.recordException(failed);
                span.setStatus(StatusCode.ERROR);
            }
            throw failed;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** A started consumer span for one record of a batch of {@code batchSize}, a child of its writer's span. */
    private static Span startProjection(Tracer tracer, String name, ConsumerRecord<?, ?> record, int batchSize) {
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER)
                .setParent(writerOf(record))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.batch.message_count", batchSize);
        if (record.timestamp() > 0) {
            span.setAttribute(record.timestampType() == TimestampType.LOG_APPEND_TIME ? QUEUED_ATTRIBUTE : LAG_ATTRIBUTE,
                    Math.max(0, Instant.now().toEpochMilli() - record.timestamp()));
        }
        return span.startSpan();
    }
}
