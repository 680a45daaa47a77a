package shop.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
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

    /** The span attribute with how long ago the event was committed, in ms, when the projection took it. */
    public static final String LAG_ATTRIBUTE = "shop.outbox.lag_ms";

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
    public static Context writerOf(ConsumerRecord<?, ?> record) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS);
    }

    /**
     * Runs {@code projection} inside {@link #startProjection a consumer span} for these records: the
     * store writes it makes are children of that span; a failure is recorded on it and rethrown.
     */
    public static void project(Tracer tracer, String name, List<? extends ConsumerRecord<?, ?>> records, Runnable projection) {
        Span span = startProjection(tracer, name, records);
        try (Scope scope = span.makeCurrent()) {
            projection.run();
        } catch (RuntimeException failed) {
            span.recordException(failed);
            span.setStatus(StatusCode.ERROR);
            throw failed;
        } finally {
            span.end();
        }
    }

    /**
     * A consumer span for projecting these records (one or a batch), a child of the first record's
     * writer and linked to the others' (a batch spans several writes), with the commit → consumed lag
     * of the oldest, started: the caller makes it current around the store write and ends it.
     */
    public static Span startProjection(Tracer tracer, String name, List<? extends ConsumerRecord<?, ?>> records) {
        ConsumerRecord<?, ?> first = records.get(0);
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER)
                .setParent(writerOf(first))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", first.topic())
                .setAttribute("messaging.batch.message_count", records.size());
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<?, ?> record = records.get(i);
            oldest = Math.min(oldest, record.timestamp());
            if (i > 0) {
                SpanContext writer = Span.fromContext(writerOf(record)).getSpanContext();
                if (writer.isValid()) {
                    span.addLink(writer);
                }
            }
        }
        if (oldest > 0 && oldest != Long.MAX_VALUE) {
            span.setAttribute(LAG_ATTRIBUTE, Math.max(0, Instant.now().toEpochMilli() - oldest));
        }
        return span.startSpan();
    }
}
