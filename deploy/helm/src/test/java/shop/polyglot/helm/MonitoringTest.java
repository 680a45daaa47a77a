package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import shop.polyglot.helm.schema.ApiSchemas;

/**
 * Metrics and alerts for a prometheus-operator Prometheus: the PrometheusRule {@code shop-alerts}
 * is the one rules file (files/alerts.yml, which the local stack's Prometheus loads), and every
 * service, the operations console too, has a ServiceMonitor on its Service's {@code http} port at
 * {@code /q/metrics}. Both are
 * switches ({@code monitoring.*.enabled}): on in values-production.yaml, off in values.yaml.
 */
class MonitoringTest {

    static final Path RULES = RenderedCharts.HELM.resolve("polyglot-shop/files/alerts.yml");

    @Test
    void thePrometheusRuleHasExactlyTheGroupsOfTheRulesFileTheLocalPrometheusLoads() throws IOException {
        Map<String, Object> rule = RenderedCharts.production().one("PrometheusRule", "shop-alerts");
        Object groups = map(new Yaml(new LoaderOptions()).load(Files.readString(RULES))).get("groups");
        assertThat(maps(groups)).as("groups of files/alerts.yml").isNotEmpty();
        assertThat(at(rule, "spec.groups")).isEqualTo(groups);
        assertThat(map(at(rule, "spec")).keySet()).containsExactly("groups");
        // Prometheus's templates pass through Helm untouched (the file is never given to tpl)
        assertThat(Files.readString(RULES)).contains("{{ $labels.view }}");
        assertThat(annotations(rule)).anyMatch(a -> a.contains("{{ $labels.view }}"))
                .anyMatch(a -> a.contains("{{ $value | humanizeDuration }}"));
        // the Prometheus of production selects it by its release label
        assertThat(map(at(rule, "metadata.labels"))).containsEntry("release", "prometheus")
                .containsEntry("app.kubernetes.io/part-of", "polyglot-shop");
        // and it is the file the local stack's Prometheus evaluates
        assertThat(Files.readString(RenderedCharts.REPO.resolve("deploy/local/components/prometheus.sh")))
                .contains("PROMETHEUS_RULES=\"$(cd \"$STACK_HOME/../helm/polyglot-shop/files\" && pwd)/alerts.yml\"");
    }

