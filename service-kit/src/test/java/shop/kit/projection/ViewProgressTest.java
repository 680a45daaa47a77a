package shop.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view's bookkeeping of what it is applying: an instance applies several records at once (feed-service:
 * one per aggregate, from the same partition too), so one record settling must not hide another that is
 * still in flight.
 */
class ViewProgressTest {

    // no broker: the backlog stays unknown, which the bookkeeping here does not read
    private final ViewProgress progress = new ViewProgress("feed", "feed-service", List.of("outbox.event.order"),
            "feed-service.dead-letter", Duration.ofHours(1), Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofMinutes(2), Duration.ofSeconds(30), Map.of("bootstrap.servers", "127.0.0.1:1"),
            new SimpleMeterRegistry());

    @AfterEach
    void close() {
        progress.close();
    }

    @Test
    void aRecordThatSettlesLeavesTheOthersInFlightInTheCurrentLag() {
        long now = System.currentTimeMillis();
        // two aggregates' records, the same partition, applied at once; and one from another partition
        ConsumerRecord<String, String> old = record(0, 7, now - 60_000);
        ConsumerRecord<String, String> recent = record(0, 8, now - 2_000);
        ConsumerRecord<String, String> elsewhere = record(1, 3, now - 1_000);
        progress.working(List.of(old));
        progress.working(List.of(recent));
        progress.working(List.of(elsewhere));
        progress.settled(List.of(elsewhere));
        assertThat(progress.currentLag()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));

        progress.settled(List.of(old));
        assertThat(progress.currentLag()).as("the later record of partition 0 is still being applied")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(60));

        progress.applied(recent, Instant.ofEpochMilli(now - 2_100), Instant.now());
        progress.settled(List.of(recent));
        assertThat(progress.currentLag()).isZero();
        assertThat(progress.status().lagByHop().get("queued").p99Ms()).as("queued: appended -> taken")
                .isGreaterThanOrEqualTo(1_000L);
    }

    @Test
    void aRecordTakenAgainAfterARetryKeepsTheTimeItWasFirstTaken() throws Exception {
        long now = System.currentTimeMillis();
        ConsumerRecord<String, String> event = record(2, 11, now - 1_000);
        progress.working(List.of(event));
        Thread.sleep(1_200); // the store does not answer; the projection retries the same record
        progress.working(List.of(event));
        progress.applied(event, Instant.ofEpochMilli(now - 1_050), Instant.now());
        progress.settled(List.of(event));
        assertThat(progress.status().lagByHop().get("apply").p99Ms()).as("the retries count as applying")
                .isGreaterThanOrEqualTo(1_000L);
        assertThat(progress.status().lagByHop().get("queued").p99Ms()).isLessThan(1_000L);
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, long appendedAt) {
        return new ConsumerRecord<>("outbox.event.order", partition, offset, appendedAt, TimestampType.LOG_APPEND_TIME,
                -1, -1, "order-" + partition, "{}", new RecordHeaders(), Optional.empty());
    }
}
