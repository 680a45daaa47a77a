package shop.polyglot.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gateway's route table, {@code deploy/gateway/routes.tsv} (format: deploy/gateway/README.md),
 * found by walking up from the working directory, and which row decides a documented operation:
 * the first row whose path matches decides the path, and of that path's rows the one listing the
 * method, as the gateway decides.
 */
public final class RouteTable {

    static final String TABLE_IN_REPO = "deploy/gateway/routes.tsv";

    /** One row: the path, its methods ({@code *} for any), the service, the access and the line. */
    public record Route(String path, List<String> methods, String service, String access, int line) {
    }

    private RouteTable() {
    }

    public static List<Route> load() {
        return parse(LocalStack.above(Path.of(System.getProperty("user.dir")), TABLE_IN_REPO));
    }

    static List<Route> parse(Path file) {
        return rows(file).stream().map(row -> new Route(row.column(0), List.of(row.column(1).split(",")),
                row.column(2), row.column(4), row.line())).toList();
    }

    /** One line of the table, split into its seven columns. */
    public record Row(int line, List<String> columns) {

        public String column(int index) {
            return columns.get(index);
        }
    }

    /**
     * The table's rows, comments and blank lines left out: the one reader of the format, which
     * deploy/faults builds its routes on too.
     */
    public static List<Row> rows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 7) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": not 7 tab-separated columns: " + line);
            }
            rows.add(new Row(n + 1, List.of(columns)));
        }
        return rows;
    }

    /**
     * The row that decides {@code method} on a documented path template ({@code /api/products/{id}}),
     * or null when the table does not name it. A table parameter or trailing {@code **} matches a
     * template's parameter or literal; a table literal matches only the same literal, never a
     * parameter (the template's parameter is not that one resource); a table path ending in
     * {@code /} (a directory's index page) matches only the template with that same trailing slash.
     */
    public static Route routeOf(List<Route> table, String template, String method) {
        Route first = table.stream().filter(route -> matches(route.path(), template)).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        return table.stream().filter(route -> route.path().equals(first.path()))
                .filter(route -> route.methods().contains("*") || route.methods().contains(method.toUpperCase()))
                .findFirst().orElse(null);
    }

    static boolean matches(String tablePath, String template) {
        // limit -1: a trailing "/" is an empty last segment that must match, not be dropped
        // (split's default would make /console/ and /console the same path)
        String[] table = tablePath.substring(1).split("/", -1);
        String[] doc = template.substring(1).split("/", -1);
        for (int i = 0; i < table.length; i++) {
            if (table[i].equals("**") && i == table.length - 1) {
                // one or more segments below, as the gateway's /.+ : /x/** does not take /x/ itself
                return doc.length > i && !String.join("/", Arrays.copyOfRange(doc, i, doc.length)).isEmpty();
            }
            if (i >= doc.length) {
                return false;
            }
            // a parameter is one non-empty segment (the gateway's [^/]+): not the empty one after a trailing /
            boolean parameter = table[i].startsWith("{");
            if (parameter ? doc[i].isEmpty() : !table[i].equals(doc[i])) {
                return false;
            }
        }
        return table.length == doc.length;
    }
}