    @Test
    void eachServiceIsScrapedAtQuarkusMetricsOnItsServicesHttpPort() {
        Rendered rendered = RenderedCharts.production();
        assertThat(rendered.ofKind("ServiceMonitor").stream().map(Rendered::name))
                .containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
        for (String service : Charts.SERVICES) {
            Map<String, Object> monitor = rendered.one("ServiceMonitor", service);
            Map<String, Object> selector = map(at(monitor, "spec.selector.matchLabels"));
            assertThat(selector).as(service).containsEntry("app.kubernetes.io/name", service)
                    .containsEntry("app.kubernetes.io/instance", "shop");
            assertThat(map(at(monitor, "spec.selector")).keySet()).as(service).containsExactly("matchLabels");
            // a ServiceMonitor selects Services by their labels: exactly this service's Service
            assertThat(rendered.ofKind("Service").stream()
                    .filter(s -> map(at(s, "metadata.labels")).entrySet().containsAll(selector.entrySet()))
                    .map(Rendered::name)).as(service).containsExactly(service);
            Map<String, Object> endpoint = maps(at(monitor, "spec.endpoints")).get(0);
            assertThat(maps(at(monitor, "spec.endpoints"))).as(service).hasSize(1);
            assertThat(endpoint).as(service).containsEntry("port", "http").containsEntry("path", "/q/metrics")
                    .containsEntry("interval", "15s");
            assertThat(maps(at(rendered.one("Service", service), "spec.ports")).stream().map(p -> p.get("name")))
                    .as(service + "'s Service ports").contains("http");
            assertThat(map(at(monitor, "metadata.labels"))).as(service).containsEntry("release", "prometheus");
            // Prometheus (namespace monitoring) gets through the service's NetworkPolicy on that port
            List<Map<String, Object>> ingress = maps(at(rendered.one("NetworkPolicy", service), "spec.ingress"));
            assertThat(ingress).as(service + " NetworkPolicy").anySatisfy(rule -> {
                assertThat(maps(rule.get("from"))).anySatisfy(peer -> assertThat(at(peer, "namespaceSelector.matchLabels"))
                        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")));
                assertThat(maps(rule.get("ports"))).anySatisfy(port -> assertThat(port.get("port")).isEqualTo("http"));
            });
        }
    }

    @Test
    void theSwitchesTurnEachOff() {
        // development defaults: neither (no prometheus-operator CRDs assumed)
        assertThat(RenderedCharts.dev().ofKind("PrometheusRule")).isEmpty();
        assertThat(RenderedCharts.dev().ofKind("ServiceMonitor")).isEmpty();

        Rendered off = production(Map.of("monitoring.prometheusRule.enabled", false, "monitoring.serviceMonitors.enabled", false));
        assertThat(off.ofKind("PrometheusRule")).isEmpty();
        assertThat(off.ofKind("ServiceMonitor")).isEmpty();
        assertThat(off.serviceDeployments()).hasSize(Charts.SERVICES.size());

        Rendered rulesOnly = production(Map.of("monitoring.serviceMonitors.enabled", false));
        assertThat(rulesOnly.ofKind("PrometheusRule")).hasSize(1);
        assertThat(rulesOnly.ofKind("ServiceMonitor")).isEmpty();

        Rendered monitorsOnly = production(Map.of("monitoring.prometheusRule.enabled", false));
        assertThat(monitorsOnly.ofKind("PrometheusRule")).isEmpty();
        assertThat(monitorsOnly.ofKind("ServiceMonitor")).hasSize(Charts.SERVICES.size());

        // a service that is not installed is not scraped
        Rendered withoutLeaderboard = production(Map.of("leaderboard-service.enabled", false));
        assertThat(withoutLeaderboard.ofKind("ServiceMonitor").stream().map(Rendered::name))
                .hasSize(Charts.SERVICES.size() - 1).doesNotContain("leaderboard-service");
        Rendered withoutConsole = production(Map.of("ops-console.enabled", false));
        assertThat(withoutConsole.ofKind("ServiceMonitor").stream().map(Rendered::name))
                .hasSize(Charts.SERVICES.size() - 1).doesNotContain("ops-console");
    }

    @Test
    void turnedOnWithTheDevelopmentValuesTheyConformToBothOperatorReleases() {
        Rendered on = new Rendered(RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop")
                .withNamespace(RenderedCharts.NAMESPACE)
                .set("monitoring.prometheusRule.enabled", true).set("monitoring.serviceMonitors.enabled", true)
                .set("monitoring.serviceMonitors.interval", "30s").set("monitoring.labels.team", "shop").call());
        ApiSchemas schemas = ApiSchemas.load(RenderedCharts.HELM.resolve("schemas"));
        List<Map<String, Object>> objects = new ArrayList<>(on.ofKind("PrometheusRule"));
        objects.addAll(on.ofKind("ServiceMonitor"));
        assertThat(objects).hasSize(1 + Charts.SERVICES.size());
        for (Map<String, Object> object : objects) {
            assertThat(schemas.check(object)).as(object.get("kind") + " " + name(object)).isEmpty();
            assertThat(map(at(object, "metadata.labels"))).containsEntry("team", "shop").doesNotContainKey("release");
        }
        assertThat(at(maps(at(on.one("ServiceMonitor", "feed-service"), "spec.endpoints")).get(0), "interval")).isEqualTo("30s");
    }

    private static Rendered production(Map<String, Object> overrides) {
        var template = RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop")
                .withNamespace(RenderedCharts.NAMESPACE).withValuesFile(RenderedCharts.PRODUCTION_VALUES);
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            template = template.set(override.getKey(), override.getValue());
        }
        return new Rendered(template.call());
    }

    private static List<String> annotations(Map<String, Object> rule) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> group : maps(at(rule, "spec.groups"))) {
            for (Map<String, Object> r : maps(group.get("rules"))) {
                map(r.get("annotations")).values().forEach(v -> texts.add(String.valueOf(v)));
            }
        }
        return texts;
    }
}
