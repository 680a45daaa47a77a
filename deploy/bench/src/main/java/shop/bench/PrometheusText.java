package shop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a {@code /q/metrics} page (Prometheus text exposition, and the OpenMetrics form
 * Quarkus serves with exemplars: {@code name{labels} value # {trace_id="…"} 1.0 ts}). Comments and
 * what follows a sample's value (timestamp, exemplar) are ignored. Enough for the harness's own
 * reading of a service's meters, not a general parser.
 */
final class PrometheusText {

    /** One sample: metric name, its labels, its value ({@code +Inf}, {@code NaN} as Java reads them). */
    record Sample(String name, Map<String, String> labels, double value) {

        String label(String key) {
            return labels.get(key);
        }
    }

    private PrometheusText() {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return samples;
    }

    private static Sample sample(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && !Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        String name = line.substring(0, at);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        int end = at;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        if (name.isEmpty() || end == at) {
            throw new IllegalArgumentException("not a metrics sample: " + line);
        }
        return new Sample(name, Collections.unmodifiableMap(labels), value(line.substring(at, end), line));
    }

    /** Reads {@code key="value",...}} from {@code at} (just after the brace); returns the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            while (at < line.length() && (line.charAt(at) == ',' || Character.isWhitespace(line.charAt(at)))) {
                at++;
            }
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            int eq = line.indexOf('=', at);
            if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("bad labels in: " + line);
            }
            String key = line.substring(at, eq).strip();
            StringBuilder value = new StringBuilder();
            int i = eq + 2;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) { // the format's three escapes: \\, \" and \n
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in: " + line);
            }
            labels.put(key, value.toString());
            at = i + 1;
        }
    }

    private static double value(String text, String line) {
        switch (text) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number (" + text + ") in: " + line, e);
                }
            }
        }
    }
}
