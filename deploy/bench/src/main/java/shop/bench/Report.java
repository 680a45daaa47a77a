package shop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a run prints, kept to be written to {@code results/<scenario>-<date>.txt} at the end. */
final class Report {

    private final StringBuilder text = new StringBuilder();
    /** Files written beside the report: name suffix → content (a plot). */
    private final Map<String, String> attachments = new LinkedHashMap<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args) + System.lineSeparator();
        text.append(line);
        out.print(line);
    }

    void phase(String title, Load.Result result) {
        line("%n== %s", title);
        line("measured %.1f s, %d workers%s", result.seconds(), result.workers(),
                result.maxDispatchLagMicros() > 0 ? String.format(Locale.ROOT,
                        ", dispatcher at most %.3f ms late", result.maxDispatchLagMicros() / 1000.0) : "");
        text.append(result.latencies().table(result.seconds()));
        out.print(result.latencies().table(result.seconds()));
    }

    /**
     * A file to write beside the report, named as the report with {@code -<suffix>} instead of
     * {@code .txt} (e.g. {@code search-lag.svg}); the report names it.
     */
    void attach(String suffix, String content) {
        attachments.put(suffix, content);
        line("plot: %s", suffix);
    }

    /** Writes the report, and what was attached beside it; returns the report's file. */
    Path write(String dir, String scenario, ZonedDateTime at) throws IOException {
        Path file = Path.of(dir).resolve(fileName(scenario, at));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
        for (Map.Entry<String, String> attachment : attachments.entrySet()) {
            Files.writeString(file.resolveSibling(stem + "-" + attachment.getKey()), attachment.getValue());
        }
        return file;
    }

    static String fileName(String scenario, ZonedDateTime at) {
        return scenario + "-" + at.withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)) + ".txt";
    }
}
