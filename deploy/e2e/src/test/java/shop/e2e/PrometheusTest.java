package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Stack;

/**
 * The suite's alert rules (deploy/helm/polyglot-shop/files/alerts.yml, the one file) are valid and do
 * what their unit tests say (promtool), and the local stack's Prometheus has loaded them and scrapes
 * every metric they read from the services.
 */
class PrometheusTest {

    private static final Path RULES = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize()
            .resolve("deploy/helm/polyglot-shop/files");
    private static final List<String> ALERTS = List.of("ProjectionLagHigh", "DeadLettersGrowing",
            "ReplicationSlotRetainsWal", "OutboxConnectorNotRunning", "ServiceNotReady");

    @Test
    void theRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
        Stack.prometheus(); // the stack installs promtool with prometheus
        assertThat(promtool("check", "rules", RULES.resolve("alerts.yml").toString())).contains("SUCCESS: 5 rules found");
        assertThat(promtool("test", "rules", RULES.resolve("alerts-test.yml").toString())).contains("SUCCESS");
    }

    @Test
    void theStacksPrometheusHasTheRulesAndScrapesWhatTheyRead() {
        JsonPath rules = Stack.anonymous(Stack.prometheus()).get("/api/v1/rules?type=alert").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rules.getList("data.groups.rules.flatten().name", String.class))
                .containsExactlyInAnyOrderElementsOf(ALERTS);
        // the eight services (the six, the operations console and the storefront) are scraping targets; the four this
        // module runs are up and ready (the others may not run here: Prometheus says so, and
        // ServiceNotReady would fire for them)
        String running = "{job=~\"catalog-service|session-service|search-service|feed-service\"}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(values("up")).hasSize(8);
            assertThat(values("up" + running)).hasSize(4).allMatch(v -> v == 1.0);
            assertThat(values("service_readiness" + running)).hasSize(4).allMatch(v -> v == 1.0);
            assertThat(values("projection_lag_current_seconds")).hasSize(2);
            assertThat(values("projection_records_behind")).hasSize(3); // product; order and user
            assertThat(values("outbox_connector_running{connector=\"catalog-outbox\"}")).containsExactly(1.0);
            assertThat(values("outbox_slot_active{slot=\"catalog_outbox\"}")).containsExactly(1.0);
            assertThat(values("outbox_slot_retained_bytes")).hasSize(1).allMatch(v -> v >= 0);
        });
    }

    /** The values of an instant query, one per series. */
    private static List<Double> values(String query) {
        return Stack.anonymous(Stack.prometheus()).queryParam("query", query).get("/api/v1/query").then()
                .statusCode(200).extract().jsonPath().getList("data.result.collect { it.value[1] }", String.class).stream()
                .map(Double::valueOf).toList();
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).directory(RULES.toFile()).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        return out;
    }
}
