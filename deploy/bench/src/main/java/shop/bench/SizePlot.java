package shop.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cost curve as SVG, by hand (as {@link PercentilePlot}): x is the amount of data on a log scale,
 * y the p99 latency at a fixed arrival rate in ms on a log scale; one line per design and level,
 * a dot per measured size with its value in the tooltip.
 */
final class SizePlot {

    private static final int WIDTH = PercentilePlot.WIDTH;
    private static final int HEIGHT = PercentilePlot.HEIGHT;
    private static final int LEFT = PercentilePlot.LEFT;
    private static final int RIGHT = PercentilePlot.RIGHT;
    private static final int TOP = PercentilePlot.TOP;
    private static final int BOTTOM = PercentilePlot.BOTTOM;
    private static final String[] COLOURS = PercentilePlot.COLOURS;

    /** The targets in the order of the legend and the palette. */
    static final List<String> ORDER = List.of("baseline store", "baseline service", "polyglot store", "polyglot service",
            "polyglot gateway");

    /** One measured point: p99 in ms of {@code target} (design and level) at {@code size}. */
    record Point(String target, long size, double p99Millis) {
    }

    private SizePlot() {
    }

    static String svg(String workload, String unit, int rate, List<Point> points) {
        return svg(workload + ": p99 as the data grows, " + String.format("%,d", rate) + " req/s", unit, points);
    }

    /**
     * The same plot under another title, for another x than data (the pipeline's offered rate): x on a
     * log scale in {@code unit}, y p99 in ms on a log scale, a line per {@link Point#target()}.
     */
    static String svg(String title, String unit, List<Point> points) {
        // one design and level is one colour in every plot: the known targets first, in this order
        Map<String, List<Point>> lines = new java.util.TreeMap<>(Comparator
                .comparingInt((String t) -> ORDER.indexOf(t) < 0 ? ORDER.size() : ORDER.indexOf(t))
                .thenComparing(t -> t));
        for (Point p : points) {
            if (p.p99Millis() > 0 && !Double.isNaN(p.p99Millis())) {
                lines.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p);
            }
        }
        double xMin = Double.MAX_VALUE;
        double xMax = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (List<Point> line : lines.values()) {
            line.sort((a, b) -> Long.compare(a.size(), b.size()));
            for (Point p : line) {
                xMin = Math.min(xMin, Math.log10(p.size()));
                xMax = Math.max(xMax, Math.log10(p.size()));
                lo = Math.min(lo, p.p99Millis());
                hi = Math.max(hi, p.p99Millis());
            }
        }
        if (lines.isEmpty()) {
            xMin = 3;
            xMax = 4;
            lo = 0.1;
            hi = 1;
        }
        double x0 = Math.floor(xMin);
        double x1 = Math.max(x0 + 1, Math.ceil(xMax));
        double y0 = Math.floor(Math.log10(Math.max(0.001, lo)));
        double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(hi)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT, PercentilePlot.escape(title)));
        for (double decade = x0; decade <= x1; decade++) {
            double x = LEFT + (decade - x0) / (x1 - x0) * plotW;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x, TOP + plotH, x,
                    TOP + plotH + 18, count(Math.pow(10, decade))));
        }
        for (double decade = y0; decade <= y1; decade++) {
            double y = TOP + plotH - (decade - y0) / (y1 - y0) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, LEFT + plotW, y,
                    LEFT - 6, y + 4, decade >= 3 ? trim(Math.pow(10, decade - 3)) + " s"
                            : new java.math.BigDecimal(Math.pow(10, decade)).round(new java.math.MathContext(1))
                                    .stripTrailingZeros().toPlainString() + " ms"));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (log scale)</text>%n",
                LEFT + plotW / 2, HEIGHT - 12, PercentilePlot.escape(unit)));
        int row = 0;
        for (Map.Entry<String, List<Point>> line : lines.entrySet()) {
            int known = ORDER.indexOf(line.getKey());
            String colour = COLOURS[(known >= 0 ? known : row) % COLOURS.length];
            StringBuilder polyline = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point p : line.getValue()) {
                double x = LEFT + (Math.log10(p.size()) - x0) / (x1 - x0) * plotW;
                double y = TOP + plotH - (Math.log10(Math.max(p.p99Millis(), Math.pow(10, y0))) - y0) / (y1 - y0) * plotH;
                polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s,"
                        + " %s %s: p99 %s ms</title></circle>%n", x, y, colour, PercentilePlot.escape(line.getKey()),
                        count(p.size()), PercentilePlot.escape(unit), millis(p.p99Millis())));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\">"
                    + "<title>%s</title></polyline>%n", colour, polyline.toString().trim(),
                    PercentilePlot.escape(line.getKey()))).append(dots);
            int y = TOP + 10 + row++ * 20;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW + 15, y,
                    LEFT + plotW + 40, y, colour, LEFT + plotW + 46, y + 4, PercentilePlot.escape(line.getKey())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** 10000 → 10K, 1000000 → 1M: the x axis's labels. */
    static String count(double n) {
        if (n >= 1e9) {
            return trim(n / 1e9) + "B";
        }
        if (n >= 1e6) {
            return trim(n / 1e6) + "M";
        }
        if (n >= 1e3) {
            return trim(n / 1e3) + "K";
        }
        return trim(n);
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.3f", ms);
    }
}
