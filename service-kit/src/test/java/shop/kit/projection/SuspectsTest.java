package shop.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** When a difference between a view and its source is drift, and when it is an event on its way. */
class SuspectsTest {

    private static final Duration GRACE = Duration.ofMillis(300);

    @Test
    void anOldDifferenceIsDriftAtOnceAndWhatAgreesOnASecondLookIsNot() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        Suspects<String> suspects = new Suspects<>();
        suspects.add("lost", longAgo);
        suspects.add("caught-up", longAgo);
        List<String> drift = new ArrayList<>();
        AtomicInteger rounds = new AtomicInteger();
        suspects.settle(GRACE, () -> Duration.ZERO, Duration.ofSeconds(10), keys -> {
            rounds.incrementAndGet();
            Map<String, Suspects.Look> looks = new HashMap<>();
            looks.put("lost", new Suspects.Differs(longAgo, () -> drift.add("lost")));
            return looks; // caught-up is left out: it agrees now
        });
        assertThat(drift).containsExactly("lost");
        assertThat(rounds).hasValue(1);
    }

    @Test
    void aFreshWriteIsWaitedForAndCountsOnlyIfItNeverArrives() {
        Instant now = Instant.now();
        Suspects<String> suspects = new Suspects<>();
        suspects.add("arrives", now);
        suspects.add("never", now);
        List<String> drift = new ArrayList<>();
        AtomicInteger rounds = new AtomicInteger();
        long started = System.nanoTime();
        suspects.settle(GRACE, () -> Duration.ZERO, Duration.ofSeconds(10), keys -> {
            int round = rounds.incrementAndGet();
            Map<String, Suspects.Look> looks = new HashMap<>();
            if (keys.contains("arrives") && round == 1) {
                looks.put("arrives", new Suspects.Differs(now, () -> drift.add("arrives")));
            }
            looks.put("never", new Suspects.Differs(now, () -> drift.add("never")));
            return looks;
        });
        assertThat(drift).containsExactly("never");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(GRACE);
    }

    @Test
    void theViewsLagWidensTheWaitAndAWriteAgainRestartsIt() {
        Instant now = Instant.now();
        Suspects<String> suspects = new Suspects<>();
        suspects.add("busy", now.minusSeconds(60));
        List<String> drift = new ArrayList<>();
        AtomicInteger rounds = new AtomicInteger();
        // a view 60 s behind: a difference 60 s old is still lag
        suspects.settle(GRACE, () -> Duration.ofSeconds(120), Duration.ofSeconds(10), keys -> {
            // written again just now, then agreeing on the third look
            return rounds.incrementAndGet() < 3
                    ? Map.of("busy", new Suspects.Differs(Instant.now(), () -> drift.add("busy")))
                    : Map.of();
        });
        assertThat(drift).isEmpty();
        assertThat(rounds).hasValue(3);
    }

    @Test
    void pastTheLongestWaitWhatStillDiffersIsReported() {
        Suspects<String> suspects = new Suspects<>();
        suspects.add("stuck", Instant.now());
        List<String> drift = new ArrayList<>();
        suspects.settle(GRACE, () -> Duration.ofHours(1), Duration.ofMillis(600),
                keys -> Map.of("stuck", new Suspects.Differs(Instant.now(), () -> drift.add("stuck"))));
        assertThat(drift).containsExactly("stuck");
    }

    @Test
    void aViewThatHasCaughtUpWaitsOnlyForWhatItHoldsNotForTheLagOfItsReplay() {
        // a replay applied events minutes old; now nothing is behind and nothing in hand
        ViewProgress.Status caughtUp = new ViewProgress.Status(Instant.now(), 180_000L, 0L, 90_000L, 200_000L, Map.of(), 0L, 0L, null);
        assertThat(Suspects.lagOf(caughtUp)).isEqualTo(Duration.ZERO);
        ViewProgress.Status applying = new ViewProgress.Status(Instant.now(), 180_000L, 1_500L, 90_000L, 200_000L, Map.of(), 0L, 0L, null);
        assertThat(Suspects.lagOf(applying)).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aViewThatIsBehindOrNotKnownWaitsForTheLagItHasShown() {
        ViewProgress.Status behind = new ViewProgress.Status(Instant.now(), 3_000L, 800L, 1_000L, 4_000L, Map.of(), 25L, 0L, null);
        assertThat(Suspects.lagOf(behind)).isEqualTo(Duration.ofMillis(4_000));
        ViewProgress.Status unknown = new ViewProgress.Status(Instant.now(), 6_000L, null, null, null, Map.of(), null, null, null);
        assertThat(Suspects.lagOf(unknown)).isEqualTo(Duration.ofMillis(6_000));
    }
}
