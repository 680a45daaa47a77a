package shop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the side-by-side benchmark found, written three ways into one directory: {@code report.md}
 * (the tables a reader compares), {@code report.json} (every repetition, for scripts) and
 * {@code <workload>.svg} (latency percentile curves, fixed-rate phase, one line per design and level).
 */
final class SideBySideReport {

    private Scale scale;
    private final Instant at;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, String> workloads = new LinkedHashMap<>();
    private final Map<String, Integer> rates = new LinkedHashMap<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String[]> skipped = new ArrayList<>();
    private final Map<String, double[]> lags = new LinkedHashMap<>();
    private final Map<String, String> lagNotes = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    SideBySideReport(Scale scale, Instant at) {
        this.scale = scale;
        this.at = at;
        fact("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        fact("memory", memory());
        fact("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        fact("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The scale as seeded: it may hold more products than asked (see {@link Scale#withProducts(int)}). */
    void seeded(Scale seeded) {
        this.scale = seeded;
    }

    void fact(String name, String value) {
        facts.put(name, value);
    }

    void workload(String name, String what, int rate) {
        workloads.put(name, what);
        rates.put(name, rate);
    }

    void add(Measurement measurement) {
        measurements.add(measurement);
    }

    void skipped(String workload, String design, String level, String why) {
        skipped.add(new String[] {workload, design, level, why});
    }

    /** Lag percentiles (ms, at {@link Measurement#CURVE}) and errors; {@code unavailable} says why there are none. */
    void lag(String name, Latencies latencies, String unavailable) {
        double[] curve = new double[Measurement.CURVE.size() + 2];
        for (int c = 0; c < Measurement.CURVE.size(); c++) {
            curve[c] = latencies.percentileMillis("lag", Measurement.CURVE.get(c));
        }
        curve[curve.length - 2] = latencies.count();
        curve[curve.length - 1] = latencies.errorCount();
        lags.put(name, curve);
        if (unavailable != null) {
            lagNotes.put(name, "not available: " + unavailable);
        }
    }

    /** PostgreSQL sizes: the database, the baseline schema, and both without the images stored as BYTEA. */
    void sizes(BaselineStore store) throws SQLException {
        long database = store.number("SELECT pg_database_size(current_database())");
        long schema = store.number("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'baseline' AND c.relkind = 'r'");
        long images = store.number("SELECT pg_total_relation_size('baseline.product_images')");
        sizes.put("database_bytes", database);
        sizes.put("database_without_baseline_images_bytes", database - images);
        sizes.put("baseline_schema_bytes", schema);
        sizes.put("baseline_schema_without_images_bytes", schema - images);
        sizes.put("baseline_images_bytes", images);
        sizes.put("baseline_images", store.number("SELECT count(*) FROM baseline.product_images"));
    }

    /** Writes the three outputs into {@code dir}; returns it. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), json(), StandardCharsets.UTF_8);
        for (String workload : workloads.keySet()) {
            Files.writeString(dir.resolve(workload + ".svg"), PercentilePlot.svg(workload,
                    measurements.stream().filter(m -> m.workload().equals(workload) && m.phase().equals("fixed-rate"))
                            .toList()), StandardCharsets.UTF_8);
        }
        return dir;
    }

    // ---- Markdown ----

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Side-by-side: single PostgreSQL vs the polyglot suite (scale ").append(scale.name()).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Run at %s. %,d products, %,d users, %,d sessions, %,d leaderboard users,"
                + " %,d feed events over %,d users, %,d images of %,d bytes. Fixed rate per workload (at most %,d req/s,"
                + " see Workloads: each below what the slower design sustains here) for %d s and"
                + " saturation with %d closed-loop workers for %d s, %d repetitions each. Latency in ms; fixed rate:"
                + " from the intended send time (open model, no coordinated omission); saturation: service time."
                + " Figures are the median over the repetitions, with min–max of p99 as the spread.%n%n",
                at, scale.products(), scale.users(), scale.sessions(), scale.leaderboardUsers(), scale.feedEvents(),
                scale.feedUsers(), scale.images(), scale.imageBytes(), scale.rate(), scale.durationSeconds(),
                scale.workers(), scale.durationSeconds(), scale.repetitions()));
        md.append("## Machine\n\n| fact | value |\n| --- | --- |\n");
        facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
        for (String phase : List.of("fixed-rate", "saturation")) {
            md.append("\n## ").append(phase.equals("fixed-rate") ? "Fixed arrival rate" : "Saturation").append("\n\n");
            md.append("| workload | design | level | p50 | p90 | p99 (min–max) | p99.9 | max | req/s | errors |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (String workload : workloads.keySet()) {
                for (Map.Entry<String, List<Measurement>> e : byTarget(workload, phase).entrySet()) {
                    List<Measurement> reps = e.getValue();
                    Measurement first = reps.get(0);
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s (%s–%s) | %s | %s | %,.0f | %d |%n",
                            workload, first.design(), first.level(), ms(median(reps, 50)), ms(median(reps, 90)),
                            ms(median(reps, 99)), ms(min(reps, 99)), ms(max(reps, 99)), ms(median(reps, 99.9)),
                            ms(median(reps, 100)), medianThroughput(reps),
                            reps.stream().mapToLong(Measurement::errors).sum()));
                }
            }
        }
        md.append("\n## Ratio baseline / polyglot (median p50 and p99 at the fixed rate; throughput at saturation)\n\n");
        md.append("| workload | level | p50 ratio | p99 ratio | saturation req/s ratio |\n| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> ratio : ratios()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", ratio.get("workload"), ratio.get("level"),
                    ratioText((Double) ratio.get("p50")), ratioText((Double) ratio.get("p99")),
                    ratioText((Double) ratio.get("throughput"))));
        }
        md.append("\n## Lag from commit (polyglot; the baseline's is 0: index and feed row change in the same"
                + " transaction)\n\n| lag | count | failed | p50 | p90 | p99 | p99.9 | max |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        lags.forEach((name, curve) -> md.append(lagNotes.containsKey(name)
                ? "| " + name + " | " + lagNotes.get(name) + " | | | | | | |\n"
                : String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %s |%n", name,
                        curve[curve.length - 2], curve[curve.length - 1], ms(curve[2]), ms(curve[4]), ms(curve[6]),
                        ms(curve[8]), ms(curve[11]))));
        md.append("\n## PostgreSQL size\n\n| what | bytes | MB |\n| --- | --- | --- |\n");
        sizes.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %,d | %s |%n", k, v,
                k.endsWith("_bytes") ? String.format(Locale.ROOT, "%.1f", v / 1e6) : "")));
        if (!skipped.isEmpty()) {
            md.append("\n## Not measured\n\n");
            skipped.forEach(s -> md.append("- ").append(s[0]).append(", ").append(s[1]).append(" ").append(s[2])
                    .append(": ").append(s[3]).append('\n'));
        }
        md.append("\n## Workloads\n\n");
        workloads.forEach((k, v) -> md.append("- **").append(k).append("** (fixed rate ").append(rates.get(k))
                .append(" req/s; plot: `").append(k).append(".svg`): ").append(v).append('\n'));
        return md.toString();
    }

    private Map<String, List<Measurement>> byTarget(String workload, String phase) {
        return measurements.stream().filter(m -> m.workload().equals(workload) && m.phase().equals(phase))
                .collect(Collectors.groupingBy(Measurement::target, LinkedHashMap::new, Collectors.toList()));
    }

    /** Per workload and level both designs were measured at: baseline / polyglot. */
    List<Map<String, Object>> ratios() {
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (String workload : workloads.keySet()) {
            for (String level : List.of("store", "service")) {
                List<Measurement> base = reps(workload, SideBySide.BASELINE, level, "fixed-rate");
                List<Measurement> poly = reps(workload, SideBySide.POLYGLOT, level, "fixed-rate");
                if (base.isEmpty() || poly.isEmpty()) {
                    continue;
                }
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("workload", workload);
                ratio.put("level", level);
                ratio.put("p50", median(base, 50) / median(poly, 50));
                ratio.put("p99", median(base, 99) / median(poly, 99));
                ratio.put("throughput", medianThroughput(reps(workload, SideBySide.BASELINE, level, "saturation"))
                        / medianThroughput(reps(workload, SideBySide.POLYGLOT, level, "saturation")));
                ratios.add(ratio);
            }
        }
        return ratios;
    }

    private List<Measurement> reps(String workload, String design, String level, String phase) {
        return measurements.stream().filter(m -> m.workload().equals(workload) && m.design().equals(design)
                && m.level().equals(level) && m.phase().equals(phase)).toList();
    }

    static double median(List<Measurement> reps, double percentile) {
        double[] values = reps.stream().mapToDouble(m -> m.at(percentile)).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static double min(List<Measurement> reps, double percentile) {
        return reps.stream().mapToDouble(m -> m.at(percentile)).min().orElse(Double.NaN);
    }

    private static double max(List<Measurement> reps, double percentile) {
        return reps.stream().mapToDouble(m -> m.at(percentile)).max().orElse(Double.NaN);
    }

    private static double medianThroughput(List<Measurement> reps) {
        double[] values = reps.stream().mapToDouble(Measurement::throughput).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
    }

    private static String ratioText(Double ratio) {
        if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
            return "–";
        }
        // a 600-fold gap must not print as 0.00×
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.2g× (1/%.0f)" : "%.2f×", ratio, 1 / ratio);
    }

    // ---- JSON ----

    String json() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"scale\": ").append(str(scale.name())).append(",\n");
        json.append("  \"at\": ").append(str(at.toString())).append(",\n");
        json.append("  \"machine\": {").append(facts.entrySet().stream()
                .map(e -> str(e.getKey()) + ": " + str(e.getValue())).collect(Collectors.joining(", "))).append("},\n");
        json.append("  \"percentiles\": ").append(Measurement.CURVE).append(",\n");
        json.append("  \"workloads\": [\n");
        List<String> blocks = new ArrayList<>();
        for (Map.Entry<String, String> w : workloads.entrySet()) {
            List<String> runs = measurements.stream().filter(m -> m.workload().equals(w.getKey()))
                    .map(m -> String.format(Locale.ROOT, "      {\"design\": %s, \"level\": %s, \"phase\": %s,"
                            + " \"repetition\": %d, \"seconds\": %s, \"count\": %d, \"errors\": %d, \"throughput\": %s,"
                            + " \"p50\": %s, \"p90\": %s, \"p99\": %s, \"p999\": %s, \"max\": %s, \"curve\": [%s]}",
                            str(m.design()), str(m.level()), str(m.phase()), m.repetition(), num(m.seconds()), m.count(),
                            m.errors(), num(m.throughput()), num(m.at(50)), num(m.at(90)), num(m.at(99)), num(m.at(99.9)),
                            num(m.at(100)), Arrays.stream(m.curve()).mapToObj(SideBySideReport::num)
                                    .collect(Collectors.joining(", "))))
                    .toList();
            List<String> skips = skipped.stream().filter(s -> s[0].equals(w.getKey()))
                    .map(s -> "{\"design\": " + str(s[1]) + ", \"level\": " + str(s[2]) + ", \"why\": " + str(s[3]) + "}")
                    .toList();
            blocks.add("    {\"name\": " + str(w.getKey()) + ", \"what\": " + str(w.getValue()) + ", \"rate\": "
                    + rates.get(w.getKey()) + ",\n     \"runs\": [\n"
                    + String.join(",\n", runs) + "\n     ],\n     \"skipped\": [" + String.join(", ", skips) + "]}");
        }
        json.append(String.join(",\n", blocks)).append("\n  ],\n");
        json.append("  \"ratios\": [").append(ratios().stream().map(r -> "{\"workload\": " + str((String) r.get("workload"))
                + ", \"level\": " + str((String) r.get("level")) + ", \"p50\": " + num((Double) r.get("p50"))
                + ", \"p99\": " + num((Double) r.get("p99")) + ", \"throughput\": " + num((Double) r.get("throughput")) + "}")
                .collect(Collectors.joining(", "))).append("],\n");
        json.append("  \"lags\": {").append(lags.entrySet().stream().map(e -> {
            double[] c = e.getValue();
            return str(e.getKey()) + ": {\"count\": " + (long) c[c.length - 2] + ", \"failed\": " + (long) c[c.length - 1]
                    + ", \"p50\": " + num(c[2]) + ", \"p90\": " + num(c[4]) + ", \"p99\": " + num(c[6]) + ", \"p999\": "
                    + num(c[8]) + ", \"max\": " + num(c[11]) + ", \"note\": "
                    + (lagNotes.containsKey(e.getKey()) ? str(lagNotes.get(e.getKey())) : "null") + "}";
        }).collect(Collectors.joining(", "))).append("},\n");
        json.append("  \"baselineLagMs\": 0,\n");
        json.append("  \"postgresSize\": {").append(sizes.entrySet().stream().map(e -> str(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", "))).append("}\n}\n");
        return json.toString();
    }

    /** JSON has no NaN: a percentile of nothing is null. */
    static String num(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String str(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> l.replaceAll("\\s+", " ").substring("MemTotal: ".length())).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
