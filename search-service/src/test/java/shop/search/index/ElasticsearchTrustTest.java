package shop.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;
import shop.search.support.HttpsStub;

/**
 * {@link ElasticsearchTrust} with real TLS: a CA and a server certificate made by keytool, a
 * small HTTPS server with that certificate, and Elasticsearch's own low-level RestClient, set up
 * through the callback as Quarkus sets up the service's client.
 */
class ElasticsearchTrustTest {

    @RegisterExtension
    static final HttpsStub server = new HttpsStub();

    @TempDir
    Path dir;

    @Test
    void withTheCaFileTheClientReachesTheServer() throws IOException {
        Response response = health(new ElasticsearchTrust(Optional.of(server.pki().caPem())));
        assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
        assertThat(server.requests()).contains("GET /_cluster/health");
    }

    @Test
    void withoutItTheJvmTrustStoreRefusesTheServersCertificate() {
        int before = server.requests().size();
        // unset: the callback changes nothing, so the client keeps the JVM's default trust
        assertHandshakeFails(new ElasticsearchTrust(Optional.empty()));
        assertHandshakeFails(null);
        assertThat(server.requests()).as("no request got through the handshake").hasSize(before);
    }

    @Test
    void aCaFileWithAnotherCaIsNotEnough() {
        int before = server.requests().size();
        assertHandshakeFails(new ElasticsearchTrust(Optional.of(server.pki().otherCaPem())));
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void everyCertificateOfTheFileIsTrustedAndNothingElse() throws IOException, GeneralSecurityException {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "# a comment before the certificates\n" + Files.readString(server.pki().otherCaPem())
                + Files.readString(server.pki().caPem()));
        assertThat(health(new ElasticsearchTrust(Optional.of(bundle))).getStatusLine().getStatusCode()).isEqualTo(200);

        var certificates = ElasticsearchTrust.certificates(bundle);
        assertThat(certificates).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=search-service other CA", "CN=search-service test CA");
        // exactly those: none of the JVM's own CAs
        assertThat(ElasticsearchTrust.trustManager(certificates).getAcceptedIssuers()).containsExactlyInAnyOrderElementsOf(certificates);
    }

    @Test
    void aMissingOrUnusableCaFileIsAConfigurationErrorNamingItAndWhy() throws IOException {
        Path missing = dir.resolve("no-such-ca.pem");
        assertConfigurationError(missing, "search.elasticsearch.ca-file=" + missing + ": no such file");
        // a directory: cannot be read as a file
        assertConfigurationError(dir, "search.elasticsearch.ca-file=" + dir + ": cannot be read");

        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertConfigurationError(empty, "search.elasticsearch.ca-file=" + empty + ": holds no certificate");

        Path key = Files.writeString(dir.resolve("not-a-certificate.pem"),
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n");
        assertConfigurationError(key, "search.elasticsearch.ca-file=" + key + ": ");

        Path truncated = dir.resolve("truncated.pem");
        String pem = Files.readString(server.pki().caPem());
        Files.writeString(truncated, pem.substring(0, pem.length() / 2), StandardCharsets.US_ASCII);
        assertConfigurationError(truncated, "search.elasticsearch.ca-file=" + truncated + ": is not PEM-encoded X.509 certificates");
    }

    private static void assertConfigurationError(Path caFile, String message) {
        assertThatThrownBy(() -> new ElasticsearchTrust(Optional.of(caFile)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("it must name a readable PEM file of the CA certificates")
                .satisfies(e -> assertThat(((ConfigurationException) e).getConfigKeys()).containsExactly("search.elasticsearch.ca-file"));
    }

    private static void assertHandshakeFails(ElasticsearchTrust trust) {
        assertThatThrownBy(() -> health(trust))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("unable to find valid certification path");
    }

    /** GET /_cluster/health with a client configured by the callback (null: the client's defaults). */
    private static Response health(ElasticsearchTrust trust) throws IOException {
        RestClientBuilder builder = RestClient.builder(new HttpHost("localhost", server.port(), "https"));
        if (trust != null) {
            builder.setHttpClientConfigCallback(trust);
        }
        try (RestClient client = builder.build()) {
            return client.performRequest(new Request("GET", "/_cluster/health"));
        }
    }
}
