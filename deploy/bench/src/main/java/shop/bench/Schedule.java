package shop.bench;

/**
 * When each request of a fixed-rate phase is meant to be sent: request {@code i} at
 * {@code start + i / rate}, computed from {@code i} (no accumulated drift). Latency is measured
 * from this intended time, so a stall in the service or the harness counts against every
 * request it delays: no coordinated omission.
 */
record Schedule(long startNanos, int ratePerSecond, long total) {

    static Schedule of(long startNanos, int ratePerSecond, int durationSeconds) {
        return new Schedule(startNanos, ratePerSecond, (long) ratePerSecond * durationSeconds);
    }

    long intendedNanos(long i) {
        // i < 1.2e7 (rate and duration are bounded), so i * 1e9 stays below 2^63
        return startNanos + i * 1_000_000_000L / ratePerSecond;
    }
}
