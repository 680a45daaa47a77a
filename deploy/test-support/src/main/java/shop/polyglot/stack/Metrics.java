package shop.polyglot.stack;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a service's Prometheus page ({@code /q/metrics}) in a test. */
public final class Metrics {

    // name, optional {labels}, value; an exemplar (" # {span_id=...} ...") may follow
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)\\})? ([0-9.eE+-]+)");

    private Metrics() {
    }

    /**
     * The sum of the samples of {@code name} on the page whose labels include each of {@code labels}
     * (e.g. {@code view="feed"}); 0 when there is none (a counter not incremented yet).
     */
    public static double sum(String page, String name, String... labels) {
        double sum = 0;
        for (String line : page.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name)) {
                String found = sample.group(2) == null ? "" : sample.group(2);
                if (List.of(labels).stream().allMatch(found::contains)) {
                    sum += Double.parseDouble(sample.group(3));
                }
            }
        }
        return sum;
    }
}
