package shop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsCountRateAndEta() {
        String line = ProgressBar.render("seed", 250_000, 1_000_000, 1_000_000_000L);
        assertTrue(line.contains("[#######" + "-".repeat(23) + "]") || line.contains("[########" + "-".repeat(22) + "]"), line);
        assertTrue(line.contains(" 25%"), line);
        assertTrue(line.contains("250,000/1,000,000"), line);
        assertTrue(line.contains("250,000/s"), line);
        assertTrue(line.contains("ETA 3s"), line);
    }

    @Test
    void saysHowLongItTookWhenDone() {
        String line = ProgressBar.render("seed", 10, 10, 125_000_000_000L);
        assertTrue(line.contains("100%") && line.contains("done in 2m05s"), line);
    }
}
