package shop.polyglot.helm;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The charts staged once per test run (copied to target/helm-work, dependencies resolved) and the
 * umbrella rendered with each values file, shared by the test classes: staging and rendering take
 * seconds, the checks on the result take milliseconds.
 */
final class RenderedCharts {

    static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    static final Path HELM = REPO.resolve("deploy/helm");
    static final String NAMESPACE = "shop";
    static final Path PRODUCTION_VALUES = HELM.resolve("polyglot-shop/values-production.yaml");

    private static Charts charts;
    private static Rendered dev;
    private static Rendered production;

    private RenderedCharts() {
    }

    static synchronized Charts charts() {
        if (charts == null) {
            charts = Charts.stage(HELM, HELM.resolve("target/helm-work"));
        }
        return charts;
    }

    /** With the development defaults (values.yaml). */
    static synchronized Rendered dev() {
        if (dev == null) {
            dev = render(null);
        }
        return dev;
    }

    /** With values-production.yaml. */
    static synchronized Rendered production() {
        if (production == null) {
            production = render(PRODUCTION_VALUES);
        }
        return production;
    }

    /** (values file name, its render): for {@code @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")}. */
    static Stream<Arguments> bothValuesFiles() {
        return Stream.of(Arguments.of("values.yaml", dev()), Arguments.of("values-production.yaml", production()));
    }

    static Rendered render(Path values) {
        var template = charts().helm(Charts.UMBRELLA).template().withName("shop").withNamespace(NAMESPACE);
        if (values != null) {
            template = template.withValuesFile(values);
        }
        return new Rendered(template.call());
    }
}
