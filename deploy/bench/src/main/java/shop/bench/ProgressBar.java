package shop.bench;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal: done/total, rate and ETA, redrawn at most 5 times a second. */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(String label, long total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        out.print('\r' + render(label, done, total, now - start));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    /** {@code seed [##########----------]  50%   500,000/1,000,000   250,000/s  ETA 2s}. */
    static String render(String label, long done, long total, long elapsedNanos) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done in " + duration(seconds)
                : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA ?";
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d  %,.0f/s  %s   ", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, rate, eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
