package shop.search.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A tiny HTTPS server on 127.0.0.1 with the server certificate of a fresh {@link TestPki}, standing
 * in for Elasticsearch's HTTP layer: {@code GET /_cluster/health} answers green, anything else 503
 * (for search-service: Elasticsearch unavailable, retried later). It records the requests that
 * got through the TLS handshake. A JUnit extension: {@code @RegisterExtension static final
 * HttpsStub elasticsearch = new HttpsStub();} runs one for the test class.
 */
public final class HttpsStub implements BeforeAllCallback, AfterAllCallback {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Path dir;
    private TestPki pki;
    private HttpsServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("https-stub");
        pki = TestPki.generate(dir);
        server = start(pki);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.stop(0);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The CAs and the server's certificate, in a directory of their own. */
    public TestPki pki() {
        return pki;
    }

    private HttpsServer start(TestPki pki) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.serverKeyStore())) {
            keys.load(in, TestPki.PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TestPki.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(request);
            boolean health = request.equals("GET /_cluster/health");
            byte[] body = (health ? "{\"cluster_name\":\"stub\",\"status\":\"green\"}" : "{\"error\":\"stub\",\"status\":503}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
            exchange.sendResponseHeaders(health ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD /path" of every request that reached the server, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }
}
