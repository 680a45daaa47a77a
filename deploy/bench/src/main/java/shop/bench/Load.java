package shop.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The two load models: an open model at a fixed arrival rate, and saturation by closed-loop workers. */
final class Load {

    /** What a phase measured. */
    record Result(Latencies latencies, double seconds, long maxDispatchLagMicros, int workers) {
    }

    /** The label of requests a fixed-rate phase never got to send within its drain time. */
    private static final String FAILED_UNSENT = "unsent";
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);

    private Load() {
    }

    /**
     * Open model: one dispatcher releases request {@code i} at its intended time into a queue,
     * {@code workers} threads send them. Latency = completion − intended time, so waiting for a
     * free worker or a slow connection is counted, never hidden.
     */
    static Result fixedRate(Call call, int rate, int durationSeconds, int workers, PrintStream log)
            throws InterruptedException {
        return fixedRate(call, rate, durationSeconds, workers, DRAIN_NANOS, log);
    }

    /** As above, waiting at most {@code drainNanos} after the last send for the requests still open. */
    static Result fixedRate(Call call, int rate, int durationSeconds, int workers, long drainNanos, PrintStream log)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        Schedule schedule = Schedule.of(System.nanoTime() + 10_000_000L, rate, durationSeconds);
        BlockingQueue<Long> queue = new ArrayBlockingQueue<>( // room for every request and each worker's stop signal
                (int) Math.min(Integer.MAX_VALUE - 8, schedule.total() + workers));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong done = new AtomicLong();
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                try {
                    while (true) {
                        long i = queue.take();
                        if (i < 0) {
                            return;
                        }
                        Call.Outcome outcome = runQuietly(call, i);
                        long latency = System.nanoTime() - schedule.intendedNanos(i);
                        latencies.record(outcome.label(), latency, outcome.succeeded()); // its answer read untimed
                        done.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long maxLag = 0;
        ProgressBar bar = new ProgressBar("  sent", schedule.total(), log);
        for (long i = 0; i < schedule.total(); i++) {
            long intended = schedule.intendedNanos(i);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, -wait);
            queue.add(i);
            if ((i & 255) == 0) {
                bar.update(i);
            }
        }
        bar.update(schedule.total());
        for (int w = 0; w < workers; w++) {
            queue.add(-1L);
        }
        pool.shutdown();
        if (!pool.awaitTermination(drainNanos, TimeUnit.NANOSECONDS)) {
            pool.shutdownNow();
            // the rate was more than the target sustains: the requests never sent count as failed, with
            // the time they had waited so far, so an overloaded phase cannot look better than it was
            List<Long> unsent = new ArrayList<>();
            queue.drainTo(unsent);
            long now = System.nanoTime();
            unsent.stream().filter(i -> i >= 0)
                    .forEach(i -> latencies.record(FAILED_UNSENT, now - schedule.intendedNanos(i), false));
            log.printf("  warning: %d requests still open %.1f s after the last send: counted as failed (the rate is"
                    + " above what the target sustains)%n", schedule.total() - done.get(), drainNanos / 1e9);
        }
        double seconds = (System.nanoTime() - schedule.startNanos()) / 1e9;
        return new Result(latencies, seconds, maxLag / 1_000, workers);
    }

    /** Saturation: {@code workers} threads each send the next request as soon as the last one answers. */
    static Result saturation(Call call, int durationSeconds, int workers, PrintStream log) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    Call.Outcome outcome = runQuietly(call, next.getAndIncrement());
                    long latency = System.nanoTime() - now;
                    latencies.record(outcome.label(), latency, outcome.succeeded()); // its answer read untimed
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
            log.printf("\r  %,d requests, %,.0f/s   ", latencies.count(), latencies.count() / ((System.nanoTime() - start) / 1e9));
            if (System.nanoTime() - end > DRAIN_NANOS) {
                pool.shutdownNow();
                break;
            }
        }
        log.println();
        return new Result(latencies, (System.nanoTime() - start) / 1e9, 0, workers);
    }

    private static Call.Outcome runQuietly(Call call, long i) {
        try {
            return call.run(i);
        } catch (Exception e) {
            return new Call.Outcome("error", false);
        }
    }
}
