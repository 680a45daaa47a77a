package shop.polyglot.helm;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's container image, built by Jib from its Quarkus fast-jar (target/quarkus-app) the way
 * Quarkus's own Jib extension lays it out: one layer per part that changes at a different pace
 * (boot libraries, libraries, Quarkus's generated code, the application), under /deployments, run
 * by the base image's run-java.sh. Without a registry the image is written as an OCI tarball, so a
 * release needs neither a Docker daemon nor a registry.
 *
 * <p>Run by deploy/release: {@code ServiceImage QUARKUS_APP_DIR IMAGE_REFERENCE PORT BASE_IMAGE OUTPUT}, where
 * OUTPUT is a .tar path, or {@code registry} to push IMAGE_REFERENCE (credentials from
 * RELEASE_REGISTRY_USERNAME / RELEASE_REGISTRY_PASSWORD when set). BASE_IMAGE {@code scratch}
 * builds the layers on an empty base (used by the release test, which cannot pull a base image).
 */
public final class ServiceImage {

    private static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");

    private ServiceImage() {
    }

    public static JibContainer build(Path quarkusApp, String reference, int port, String baseImage, String output) throws Exception {
        if (!Files.isRegularFile(quarkusApp.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(quarkusApp + " is not a Quarkus fast-jar (quarkus-run.jar missing): package the service first");
        }
        JibContainerBuilder image = "scratch".equals(baseImage) ? Jib.fromScratch() : Jib.from(baseImage);
        for (String part : List.of("lib/boot", "lib/main", "quarkus", "app")) {
            Path dir = quarkusApp.resolve(part);
            if (Files.isDirectory(dir)) {
                image.addFileEntriesLayer(FileEntriesLayer.builder().setName(part)
                        .addEntryRecursive(dir, DEPLOYMENTS.resolve(part)).build());
            }
        }
        FileEntriesLayer.Builder launcher = FileEntriesLayer.builder().setName("launcher")
                .addEntry(quarkusApp.resolve("quarkus-run.jar"), DEPLOYMENTS.resolve("quarkus-run.jar"));
        Path dependencies = quarkusApp.resolve("quarkus-app-dependencies.txt");
        if (Files.isRegularFile(dependencies)) {
            launcher.addEntry(dependencies, DEPLOYMENTS.resolve("quarkus-app-dependencies.txt"));
        }
        image.addFileEntriesLayer(launcher.build());

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_APP_JAR", "/deployments/quarkus-run.jar");
        environment.put("JAVA_OPTS", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        image.setEnvironment(environment)
                .setEntrypoint("/opt/jboss/container/java/run/run-java.sh")
                .setWorkingDirectory(DEPLOYMENTS)
                .setUser("185")
                .setExposedPorts(Port.tcp(port))
                .setLabels(Map.of("org.opencontainers.image.ref.name", reference))
                .setFormat(ImageFormat.OCI);

        Containerizer to;
        if ("registry".equals(output)) {
            RegistryImage target = RegistryImage.named(reference);
            String user = System.getenv("RELEASE_REGISTRY_USERNAME");
            if (user != null && !user.isBlank()) {
                target.addCredential(user, System.getenv("RELEASE_REGISTRY_PASSWORD"));
            }
            to = Containerizer.to(target);
        } else {
            Path tar = Path.of(output).toAbsolutePath();
            Files.createDirectories(tar.getParent());
            to = Containerizer.to(TarImage.at(tar).named(reference));
        }
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "shop-jib-cache");
        return image.containerize(to.setToolName("polyglot-shop-release")
                .setBaseImageLayersCache(cache.resolve("base"))
                .setApplicationLayersCache(cache.resolve("application")));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ServiceImage QUARKUS_APP_DIR IMAGE_REFERENCE PORT BASE_IMAGE OUTPUT(.tar|registry)");
            System.exit(2);
        }
        JibContainer image = build(Path.of(args[0]), args[1], Integer.parseInt(args[2]), args[3], args[4]);
        System.out.println(image.getTargetImage() + "@" + image.getDigest());
    }
}
