package shop.kit.projection;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Read your own writes in a derived view: readers waiting for something to arrive in the view (a
 * product's version in the index, an event in a feed), and the projection saying what just arrived.
 * A waiting reader holds a future, never a thread: {@link #await} answers as soon as the view holds
 * what it waits for (signalled by this instance's projection, or found by a re-read every 250 ms,
 * since another replica may have applied it), or at the deadline with what the view holds.
 *
 * @param <K> what is waited for (a product id, an event id)
 * @param <V> what arrives for it (a version; anything, for an event)
 */
public class Arrivals<K, V> {

    /** The view's answer, and whether it holds what was waited for ({@code false}: stale, at the deadline). */
    public record Answer<T>(T view, boolean reached) {
    }

    private record Waiter<V>(Predicate<V> reached, CompletableFuture<Void> signal) {
    }

    private static final long RECHECK_MS = 250;
    private final Map<K, Set<Waiter<V>>> waiting = new ConcurrentHashMap<>();

    /** The projection applied {@code value} for {@code key}: the readers it satisfies are answered. */
    public void arrived(K key, V value) {
        Set<Waiter<V>> waiters = waiting.get(key);
        if (waiters != null) {
            waiters.stream().filter(waiter -> waiter.reached().test(value)).forEach(waiter -> waiter.signal().complete(null));
        }
    }

    /**
     * Reads the view ({@code read}, non-blocking) until {@code done} says it holds what is waited for,
     * waking on an arrival that {@code reached} accepts or every 250 ms, for at most {@code wait}.
     */
    public <T> Uni<Answer<T>> await(K key, Predicate<V> reached, Supplier<Uni<T>> read, Predicate<T> done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return read.get().chain(view -> answerOrWait(key, reached, read, done, deadline, view));
    }

    private <T> Uni<Answer<T>> answerOrWait(K key, Predicate<V> reached, Supplier<Uni<T>> read, Predicate<T> done,
            long deadline, T view) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (done.test(view) || left <= 0) {
            return Uni.createFrom().item(new Answer<>(view, done.test(view)));
        }
        Waiter<V> waiter = new Waiter<>(reached, new CompletableFuture<>());
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        return Uni.createFrom().completionStage(waiter.signal())
                .ifNoItem().after(Duration.ofMillis(Math.min(RECHECK_MS, left))).recoverWithItem((Void) null)
                .eventually(() -> forget(key, waiter))
                .chain(read::get)
                .chain(next -> answerOrWait(key, reached, read, done, deadline, next));
    }

    private void forget(K key, Waiter<V> waiter) {
        waiting.computeIfPresent(key, (k, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
