package shop.faults.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's route table, {@code deploy/gateway/routes.tsv} (format: deploy/gateway/README.md),
 * one {@link Route} per path and method. A {@code *} row (internal only) stands for the methods a
 * client would try: GET, POST, PUT, DELETE.
 */
public final class RouteTable {

    private RouteTable() {
    }

    public static List<Route> load() {
        return parse(Path.of(System.getProperty("faults.routes", "../gateway/routes.tsv")));
    }

    public static List<Route> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> routes = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 7) {
                throw new IllegalArgumentException("routes.tsv: not 7 columns: " + line);
            }
            List<String> methods = columns[1].equals("*") ? List.of("GET", "POST", "PUT", "DELETE")
                    : List.of(columns[1].split(","));
            for (String method : methods) {
                routes.add(new Route(columns[0], method, columns[2], Route.Access.of(columns[4]), columns[5],
                        columns[6].contains("sse")));
            }
        }
        return routes;
    }
}
