package shop.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/** A projection continues the trace its record carries, and a missing or bad one never stops it. */
class OutboxTraceTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String WRITER = "00f067aa0ba902b7";

    final List<SpanData> ended = new ArrayList<>();
    final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }).build().get("test");

    @Test
    void theProjectionIsAChildOfTheWriteWithItsLag() {
        long committed = System.currentTimeMillis() - 250;
        SpanData span = project(record("00-" + TRACE + "-" + WRITER + "-01", committed));
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(WRITER);
        assertThat(span.getAttributes().get(AttributeKey.longKey(OutboxTrace.LAG_ATTRIBUTE))).isBetween(250L, 60_000L);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo("outbox.event.product");
    }

    @Test
    void aRecordStampedByTheBrokerTellsHowLongItWaitedInKafka() {
        long appended = System.currentTimeMillis() - 300;
        SpanData span = project(record("00-" + TRACE + "-" + WRITER + "-01", appended, TimestampType.LOG_APPEND_TIME));
        assertThat(span.getParentSpanId()).isEqualTo(WRITER);
        assertThat(span.getAttributes().get(AttributeKey.longKey(OutboxTrace.QUEUED_ATTRIBUTE))).isBetween(300L, 60_000L);
        // the append is not the commit: no lag is claimed from it
        assertThat(span.getAttributes().get(AttributeKey.longKey(OutboxTrace.LAG_ATTRIBUTE))).isNull();
    }

    @Test
    void aMissingEmptyOrBadHeaderStartsANewTrace() {
        for (String header : new String[] {null, "", "garbage", "00-" + "0".repeat(32) + "-" + WRITER + "-01", "00-" + TRACE + "-" + WRITER}) {
            SpanData span = project(record(header, System.currentTimeMillis()));
            assertThat(span.getSpanContext().isValid()).as(String.valueOf(header)).isTrue();
            assertThat(span.getParentSpanContext().isValid()).as(String.valueOf(header)).isFalse();
        }
        // a header without a value, as Debezium writes a null column
        RecordHeaders nullValued = new RecordHeaders();
        nullValued.add(new RecordHeader("traceparent", (byte[]) null));
        SpanData span = project(new ConsumerRecord<>("outbox.event.product", 0, 1, 1L, TimestampType.CREATE_TIME, 0, 0, "k", "v",
                nullValued, Optional.empty()));
        assertThat(span.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void eachEventOfABatchIsInItsOwnWritersTraceAndTheStoreWriteInTheFirsts() {
        String other = "0af7651916cd43dd8448eb211c80319c";
        List<String> storeWriteTrace = new ArrayList<>();
        OutboxTrace.project(tracer, "search projection", List.of(record("00-" + TRACE + "-" + WRITER + "-01", 1L),
                record("00-" + other + "-b7ad6b7169203331-01", 1L)),
                () -> storeWriteTrace.add(io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId()));
        assertThat(ended).extracting(SpanData::getTraceId).containsExactly(TRACE, other);
        assertThat(ended).extracting(SpanData::getParentSpanId).containsExactly(WRITER, "b7ad6b7169203331");
        assertThat(ended).allSatisfy(span -> assertThat(span.getAttributes()
                .get(AttributeKey.longKey("messaging.batch.message_count"))).isEqualTo(2L));
        assertThat(storeWriteTrace).containsExactly(TRACE);
    }

    @Test
    void aFailedProjectionIsAnErrorOnEveryEventsSpanAndStillThrown() {
        RuntimeException down = new IllegalStateException("store down");
        try {
            OutboxTrace.project(tracer, "feed projection", List.of(record(null, 1L), record(null, 1L)), () -> {
                throw down;
            });
        } catch (IllegalStateException thrown) {
            assertThat(thrown).isSameAs(down);
        }
        assertThat(ended).hasSize(2).allSatisfy(span ->
                assertThat(span.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR));
    }

    SpanData project(ConsumerRecord<String, String> record) {
        OutboxTrace.project(tracer, "feed projection", List.of(record), () -> { });
        return ended.get(ended.size() - 1);
    }

    static ConsumerRecord<String, String> record(String traceparent, long timestamp) {
        return record(traceparent, timestamp, TimestampType.CREATE_TIME);
    }

    static ConsumerRecord<String, String> record(String traceparent, long timestamp, TimestampType type) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecord<>("outbox.event.product", 0, 1, timestamp, type, 0, 0, "k", "v", headers, Optional.empty());
    }
}
