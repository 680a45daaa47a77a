package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route table against the contract's list of prefixes, the renderer's path grammar (what a
 * rendered location matches) and its refusal of a malformed table. No server: the file and
 * {@code python3 render-nginx} only; what nginx itself does with the rendering is the route tests'.
 */
class RouteTableTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path TABLE = MODULE.resolve("routes.tsv");
    private static final Path RENDERER = MODULE.resolve("render-nginx");

    /** api-contract.md, "Gateway and who may do what": prefix -> service (and the console's and the storefront's, below). */
    private static final Map<String, String> CONTRACT = Map.ofEntries(
            Map.entry("/api/users", "catalog-service"), Map.entry("/api/auth", "catalog-service"),
            Map.entry("/api/products", "catalog-service"), Map.entry("/api/orders", "catalog-service"),
            Map.entry("/api/reports", "catalog-service"), Map.entry("/api/sessions", "session-service"),
            Map.entry("/api/rate-limits", "session-service"), Map.entry("/api/flags", "session-service"),
            Map.entry("/api/notifications", "session-service"), Map.entry("/api/search", "search-service"),
            Map.entry("/api/media", "media-service"), Map.entry("/api/feed", "feed-service"),
            Map.entry("/api/leaderboards", "leaderboard-service"),
            // beyond the contract, the suite's own: the operations console's page and its API
            Map.entry("/console", "ops-console"), Map.entry("/api/ops", "ops-console"),
            // the contract's last line: GET / is the storefront (its page, and the page's files)
            Map.entry("/", "storefront"), Map.entry("/assets", "storefront"));

    @Test
    void everyContractPrefixGoesToItsServiceAndNothingElseIsRouted() throws IOException {
        List<String[]> rows = rows();
        assertThat(rows).allSatisfy(row -> assertThat(row).as(String.join(" | ", row)).hasSize(7));
        assertThat(rows).allSatisfy(row -> {
            String prefix = CONTRACT.keySet().stream().filter(p -> row[0].equals(p) || row[0].startsWith(p + "/"))
                    .findFirst().orElse(null);
            assertThat(prefix).as("%s is under a prefix the contract routes", row[0]).isNotNull();
            assertThat(row[2]).as("service of %s", row[0]).isEqualTo(CONTRACT.get(prefix));
        });
        assertThat(CONTRACT.keySet()).allSatisfy(prefix -> assertThat(rows)
                .anySatisfy(row -> assertThat(row[0]).startsWith(prefix)));
    }

    @Test
    void sessionCreationAndIntrospectionAreInternal() throws IOException {
        assertThat(rows()).filteredOn(row -> row[0].equals("/api/sessions") || row[0].equals("/api/sessions/introspect"))
                .hasSize(2).allSatisfy(row -> {
                    assertThat(row[1]).isEqualTo("*");
                    assertThat(row[4]).isEqualTo("internal");
                });
    }

    @Test
    void theConsolesIndexPageIsExactlyItsPathAndItsApiIsForAdmins() throws IOException {
        List<String[]> console = rows().stream().filter(row -> row[2].equals("ops-console")).toList();
        assertThat(console).extracting(row -> String.join(" ", row[0], row[1], row[4])).containsExactly(
                "/console/ GET public", "/console/** GET public", "/api/ops/** GET admin");
    }

    @Test
    void theStorefrontIsThePageAtTheRootAndItsFilesAndHasNoApi() throws IOException {
        List<String[]> storefront = rows().stream().filter(row -> row[2].equals("storefront")).toList();
        assertThat(storefront).extracting(row -> String.join(" ", row[0], row[1], row[4])).containsExactly(
                "/ GET public", "/assets/** GET public");
        // no row under /api/: nothing of it on the documentation page
        assertThat(storefront).noneSatisfy(row -> assertThat(row[0]).startsWith("/api/"));
    }

    @Test
    void theRootMatchesItselfOnlyAndGetsNoRedirect(@TempDir Path dir) throws Exception {
        String conf = render(dir, "/\tGET\tstorefront\t1\tpublic\t64k\t-", "/assets/**\tGET\tstorefront\t1\tpublic\t64k\t-",
                "/api/things\tGET\tx-service\t1\tpublic\t64k\t-");
        Pattern root = locationOf(conf, "/");
        assertThat(root.matcher("/").matches()).isTrue();
        // a page at / must not become a catch-all: every other path stays the gateway's 404
        for (String other : List.of("/x", "/index.html", "/assets", "/assets/", "/api/things", "//")) {
            assertThat(root.matcher(other).matches()).as(other).isFalse();
        }
        Pattern assets = locationOf(conf, "/assets/**");
        assertThat(assets.matcher("/assets/shop.js").matches()).isTrue();
        assertThat(assets.matcher("/assets/").matches()).isFalse();
        assertThat(assets.matcher("/assets").matches()).isFalse();
        // "/" has no bare form to send to it
        assertThat(conf).doesNotContain("location = / {").doesNotContain("location =  {");
    }

    @Test
    void onlyServicesWithAnApiAreOnTheDocumentationPage(@TempDir Path dir) throws Exception {
        String conf = render(dir, "/\tGET\tstorefront\t1\tpublic\t64k\t-", "/api/things\tGET\tx-service\t1\tpublic\t64k\t-",
                "/api/sessions\t*\ty-service\t1\tinternal\t64k\t-");
        assertThat(conf).contains("return 200 '{\"urls\":[{\"url\":\"x-service.json\",\"name\":\"x-service\"}],"
                + "\"urls.primaryName\":\"x-service\"}';");
        assertThat(conf).contains("location = /api/docs/x-service.json {").doesNotContain("/api/docs/storefront.json")
                .doesNotContain("/api/docs/y-service.json");
    }

    @Test
    void aTrailingSlashMatchesThatPathOnlyAndItsBarePathIsRedirected(@TempDir Path dir) throws Exception {
        String conf = render(dir, "/x/\tGET\tx-service\t1\tpublic\t64k\t-",
                "/api/things/{id}/\tGET\tx-service\t1\tadmin\t64k\t-");
        Pattern page = locationOf(conf, "/x/");
        assertThat(page.matcher("/x/").matches()).isTrue();
        assertThat(page.matcher("/x").matches()).isFalse();
        assertThat(page.matcher("/x/y").matches()).isFalse();
        Pattern withParameter = locationOf(conf, "/api/things/{id}/");
        assertThat(withParameter.matcher("/api/things/7/").matches()).isTrue();
        assertThat(withParameter.matcher("/api/things/7").matches()).isFalse();
        assertThat(withParameter.matcher("/api/things/").matches()).isFalse();

        // "/x" is its page's 301, for the page's methods only; a "/x/" with a {name} gets none (the
        // target would echo the client's path)
        String redirect = block(conf, "location = /x {");
        assertThat(redirect).contains("return 301 /x/$is_args$args;").contains("absolute_redirect off;")
                .contains("if ($gw_access = \"\") { return 404; }");
        Matcher access = Pattern.compile("set \\$gw_access \\$(gw_access_\\d+);").matcher(redirect);
        assertThat(access.find()).as(redirect).isTrue();
        assertThat(block(conf, "map $request_method $" + access.group(1) + " {"))
                .contains("# /x/").contains("\"~^(GET|HEAD)$\" public;").contains("default \"\";");
        assertThat(conf).doesNotContain("location = /api/things/");
    }

    @Test
    void noRedirectWhereARowDecidesTheBarePath(@TempDir Path dir) throws Exception {
        // the table's first matching row decides /x: here /{name}, so the gateway must not answer a 301 for it
        String conf = render(dir, "/{name}\tGET\tx-service\t1\tpublic\t64k\t-",
                "/x/\tGET\tx-service\t1\tpublic\t64k\t-");
        assertThat(conf).doesNotContain("location = /x ");
        assertThat(locationOf(conf, "/{name}").matcher("/x").matches()).isTrue();
    }

    @Test
    void theRendererRefusesAMalformedTableNamingTheLine(@TempDir Path dir) throws Exception {
        assertRefused(dir, "/api/products\tGET\tcatalog-service\t8081\teveryone\t64k\t-", "everyone");
        // only the last segment may be empty (the trailing /): an empty one inside is no path of the grammar
        assertRefused(dir, "/api//products\tGET\tcatalog-service\t8081\tpublic\t64k\t-", "'/api//products'");
        assertRefused(dir, "/console//\tGET\tops-console\t8087\tpublic\t64k\t-", "'/console//'");
    }

    private static void assertRefused(Path dir, String row, String named) throws Exception {
        Path table = dir.resolve("routes.tsv");
        Files.writeString(table, "# comment\n" + row + "\n");
        Path conf = dir.resolve("nginx.conf");
        Files.deleteIfExists(conf);
        Process render = new ProcessBuilder("python3", RENDERER.toString(), table.toString(), conf.toString())
                .redirectErrorStream(true).start();
        render.getOutputStream().close();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as(output).isNotZero();
        assertThat(output).contains("routes.tsv:2").contains(named);
        assertThat(conf).doesNotExist();
    }

    /** The nginx configuration render-nginx writes for these rows. */
    private static String render(Path dir, String... rows) throws Exception {
        Path table = dir.resolve("routes.tsv");
        Files.writeString(table, String.join("\n", rows) + "\n");
        Path conf = dir.resolve("nginx.conf");
        ProcessBuilder builder = new ProcessBuilder("python3", RENDERER.toString(), table.toString(), conf.toString())
                .redirectErrorStream(true);
        builder.environment().put("GATEWAY_STATE_DIR", dir.toString());
        Process render = builder.start();
        render.getOutputStream().close();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).as(output).isZero();
        return Files.readString(conf);
    }

    /**
     * The regex of the location rendered for a table path, as Java's: the renderer's regexes are
     * anchored literals, [^/]+ and .+, which PCRE (nginx) and java.util.regex read alike.
     */
    private static Pattern locationOf(String conf, String path) {
        Matcher m = Pattern.compile("# " + Pattern.quote(path) + "  \\(routes\\.tsv line \\d+\\)\n\\s*location ~ \"([^\"]+)\" \\{")
                .matcher(conf);
        assertThat(m.find()).as("a location for %s in:\n%s", path, conf).isTrue();
        return Pattern.compile(m.group(1));
    }

    /** The block that begins with this line, to the closing brace at its indentation (not an inner if's). */
    private static String block(String conf, String opening) {
        int start = conf.indexOf(opening);
        assertThat(start).as("'%s' in:\n%s", opening, conf).isNotNegative();
        int lineStart = conf.lastIndexOf('\n', start) + 1;
        String close = "\n" + " ".repeat(start - lineStart) + "}";
        return conf.substring(start, conf.indexOf(close, start) + close.length());
    }

    private static List<String[]> rows() throws IOException {
        return Files.readAllLines(TABLE).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .toList();
    }
}
