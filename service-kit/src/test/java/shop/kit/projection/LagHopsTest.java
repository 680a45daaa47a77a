package shop.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LagHopsTest {

    private static final Instant COMMIT = Instant.parse("2026-12-05T03:00:00.000Z");

    @Test
    void theHopsSplitTheLagFromCommitToStore() {
        LagHops hops = LagHops.of(COMMIT, COMMIT.plusMillis(120), COMMIT.plusMillis(1_120), COMMIT.plusMillis(1_150));

        assertThat(hops.capture()).isEqualTo(Duration.ofMillis(120));
        assertThat(hops.queued()).isEqualTo(Duration.ofMillis(1_000));
        assertThat(hops.apply()).isEqualTo(Duration.ofMillis(30));
        assertThat(hops.byName()).containsExactly(
                entry("capture", 120), entry("queued", 1_000), entry("apply", 30));
    }

    @Test
    void aClockAheadOfTheNextCountsAsNoTimeRatherThanNegative() {
        // the broker's clock 5 ms behind PostgreSQL's: the append looks earlier than the commit
        LagHops hops = LagHops.of(COMMIT, COMMIT.minusMillis(5), COMMIT.plusMillis(40), COMMIT.plusMillis(60));

        assertThat(hops.capture()).isZero();
        assertThat(hops.queued()).isEqualTo(Duration.ofMillis(45));
        assertThat(hops.apply()).isEqualTo(Duration.ofMillis(20));
    }

    private static Map.Entry<String, Duration> entry(String hop, long ms) {
        return Map.entry(hop, Duration.ofMillis(ms));
    }
}
