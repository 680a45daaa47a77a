package shop.faults.route;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of {@code deploy/gateway/routes.tsv} for one method: the path template, the method, the
 * service behind it and who may call it. Read by {@link RouteTable}.
 */
public record Route(String path, String method, String service, Access access, String bodyLimit, boolean sse) {

    public enum Access {
        PUBLIC, SIGNED_IN, ADMIN, INTERNAL;

        static Access of(String column) {
            return valueOf(column.toUpperCase().replace('-', '_'));
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The names of the path's {@code {parameters}}, in order; {@code **} counts as one named "rest". */
    public List<String> parameters() {
        var names = new java.util.ArrayList<String>();
        var matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (path.endsWith("/**")) {
            names.add("rest");
        }
        return names;
    }

    /**
     * The path with each parameter replaced, in order, by the given raw (already encoded) segment. A
     * trailing {@code /} (an index page, {@code /console/}, or the root's, the storefront's {@code /})
     * is kept: the row is that exact path.
     */
    public String fill(List<String> segments) {
        String filled = path;
        int i = 0;
        var matcher = PARAMETER.matcher(filled);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(segments.get(i++)));
        }
        matcher.appendTail(out);
        filled = out.toString();
        if (filled.endsWith("/**")) {
            filled = filled.substring(0, filled.length() - 2) + segments.get(i);
        }
        return filled;
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
