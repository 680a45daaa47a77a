package shop.kit.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import shop.kit.problem.Problem;

/**
 * What a drift check's pass found different between a view and the source: suspects, not yet drift,
 * since an event may be on its way. {@link #settle} reads them again until each agrees or has differed
 * for longer than an event takes to arrive (the grace plus the view's current lag, asked for at each
 * round, so a slow projection is never taken for drift); a suspect whose source changed again
 * meanwhile starts its wait anew. Past {@code maxWait} what still differs is drift.
 */
public final class Suspects<K> {

    /** How a suspect looks when read again. */
    public sealed interface Look permits Agrees, Differs {
    }

    /** View and source agree now. */
    public record Agrees() implements Look {
    }

    /**
     * They still differ; {@code changedAt}: when the source last changed it (null: not known), and
     * {@code asDrift}: what to do if this difference is drift (record it, plan its repair).
     */
    public record Differs(Instant changedAt, Runnable asDrift) implements Look {
    }

    public static final Look AGREES = new Agrees();
    private static final Duration ROUND = Duration.ofMillis(500);

    private final Map<K, Instant> pending = new LinkedHashMap<>();

    /** A suspect, with the time from which it may still be in flight (the source's change, or now). */
    public void add(K key, Instant since) {
        pending.merge(key, since, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Reads the suspects again ({@code reread}: a look for each key given; a key left out agrees)
     * until none is pending.
     */
    public void settle(Duration grace, Supplier<Duration> currentLag, Duration maxWait,
            Function<List<K>, Map<K, Look>> reread) {
        Instant deadline = Instant.now().plus(maxWait);
        while (!pending.isEmpty()) {
            Duration allowance = grace.plus(currentLag.get());
            Map<K, Look> looks = reread.apply(new ArrayList<>(pending.keySet()));
            Instant now = Instant.now();
            for (K key : new ArrayList<>(pending.keySet())) {
                Look look = looks.getOrDefault(key, AGREES);
                if (look instanceof Differs differs) {
                    Instant since = differs.changedAt() != null && differs.changedAt().isAfter(pending.get(key))
                            ? differs.changedAt() : pending.get(key);
                    if (since.plus(allowance).isAfter(now) && now.isBefore(deadline)) {
                        pending.put(key, since); // may still be on its way
                        continue;
                    }
                    differs.asDrift().run();
                }
                pending.remove(key);
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(ROUND.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw Problem.unavailable("the drift check was interrupted; nothing was repaired");
                }
            }
        }
    }

    /**
     * How long an event may still take to reach the view, the grace's companion. While the view's
     * group has records behind (or that is not known): the lag it has shown (the last event's, the last
     * minute's p99, the oldest event in hand). Caught up (nothing behind): only the oldest event in hand,
     * since a lag shown while the view replayed its topic says nothing of an event on its way now, and
     * waiting for it made every check after a replay wait its whole max-wait (longer than a gateway
     * waits for an answer). An event still between the commit and the topic is the grace's to cover.
     */
    public static Duration lagOf(ViewProgress.Status status) {
        long current = status.currentLagMs() == null ? 0 : status.currentLagMs();
        if (status.recordsBehind() != null && status.recordsBehind() == 0) {
            return Duration.ofMillis(current);
        }
        long shown = Math.max(status.lastEventLagMs() == null ? 0 : status.lastEventLagMs(),
                status.lagP99Ms() == null ? 0 : status.lagP99Ms());
        return Duration.ofMillis(Math.max(shown, current));
    }
}
