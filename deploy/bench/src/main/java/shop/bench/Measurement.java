package shop.bench;

import java.util.List;

/**
 * One measured phase of the side-by-side benchmark: a workload on one design at one level,
 * fixed rate or saturation, one repetition. Latencies in milliseconds at {@link #CURVE}.
 */
record Measurement(String workload, String design, String level, String phase, int repetition, double seconds,
        long count, long errors, double throughput, double[] curve) {

    /** The percentiles kept of every phase: the table's four, the max, and enough points to draw the curve. */
    static final List<Double> CURVE = List.of(0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 100.0);

    static Measurement of(String workload, String design, String level, String phase, int repetition,
            Load.Result result) {
        Latencies latencies = result.latencies();
        double[] curve = new double[CURVE.size()];
        for (int c = 0; c < curve.length; c++) {
            curve[c] = latencies.percentileMillis(CURVE.get(c)); // with requests a phase never sent
        }
        return new Measurement(workload, design, level, phase, repetition, result.seconds(), latencies.count(),
                latencies.errorCount(),
                // answered correctly per second: errors (and requests never sent) are no throughput
                result.seconds() > 0 ? (latencies.count() - latencies.errorCount()) / result.seconds() : 0, curve);
    }

    double at(double percentile) {
        return curve[CURVE.indexOf(percentile)];
    }

    /** {@code baseline store}, {@code polyglot gateway}: one line of a plot, one row of the table. */
    String target() {
        return design + " " + level;
    }
}
