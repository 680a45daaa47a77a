package shop.search.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.jboss.logging.Logger;

import shop.search.SearchConfig;

/**
 * Which certificates the Elasticsearch client trusts over HTTPS. With
 * {@code search.elasticsearch.ca-file} naming a PEM file (ECK's CA, say), exactly the certificates
 * in it, instead of the JVM's trust store; unset, nothing changes. The server's name is checked
 * against its certificate as always (ECK's names {@code <cluster>-es-http} and its namespace forms).
 *
 * <p>The file is read once, at start-up ({@code @Startup}): a missing or unusable file stops the
 * service with the reason, rather than leaving it to fail every request, or to trust the JVM's CAs
 * instead. A CA replaced later (ECK rotates its own before it expires) is read by the next start.
 */
@ElasticsearchClientConfig
@Singleton
@Startup
public class ElasticsearchTrust implements RestClientBuilder.HttpClientConfigCallback {

    static final String PROPERTY = "search.elasticsearch.ca-file";

    private static final Logger LOG = Logger.getLogger(ElasticsearchTrust.class);

    private final Optional<SSLContext> sslContext;

    @Inject
    ElasticsearchTrust(SearchConfig config) {
        this(config.elasticsearch().caFile());
    }

    ElasticsearchTrust(Optional<Path> caFile) {
        this.sslContext = caFile.map(ElasticsearchTrust::sslContext);
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder client) {
        sslContext.ifPresent(client::setSSLContext);
        return client;
    }

    private static SSLContext sslContext(Path caFile) {
        List<X509Certificate> certificates = certificates(caFile);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(certificates)}, null);
            LOG.infof("Elasticsearch: trusting the %d certificate(s) of %s (%s)", certificates.size(), caFile,
                    certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
            return context;
        } catch (GeneralSecurityException e) {
            throw invalid(caFile, "cannot make a TLS context of its certificates (" + e.getMessage() + ")", e);
        }
    }

    /** A trust manager trusting these certificates and no other. */
    static X509TrustManager trustManager(List<X509Certificate> certificates) throws GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (IOException cannotHappen) {
            throw new GeneralSecurityException(cannotHappen);
        }
        for (int i = 0; i < certificates.size(); i++) {
            trusted.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager from " + factory.getAlgorithm());
    }

    /** The X.509 certificates of a PEM file (one or more); fails with the reason if there is none. */
    static List<X509Certificate> certificates(Path caFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(caFile);
        } catch (NoSuchFileException e) {
            throw invalid(caFile, "no such file", e);
        } catch (IOException e) {
            throw invalid(caFile, "cannot be read (" + e + ")", e);
        }
        List<X509Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw invalid(caFile, "is not PEM-encoded X.509 certificates (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw invalid(caFile, "holds no certificate", null);
        }
        return certificates;
    }

    private static ConfigurationException invalid(Path caFile, String why, Throwable cause) {
        return new ConfigurationException(PROPERTY + "=" + caFile + ": " + why
                + "; it must name a readable PEM file of the CA certificates Elasticsearch's HTTPS certificate is signed by",
                cause, Set.of(PROPERTY));
    }
}
