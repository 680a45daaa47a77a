package shop.faults.route;

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
        List<Route> routes = new ArrayList<>();
        for (shop.polyglot.stack.RouteTable.Row row : shop.polyglot.stack.RouteTable.rows(file)) {
            List<String> methods = row.column(1).equals("*") ? List.of("GET", "POST", "PUT", "DELETE")
                    : List.of(row.column(1).split(","));
            for (String method : methods) {
                routes.add(new Route(row.column(0), method, row.column(2), Route.Access.of(row.column(4)), row.column(5),
                        row.column(6).contains("sse")));
            }
        }
        return routes;
    }
}
