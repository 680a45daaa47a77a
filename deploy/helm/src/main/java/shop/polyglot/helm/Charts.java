package shop.polyglot.helm;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's charts as Helm sees them: copied out of deploy/helm into a work directory and their
 * {@code file://} dependencies resolved there (the library first, then the services, then the
 * umbrella), so that lint, template and package run on what a user gets, and the source tree never
 * fills with {@code charts/*.tgz} and lock files.
 *
 * <p>Run by deploy/release: {@code java -cp ... shop.polyglot.helm.Charts package HELM_DIR CHART DEST}.
 */
public final class Charts {

    /** The library every service chart depends on. */
    public static final String LIBRARY = "shop-service";
    /** The umbrella chart that installs the suite. */
    public static final String UMBRELLA = "polyglot-shop";
    /**
     * The service charts, in the umbrella's order: the six services of the shop, then the operations
     * console and the storefront.
     */
    public static final List<String> SERVICES = List.of(
            "catalog-service", "session-service", "search-service",
            "media-service", "feed-service", "leaderboard-service", "ops-console", "storefront");

    private final Path root;

    private Charts(Path root) {
        this.root = root;
    }

    /** Copies every chart under {@code helmDir} to {@code workDir} and resolves the dependencies. */
    public static Charts stage(Path helmDir, Path workDir) {
        return stage(helmDir, workDir, allCharts());
    }

    /**
     * Copies the given charts (dependencies before their dependents, e.g. the library, then a
     * service) to {@code workDir} and resolves the dependencies of each chart that has some.
     */
    public static Charts stage(Path helmDir, Path workDir, List<String> chartsInOrder) {
        try {
            deleteTree(workDir);
            Files.createDirectories(workDir);
            for (String chart : chartsInOrder) {
                copyChart(helmDir.resolve(chart), workDir.resolve(chart));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charts charts = new Charts(workDir);
        // order matters: a file:// dependency is packed with whatever its own charts/ holds then
        for (String chart : chartsInOrder) {
            if (!chart.equals(LIBRARY)) {
                charts.helm(chart).dependency().update().call();
            }
        }
        return charts;
    }

    /** The library, the service charts and the umbrella. */
    public static List<String> allCharts() {
        return Stream.concat(Stream.concat(Stream.of(LIBRARY), SERVICES.stream()), Stream.of(UMBRELLA)).toList();
    }

    public Path dir(String chart) {
        return root.resolve(chart);
    }

    public Helm helm(String chart) {
        return new Helm(dir(chart));
    }

    /** {@code helm package CHART -d DEST}; returns the .tgz it wrote. */
    public Path packageChart(String chart, Path destination) {
        try {
            Files.createDirectories(destination);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        helm(chart).packageIt().withDestination(destination).call();
        try (Stream<Path> written = Files.list(destination)) {
            return written.filter(p -> p.getFileName().toString().startsWith(chart + "-"))
                    .filter(p -> p.getFileName().toString().endsWith(".tgz"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("helm package wrote no " + chart + " archive to " + destination));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyChart(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from.resolve("Chart.yaml"))) {
            throw new IllegalStateException("not a chart: " + from);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                // resolved dependencies are rebuilt here, never taken from a developer's run of helm
                if (relative.startsWith("charts") || relative.toString().equals("Chart.lock")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code package HELM_DIR CHART DEST}: stages the charts in DEST/.work and packages CHART into DEST. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("package")) {
            System.err.println("usage: Charts package HELM_DIR CHART DEST");
            System.exit(2);
        }
        Path helmDir = Path.of(args[1]);
        String chart = args[2];
        Path destination = Path.of(args[3]);
        Path work = Files.createTempDirectory("charts");
        try {
            List<String> needed = chart.equals(UMBRELLA) ? allCharts()
                    : chart.equals(LIBRARY) ? List.of(LIBRARY) : List.of(LIBRARY, chart);
            Path archive = stage(helmDir, work, needed).packageChart(chart, destination);
            System.out.println(archive);
        } finally {
            deleteTree(work);
        }
    }
}
