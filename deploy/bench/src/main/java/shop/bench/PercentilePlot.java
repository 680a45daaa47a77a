package shop.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A latency percentile curve as SVG, by hand: x is the percentile on a "nines" scale (50, 90, 99,
 * 99.9, 99.99 equally spaced, where tails live), y the latency in ms on a log scale; one colour
 * per design and level, one line per repetition (so the spread shows).
 */
final class PercentilePlot {

    /** The canvas and palette both plots share (SizePlot too), so they sit side by side in a report. */
    static final int WIDTH = 760;
    static final int HEIGHT = 440;
    static final int LEFT = 70;
    static final int RIGHT = 220;
    static final int TOP = 40;
    static final int BOTTOM = 50;
    private static final double MAX_NINES = 4; // 99.99
    private static final String[] TICKS = {"p0", "p90", "p99", "p99.9", "p99.99"};
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private PercentilePlot() {
    }

    /** x of a percentile: log10(1 / (1 − p)), 0 at p0, 1 at p90, 4 at p99.99. */
    static double nines(double percentile) {
        return percentile >= 100 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(100.0 / (100.0 - percentile)));
    }

    static String svg(String workload, List<Measurement> runs) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (Measurement m : runs) {
            colours.computeIfAbsent(m.target(), t -> COLOURS[colours.size() % COLOURS.length]);
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Measurement m : runs) {
            for (int c = 0; c < m.curve().length; c++) {
                if (!Double.isNaN(m.curve()[c]) && Measurement.CURVE.get(c) < 100) {
                    lo = Math.min(lo, m.curve()[c]);
                    hi = Math.max(hi, m.curve()[c]);
                }
            }
        }
        if (hi <= 0) {
            lo = 0.01;
            hi = 1;
        }
        double yMin = Math.floor(Math.log10(Math.max(0.001, lo)));
        double yMax = Math.max(yMin + 1, Math.ceil(Math.log10(hi)));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"24\" font-size=\"15\">%s: latency by percentile, fixed arrival rate"
                        + "</text>%n", WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, escape(workload)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        for (double tick = 0; tick <= MAX_NINES; tick++) {
            double x = LEFT + tick / MAX_NINES * plotW;
            String label = TICKS[(int) tick];
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x, TOP + plotH, x,
                    TOP + plotH + 18, label));
        }
        for (double decade = yMin; decade <= yMax; decade++) {
            double y = TOP + plotH - (decade - yMin) / (yMax - yMin) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT, y, LEFT + plotW, y,
                    LEFT - 6, y + 4, new java.math.BigDecimal(Math.pow(10, decade)).round(new java.math.MathContext(1))
                            .stripTrailingZeros().toPlainString()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2, HEIGHT - 12));
        for (Measurement m : runs) {
            StringBuilder points = new StringBuilder();
            for (int c = 0; c < m.curve().length; c++) {
                double value = m.curve()[c];
                if (Double.isNaN(value) || Measurement.CURVE.get(c) >= 100) {
                    continue;
                }
                double x = LEFT + nines(Measurement.CURVE.get(c)) / MAX_NINES * plotW;
                double y = TOP + plotH - (Math.log10(Math.max(value, Math.pow(10, yMin))) - yMin) / (yMax - yMin) * plotH;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\""
                    + " points=\"%s\"><title>%s, repetition %d</title></polyline>%n", colours.get(m.target()),
                    points.toString().trim(), escape(m.target()), m.repetition()));
        }
        int row = 0;
        for (Map.Entry<String, String> e : colours.entrySet()) {
            int y = TOP + 10 + row++ * 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW + 15, y,
                    LEFT + plotW + 40, y, e.getValue(), LEFT + plotW + 46, y + 4, escape(e.getKey())));
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
