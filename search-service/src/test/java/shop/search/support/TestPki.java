package shop.search.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two certificate authorities and a server certificate for {@code localhost} and 127.0.0.1 signed
 * by the first, made by the JDK's own {@code keytool} in a directory: what ECK publishes
 * ({@code ca.crt}) and serves, in miniature.
 *
 * @param caPem the CA that signed the server's certificate, PEM
 * @param otherCaPem a CA that signed nothing here, PEM
 * @param serverKeyStore PKCS#12 with the server's key and its chain, password {@link #PASSWORD}
 */
public record TestPki(Path caPem, Path otherCaPem, Path serverKeyStore) {

    public static final String PASSWORD = "changeit";

    public static TestPki generate(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path other = dir.resolve("other-ca.p12");
        Path server = dir.resolve("server.p12");
        TestPki pki = new TestPki(dir.resolve("ca.pem"), dir.resolve("other-ca.pem"), server);

        authority(ca, "CN=search-service test CA", pki.caPem());
        authority(other, "CN=search-service other CA", pki.otherCaPem());

        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", server.toString());
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.pem");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU=digitalSignature", "-ext", "EKU=serverAuth");
        // the CA first, so that keytool accepts the signed certificate as the key's chain
        keytool("-importcert", "-alias", "ca", "-noprompt", "-file", pki.caPem().toString(), "-keystore", server.toString());
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString());
        return pki;
    }

    private static void authority(Path keyStore, String name, Path pem) throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", name,
                "-ext", "bc:c", "-validity", "2", "-keystore", keyStore.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", keyStore.toString(), "-file", pem.toString());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("%s%n%s", command, output).isZero();
    }
}
