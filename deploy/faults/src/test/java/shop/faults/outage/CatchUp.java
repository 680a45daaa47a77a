package shop.faults.outage;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.awaitility.core.ConditionTimeoutException;

/**
 * How long a derived view takes to be right again after a fault: a bounded wait (Awaitility) for
 * a condition on the real stores, timed. Not reaching it within the bound is a finding for the
 * scenario to report (what is still missing), never a hang.
 */
public final class CatchUp {

    private CatchUp() {
    }

    /** The time until {@code condition} held, or empty when it did not within {@code bound}. */
    public static Optional<Duration> within(Duration bound, Callable<Boolean> condition) {
        long start = System.nanoTime();
        try {
            await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(condition);
            return Optional.of(Duration.ofNanos(System.nanoTime() - start));
        } catch (ConditionTimeoutException notYet) {
            return Optional.empty();
        }
    }

    /**
     * Seconds from {@code sinceNanos} (a {@link System#nanoTime()}, e.g. when the store came back)
     * until {@code condition} held, or null when it did not within {@code bound} from now.
     */
    public static Double secondsSince(long sinceNanos, Duration bound, Callable<Boolean> condition) {
        return within(bound, condition).map(held -> seconds(Duration.ofNanos(System.nanoTime() - sinceNanos)))
                .orElse(null);
    }

    /** Seconds with one decimal, for the figures. */
    public static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
