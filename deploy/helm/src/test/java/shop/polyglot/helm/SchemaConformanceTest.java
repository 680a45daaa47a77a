package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.polyglot.helm.schema.ApiSchemas;

/**
 * Every object the umbrella renders, with both values files, against the published schemas of its
 * API (deploy/helm/schemas: Kubernetes, Gateway API, Strimzi, CloudNativePG, ECK, Envoy Gateway,
 * prometheus-operator), strictly: an unknown field is an error, as with {@code kubectl apply
 * --validate=strict}. The planted faults below show that the check refuses what an API server refuses.
 */
class SchemaConformanceTest {

    static ApiSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = ApiSchemas.load(RenderedCharts.HELM.resolve("schemas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void everyRenderedObjectConformsToItsApiSchema(String valuesFile, Rendered rendered) {
        assertThat(rendered.objects).hasSizeGreaterThan(40);
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> object : rendered.objects) {
            schemas.check(object).forEach(v -> violations.add(object.get("kind") + " " + name(object) + ": " + v));
        }
        assertThat(violations).as("schema violations with %s", valuesFile).isEmpty();
    }

    @Test
    void theCustomResourcesAreCheckedAgainstTheOldestAndTheNewestSupportedRelease() {
        Map<String, List<String>> sources = schemas.sources();
        assertThat(sources.get("kafka.strimzi.io/v1 Kafka")).containsExactly("strimzi-0.49.0", "strimzi-1.0.1");
        assertThat(sources.get("kafka.strimzi.io/v1 KafkaConnect")).containsExactly("strimzi-0.49.0", "strimzi-1.0.1");
        assertThat(sources.get("gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy"))
                .containsExactly("envoy-gateway-v1.6.0", "envoy-gateway-v1.9.0");
        assertThat(sources.get("postgresql.cnpg.io/v1 Cluster")).containsExactly("cloudnative-pg-1.30.0");
        assertThat(sources.get("elasticsearch.k8s.elastic.co/v1 Elasticsearch")).containsExactly("eck-3.5.0");
        assertThat(sources.get("gateway.networking.k8s.io/v1 HTTPRoute")).containsExactly("gateway-api-v1.6.1");
        assertThat(sources.get("apps/v1 Deployment")).containsExactly("kubernetes-1.35");
        assertThat(sources.get("monitoring.coreos.com/v1 PrometheusRule"))
                .containsExactly("prometheus-operator-v0.75.2", "prometheus-operator-v0.93.0");
        assertThat(sources.get("monitoring.coreos.com/v1 ServiceMonitor"))
                .containsExactly("prometheus-operator-v0.75.2", "prometheus-operator-v0.93.0");
    }

