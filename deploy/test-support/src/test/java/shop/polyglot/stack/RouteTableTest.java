package shop.polyglot.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which row of the route table decides a documented operation: the gateway's precedence, on path templates. */
class RouteTableTest {

    @Test
    void theFirstMatchingPathDecidesAndALiteralNeverMatchesAParameter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.tsv");
        Files.writeString(file, String.join("\n",
                "# path\tmethods\tservice\tport\taccess\tbody\toptions",
                "/api/sessions/introspect\t*\ts\t1\tinternal\t64k\t-",
                "/api/sessions/{token}\tGET,DELETE\ts\t1\tsigned-in\t64k\t-",
                "/api/media/uploads\tPOST\tm\t1\tadmin\t64k\t-",
                "/api/media/**\tGET\tm\t1\tpublic\t64k\t-",
                "/api/media/**\tDELETE\tm\t1\tadmin\t64k\t-", ""));
        List<RouteTable.Route> table = RouteTable.parse(file);

        assertThat(RouteTable.routeOf(table, "/api/sessions/introspect", "get").line()).isEqualTo(2);
        assertThat(RouteTable.routeOf(table, "/api/sessions/{token}", "DELETE").line()).isEqualTo(3);
        assertThat(RouteTable.routeOf(table, "/api/sessions/{token}", "put")).isNull();
        assertThat(RouteTable.routeOf(table, "/api/media/uploads", "post").line()).isEqualTo(4);
        assertThat(RouteTable.routeOf(table, "/api/media/{key}", "get").line()).isEqualTo(5);
        assertThat(RouteTable.routeOf(table, "/api/media/{key}", "delete").line()).isEqualTo(6);
        // the first path that matches decides: uploads has no GET, and ** does not get it either
        assertThat(RouteTable.routeOf(table, "/api/media/uploads", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/api/media", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/api/sessions/{token}/touch", "post")).isNull();
    }

    @Test
    void aTrailingSlashIsThatPathOnlyAsTheGatewayMatchesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.tsv");
        Files.writeString(file, String.join("\n",
                "/console/\tGET\to\t1\tpublic\t64k\t-",
                "/api/things/{id}\tGET\tt\t1\tpublic\t64k\t-",
                "/api/things/{id}/\tGET\tt\t1\tadmin\t64k\t-",
                "/console/**\tGET\to\t1\tpublic\t64k\t-", ""));
        List<RouteTable.Route> table = RouteTable.parse(file);
        List<RouteTable.Route> slashOnly = table.subList(0, 1);

        assertThat(RouteTable.routeOf(table, "/console/", "get").line()).isEqualTo(1);
        // the index page's row neither takes the path without its slash nor a file below it
        assertThat(RouteTable.routeOf(slashOnly, "/console", "get")).isNull();
        assertThat(RouteTable.routeOf(slashOnly, "/console/console.js", "get")).isNull();
        // ** is one or more segments: the file below, never the index page itself
        assertThat(RouteTable.routeOf(table, "/console/console.js", "get").line()).isEqualTo(4);
        assertThat(RouteTable.routeOf(table.subList(3, 4), "/console/", "get")).isNull();
        // a parameter is a non-empty segment: /api/things/{id} is not /api/things/ with nothing after it
        assertThat(RouteTable.routeOf(table.subList(1, 2), "/api/things/", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/api/things/{id}", "get").line()).isEqualTo(2);
        assertThat(RouteTable.routeOf(table, "/api/things/{id}/", "get").line()).isEqualTo(3);
    }

    @Test
    void theRootsPageIsTheRootOnlyNeverACatchAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("routes.tsv");
        Files.writeString(file, String.join("\n",
                "/api/things/{id}\tGET\tt\t1\tpublic\t64k\t-",
                "/\tGET\tstorefront\t1\tpublic\t64k\t-",
                "/assets/**\tGET\tstorefront\t1\tpublic\t64k\t-", ""));
        List<RouteTable.Route> table = RouteTable.parse(file);

        assertThat(RouteTable.routeOf(table, "/", "get").line()).isEqualTo(2);
        assertThat(RouteTable.routeOf(table, "/", "post")).isNull();
        // as the gateway's ^/$: an operation a document names elsewhere is not the page's
        assertThat(RouteTable.routeOf(table, "/api/unknown", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/index.html", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/assets", "get")).isNull();
        assertThat(RouteTable.routeOf(table, "/assets/{file}", "get").line()).isEqualTo(3);
        assertThat(RouteTable.routeOf(table, "/api/things/{id}", "get").line()).isEqualTo(1);
    }

    @Test
    void theRepositorysTableIsFoundAboveTheWorkingDirectory() {
        assertThat(RouteTable.load()).isNotEmpty()
                .anySatisfy(route -> assertThat(route.path()).isEqualTo("/api/sessions/introspect"));
    }
}
