package shop.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import shop.search.support.HttpsStub;

/**
 * The packaged service (target/quarkus-app) started as a process, as in its container, with
 * Elasticsearch over HTTPS: a small HTTPS server with a certificate of a keytool-made CA stands in
 * for Elasticsearch's HTTP layer. Shows that Quarkus's Elasticsearch client takes
 * {@code SEARCH_ELASTICSEARCH_CA_FILE} (ElasticsearchTrust), that without it the JVM's trust store
 * still applies, and that a CA file that is not there stops start-up with the reason. Kafka and
 * catalog-service are unreachable addresses here: only Elasticsearch's check is looked at.
 */
class ElasticsearchTlsIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String CHECK = "Elasticsearch cluster health check";

    @RegisterExtension
    static final HttpsStub elasticsearch = new HttpsStub();

    private Process service;
    private Path log;

    @BeforeAll
    static void packaged() {
        assertThat(JAR).as("the packaged service, built by the package phase").exists();
    }

    @AfterEach
    void stopService() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void withTheCaFileTheServiceReachesElasticsearchOverHttps() throws IOException {
        String url = start("with-ca", elasticsearch.pki().caPem().toString());
        assertThat(awaitCheck(url)).as("Elasticsearch's readiness check; log in %s", log).isEqualTo("UP");
        assertThat(elasticsearch.requests()).contains("GET /_cluster/health");
    }

    @Test
    void withoutItTheJvmTrustStoreRefusesElasticsearchsCertificate() throws IOException {
        int before = elasticsearch.requests().size();
        String url = start("without-ca", null);
        assertThat(awaitCheck(url)).as("Elasticsearch's readiness check; log in %s", log).isEqualTo("DOWN");
        assertThat(elasticsearch.requests()).as("no request got through the handshake").hasSize(before);
    }

    @Test
    void aMissingCaFileStopsStartUpWithTheReason() throws IOException, InterruptedException {
        Path missing = elasticsearch.pki().caPem().resolveSibling("no-such-ca.pem");
        start("missing-ca", missing.toString());
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("the service stops by itself; log in %s", log).isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("search.elasticsearch.ca-file=" + missing + ": no such file")
                .doesNotContain("Listening on");
    }

    /** Starts the packaged service against the HTTPS server; returns its URL. */
    private String start(String name, String caFile) throws IOException {
        int port = freePort();
        log = Path.of("target", "elasticsearch-tls-it-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("SEARCH_") || key.startsWith("KAFKA_"));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_ELASTICSEARCH_HOSTS", "localhost:" + elasticsearch.port());
        env.put("QUARKUS_ELASTICSEARCH_PROTOCOL", "https");
        if (caFile != null) {
            env.put("SEARCH_ELASTICSEARCH_CA_FILE", caFile);
        }
        // nothing of the local stack's: no broker there, its own alias and group
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("MP_MESSAGING_INCOMING_PRODUCT_EVENTS_GROUP_ID", "search-service-tls-it");
        env.put("SEARCH_INDEX_ALIAS", "products-tls-it");
        env.put("CATALOG_SERVICE_URL", "http://127.0.0.1:1");
        service = builder.start();
        return "http://127.0.0.1:" + port;
    }

    /** The status of Elasticsearch's readiness check, once the service answers. */
    private String awaitCheck(String url) {
        return Awaitility.await("the service answers /q/health/ready; log in " + log).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(service.isAlive()).as("the service runs; log in %s", log).isTrue();
                    try {
                        return given().baseUri(url).when().get("/q/health/ready").jsonPath()
                                .getString("checks.find { it.name == '" + CHECK + "' }.status");
                    } catch (Exception notYet) {
                        return null;
                    }
                }, status -> status != null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
