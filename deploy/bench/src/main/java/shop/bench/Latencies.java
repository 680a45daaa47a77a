package shop.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies per request label, in microseconds (1 µs to 60 s, 3 significant digits), plus the
 * errors per label. Safe to record from many threads.
 */
final class Latencies {

    static final long HIGHEST_MICROS = 60_000_000L;

    private final Map<String, Histogram> histograms = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();

    void record(String label, long nanos, boolean ok) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1_000));
        histograms.computeIfAbsent(label, l -> new ConcurrentHistogram(HIGHEST_MICROS, 3)).recordValue(micros);
        if (!ok) {
            errors.computeIfAbsent(label, l -> new LongAdder()).increment();
        }
    }

    long count() {
        return histograms.values().stream().mapToLong(Histogram::getTotalCount).sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** One row per label and an {@code all} row: count, errors, p50/p90/p99/p99.9/max in ms, rate. */
    String table(double seconds) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-10s %9s %7s %9s %9s %9s %9s %9s %10s%n", "request", "count", "errors", "p50 ms", "p90 ms",
                "p99 ms", "p99.9 ms", "max ms", "req/s"));
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        for (var e : histograms.entrySet()) {
            Histogram h = e.getValue().copy();
            all.add(h);
            table.append(row(e.getKey(), h, errors.getOrDefault(e.getKey(), new LongAdder()).sum(), seconds));
        }
        table.append(row("all", all, errorCount(), seconds));
        return table.toString();
    }

    private static String row(String label, Histogram h, long errors, double seconds) {
        return String.format(Locale.ROOT, "%-10s %9d %7d %9.3f %9.3f %9.3f %9.3f %9.3f %10.0f%n", label,
                h.getTotalCount(), errors, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                seconds > 0 ? h.getTotalCount() / seconds : 0);
    }

    /** The value at {@code percentile} of one label, in milliseconds (NaN when none were recorded). */
    double percentileMillis(String label, double percentile) {
        Histogram h = histograms.get(label);
        return h == null ? Double.NaN : ms(h.getValueAtPercentile(percentile));
    }

    /** The value at {@code percentile} over every label together, in milliseconds (NaN when none were recorded). */
    double percentileMillis(double percentile) {
        if (histograms.isEmpty()) {
            return Double.NaN;
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.values().forEach(h -> all.add(h.copy()));
        return ms(all.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
