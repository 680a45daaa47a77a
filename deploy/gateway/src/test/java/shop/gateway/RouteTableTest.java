package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route table against the contract's list of prefixes, and the renderer's refusal of a
 * malformed table. No server: the file and {@code python3 render-nginx} only.
 */
class RouteTableTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path TABLE = MODULE.resolve("routes.tsv");
    private static final Path RENDERER = MODULE.resolve("render-nginx");

    /** api-contract.md, "Gateway and who may do what": prefix -> service. */
    private static final Map<String, String> CONTRACT = Map.ofEntries(
            Map.entry("/api/users", "catalog-service"), Map.entry("/api/auth", "catalog-service"),
            Map.entry("/api/products", "catalog-service"), Map.entry("/api/orders", "catalog-service"),
            Map.entry("/api/reports", "catalog-service"), Map.entry("/api/sessions", "session-service"),
            Map.entry("/api/rate-limits", "session-service"), Map.entry("/api/flags", "session-service"),
            Map.entry("/api/notifications", "session-service"), Map.entry("/api/search", "search-service"),
            Map.entry("/api/media", "media-service"), Map.entry("/api/feed", "feed-service"),
            Map.entry("/api/leaderboards", "leaderboard-service"));

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
    void theRendererRefusesAMalformedTableNamingTheLine(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("routes.tsv");
        Files.writeString(table, "# comment\n/api/products\tGET\tcatalog-service\t8081\teveryone\t64k\t-\n");
        Process render = new ProcessBuilder("python3", RENDERER.toString(), table.toString(),
                dir.resolve("nginx.conf").toString()).redirectErrorStream(true).start();
        render.getOutputStream().close();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(render.exitValue()).isNotZero();
        assertThat(output).contains("routes.tsv:2").contains("everyone");
        assertThat(dir.resolve("nginx.conf")).doesNotExist();
    }

    private static List<String[]> rows() throws IOException {
        return Files.readAllLines(TABLE).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .toList();
    }
}
