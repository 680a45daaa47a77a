package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LoadTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aSustainableRateSendsEveryRequestAndCountsNoError() throws Exception {
        Load.Result result = Load.fixedRate(i -> new Call.Outcome("x", true), 200, 1, 4, QUIET);

        assertEquals(200, result.latencies().count());
        assertEquals(0, result.latencies().errorCount());
    }

    @Test
    void fewerRequestsThanWorkersEndCleanly() throws Exception {
        // every worker's stop signal must fit in the queue beside the requests (it once overflowed)
        for (int run = 0; run < 5; run++) {
            Load.Result result = Load.fixedRate(i -> new Call.Outcome("x", true), 5, 1, 32, QUIET);
            assertEquals(5, result.latencies().count());
        }
    }

    @Test
    void anAnswerIsReadAfterTheLatencyIsTakenAndDecidesTheOutcome() throws Exception {
        // each answer takes 200 ms to read and does not hold: an error, but not a 200 ms latency
        Load.Result result = Load.saturation(i -> new Call.Outcome("x", true, () -> {
            Thread.sleep(200);
            return false;
        }), 1, 1, QUIET);

        Latencies latencies = result.latencies();
        assertTrue(latencies.count() >= 2, "count " + latencies.count());
        assertEquals(latencies.count(), latencies.errorCount());
        assertTrue(latencies.percentileMillis(100) < 100, "max " + latencies.percentileMillis(100));
    }

    @Test
    void requestsAnOverloadedTargetNeverGotToAreCountedAsFailedWithTheirWait() throws Exception {
        // one worker, each call 300 ms, 50 requests released over 1 s, 200 ms to drain: most are never sent
        Load.Result result = Load.fixedRate(i -> {
            Thread.sleep(300);
            return new Call.Outcome("x", true);
        }, 50, 1, 1, TimeUnit.MILLISECONDS.toNanos(200), QUIET);

        Latencies latencies = result.latencies();
        long sent = latencies.count() - latencies.errorCount();
        assertTrue(sent <= 5, "at most ~1.2 s / 300 ms calls completed, got " + sent);
        assertTrue(latencies.count() >= 45, "the unsent requests are counted too: " + latencies.count());
        assertTrue(latencies.errorCount() >= 40, "and they are failures: " + latencies.errorCount());
        // the first unsent request was due at ~20 ms and had waited ~1.2 s when counted
        assertTrue(latencies.percentileMillis(100) >= 1_000, "max " + latencies.percentileMillis(100));
    }
}