    @Test
    void theSchemaFilesAreTheListedUpstreamFiles() throws Exception {
        Path dir = RenderedCharts.HELM.resolve("schemas");
        Map<String, String> listed = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(Files.readString(dir.resolve("README.md")));
        while (line.find()) {
            listed.put(line.group(2), line.group(1));
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                present.put(dir.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        }
        assertThat(present).as("deploy/helm/schemas against the checksums in its README").isEqualTo(listed);
    }

    // --- planted faults: each must be refused, with the field and the reason

    @Test
    void anUnknownFieldIsRefused() {
        Map<String, Object> deployment = Rendered.copy(RenderedCharts.dev().one("Deployment", "catalog-service"));
        container(deployment).put("imagePulPolicy", "Always");
        assertThat(schemas.check(deployment)).containsExactly(
                "kubernetes-1.35: /spec/template/spec/containers/0: property 'imagePulPolicy' is not defined in the schema"
                        + " and the schema does not allow additional properties");

        Map<String, Object> kafka = Rendered.copy(RenderedCharts.dev().one("Kafka", "shop-kafka"));
        map(at(kafka, "spec.kafka")).put("replicas", 3); // moved to KafkaNodePool
        assertThat(schemas.check(kafka)).hasSize(2).allMatch(v -> v.endsWith(
                "/spec/kafka: property 'replicas' is not defined in the schema and the schema does not allow additional properties"));
    }

    @Test
    void aMisspelledServiceMonitorFieldIsRefusedByBothOperatorReleases() {
        Map<String, Object> monitor = Rendered.copy(RenderedCharts.production().one("ServiceMonitor", "catalog-service"));
        Map<String, Object> spec = map(monitor.get("spec"));
        spec.put("endpoint", spec.remove("endpoints"));
        // each release's own rules: the newest also requires endpoints
        assertThat(schemas.check(monitor)).containsExactlyInAnyOrder(
                "prometheus-operator-v0.75.2: /spec: property 'endpoint' is not defined in the schema"
                        + " and the schema does not allow additional properties",
                "prometheus-operator-v0.93.0: /spec: property 'endpoint' is not defined in the schema"
                        + " and the schema does not allow additional properties",
                "prometheus-operator-v0.93.0: /spec: required property 'endpoints' not found");
    }

    @Test
    void anUnknownMetadataFieldOfACustomResourceIsRefused() {
        Map<String, Object> cluster = Rendered.copy(RenderedCharts.dev().one("Cluster", "catalog-db"));
        map(cluster.get("metadata")).put("lables", Map.of("team", "shop"));
        assertThat(schemas.check(cluster)).containsExactly("cloudnative-pg-1.30.0: /metadata: property 'lables' is not"
                + " defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void aWrongTypeIsRefused() {
        Map<String, Object> deployment = Rendered.copy(RenderedCharts.dev().one("Deployment", "catalog-service"));
        map(deployment.get("spec")).put("replicas", "two");
        map(container(deployment).get("securityContext")).put("runAsNonRoot", "yes");
        assertThat(schemas.check(deployment)).containsExactlyInAnyOrder(
                "kubernetes-1.35: /spec/replicas: string found, integer expected",
                "kubernetes-1.35: /spec/template/spec/containers/0/securityContext/runAsNonRoot: string found, boolean expected");
    }

    @Test
    void aWrongEnumValueIsRefused() {
        Map<String, Object> kafka = Rendered.copy(RenderedCharts.dev().one("Kafka", "shop-kafka"));
        maps(at(kafka, "spec.kafka.listeners")).get(0).put("type", "intenal");
        assertThat(schemas.check(kafka)).hasSize(2).allMatch(v -> v.contains(
                "/spec/kafka/listeners/0/type: does not have a value in the enumeration [\"internal\", "));

        Map<String, Object> policy = Rendered.copy(RenderedCharts.dev().one("BackendTrafficPolicy", "shop-rate-limit"));
        map(at(maps(at(policy, "spec.rateLimit.global.rules")).get(0), "limit")).put("unit", "Seconds");
        // each release's own list: v1.9 added Week
        assertThat(schemas.check(policy)).containsExactly(
                "envoy-gateway-v1.6.0: /spec/rateLimit/global/rules/0/limit/unit: does not have a value in the enumeration"
                        + " [\"Second\", \"Minute\", \"Hour\", \"Day\", \"Month\", \"Year\"]",
                "envoy-gateway-v1.9.0: /spec/rateLimit/global/rules/0/limit/unit: does not have a value in the enumeration"
                        + " [\"Second\", \"Minute\", \"Hour\", \"Day\", \"Week\", \"Month\", \"Year\"]");
    }

    @Test
    void anApiVersionTheNewestSupportedReleaseNoLongerServesIsRefused() {
        Map<String, Object> kafka = Rendered.copy(RenderedCharts.dev().one("Kafka", "shop-kafka"));
        kafka.put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(schemas.check(kafka)).contains("strimzi-1.0.1: does not serve kafka.strimzi.io/v1beta2 Kafka (it serves v1)");
    }

    @Test
    void aKindWithoutAPublishedSchemaIsReportedNotSkipped() {
        // prometheus-operator's PrometheusRule and ServiceMonitor are here, its PodMonitor is not
        Map<String, Object> object = Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "PodMonitor",
                "metadata", Map.of("name", "catalog-service"));
        assertThat(schemas.check(object)).containsExactly(
                "no published schema for monitoring.coreos.com/v1 PodMonitor in deploy/helm/schemas");
    }

    @Test
    void intOrStringFieldsTakeBothAndNothingElse() {
        Map<String, Object> service = Rendered.copy(RenderedCharts.dev().one("Service", "catalog-service"));
        Map<String, Object> port = maps(at(service, "spec.ports")).get(0);
        port.put("targetPort", 8081);
        assertThat(schemas.check(service)).isEmpty();
        port.put("targetPort", "http");
        assertThat(schemas.check(service)).isEmpty();
        port.put("targetPort", true);
        assertThat(schemas.check(service)).contains("kubernetes-1.35: /spec/ports/0/targetPort: boolean found, integer expected");
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return maps(at(deployment, "spec.template.spec.containers")).get(0);
    }
}
