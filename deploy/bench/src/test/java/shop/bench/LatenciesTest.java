package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreReportedPerLabelInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 1000; i++) {
            latencies.record("top", i * 1_000L, true); // 1 µs .. 1 ms
        }
        latencies.record("user", 5_000_000L, false);
        assertEquals(0.5, latencies.percentileMillis("top", 50), 0.001);
        assertEquals(0.99, latencies.percentileMillis("top", 99), 0.001);
        assertEquals(1001, latencies.count());
        assertEquals(1, latencies.errorCount());
        assertTrue(Double.isNaN(latencies.percentileMillis("missing", 99)));
    }

    @Test
    void theTableHasARowPerLabelAndOneForAll() {
        Latencies latencies = new Latencies();
        latencies.record("top", 2_000_000L, true);
        latencies.record("user", 4_000_000L, false);
        String[] lines = latencies.table(2.0).split("\\R");
        assertEquals(4, lines.length);
        assertTrue(lines[0].contains("p99.9 ms"), lines[0]);
        assertEquals(List.of("top", "1", "0", "2.000", "2.000", "2.000", "2.000", "2.000", "1"),
                List.of(lines[1].trim().split("\\s+")));
        assertTrue(lines[3].startsWith("all") && lines[3].contains(" 2 ") && lines[3].contains(" 4.00"), lines[3]);
    }

    @Test
    void valuesAboveTheRangeAreClampedNotLost() {
        Latencies latencies = new Latencies();
        latencies.record("slow", 120_000_000_000L, true);
        assertEquals(1, latencies.count());
        assertTrue(latencies.percentileMillis("slow", 100) >= 59_000);
    }
}
