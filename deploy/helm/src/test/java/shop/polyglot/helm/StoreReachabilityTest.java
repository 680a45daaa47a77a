package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.polyglot.helm.network.NetworkPolicies;
import shop.polyglot.helm.network.Pod;

/**
 * No store pod is reachable from pods other than its clients: the rendered NetworkPolicies (and
 * the one Strimzi writes from the Kafka listener's networkPolicyPeers) evaluated for every pod of
 * the suite, the operators' pods, the gateway, an unrelated pod beside them and a pod of another
 * namespace that carries a service's name. Clients are who really talks to each store:
 * PostgreSQL - catalog-service and Debezium (Kafka Connect); Kafka - Kafka Connect, search-service,
 * feed-service, and ops-console (read only: end offsets, consumer groups); Elasticsearch -
 * search-service; Kafka Connect's REST API - ops-console (the connector's state). Plus what the
 * operators need: CloudNativePG reaches its instances (5432, 8000), which reach each other; ECK
 * reaches Elasticsearch on 9200; Strimzi reaches Connect's REST API, whose workers reach each other.
 */
class StoreReachabilityTest {

    static final String NS = RenderedCharts.NAMESPACE;
    /** Kafka Connect's REST API (Strimzi's Service {@code <name>-connect-api}). */
    static final int CONNECT_REST_API = 8083;
    static final Pod CONNECT = new Pod("Kafka Connect", NS, Map.of("strimzi.io/cluster", "shop-connect",
            "strimzi.io/kind", "KafkaConnect", "strimzi.io/name", "shop-connect-connect"));
    static final Pod KAFKA = new Pod("Kafka broker", NS, Map.of("strimzi.io/cluster", "shop-kafka",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "shop-kafka-kafka", "strimzi.io/pool-name", "shop-kafka-pool"));
    static final Pod ELASTICSEARCH = new Pod("Elasticsearch node", NS, Map.of(
            "elasticsearch.k8s.elastic.co/cluster-name", "shop-search", "common.k8s.elastic.co/type", "elasticsearch"));
    static final Pod POSTGRES = new Pod("PostgreSQL instance", NS, Map.of("cnpg.io/cluster", "catalog-db", "cnpg.io/podRole", "instance"));
    static final Pod CNPG_OPERATOR = new Pod("CloudNativePG operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    static final Pod ECK_OPERATOR = new Pod("ECK operator", "elastic-system", Map.of("control-plane", "elastic-operator"));
    static final Pod ECK_OPERATOR_HELM = new Pod("ECK operator (Helm chart)", "elastic-system",
            Map.of("app.kubernetes.io/name", "elastic-operator", "app.kubernetes.io/instance", "elastic-operator"));
    // labelled as Strimzi's install files and Helm chart label its pods
    static final Pod STRIMZI_OPERATOR = new Pod("Strimzi operator", "strimzi",
            Map.of("name", "strimzi-cluster-operator", "strimzi.io/kind", "cluster-operator"));
    static final Pod GATEWAY = new Pod("gateway", "envoy-gateway-system", Map.of("gateway.envoyproxy.io/owning-gateway-name", "shop-gateway"));
    static final Pod STRANGER = new Pod("an unrelated pod in the namespace", NS, Map.of("app", "debug"));
    static final Pod IMPOSTOR = new Pod("a pod named catalog-service in another namespace", "other",
            Map.of("app.kubernetes.io/name", "catalog-service"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void eachStoreIsReachableOnlyByItsClientsAndItsOperator(String valuesFile, Rendered rendered) {
        NetworkPolicies policies = policies(rendered);
        List<Pod> pods = pods(rendered);
        assertThat(reachers(policies, pods, POSTGRES, 5432)).as("PostgreSQL 5432 (%s)", valuesFile)
                .containsExactlyInAnyOrder("catalog-service", "Kafka Connect", "PostgreSQL instance", "CloudNativePG operator");
        assertThat(reachers(policies, pods, POSTGRES, 8000)).as("PostgreSQL instance manager 8000 (%s)", valuesFile)
                .containsExactlyInAnyOrder("PostgreSQL instance", "CloudNativePG operator");
        assertThat(reachers(policies, pods, KAFKA, 9092)).as("Kafka 9092 (%s)", valuesFile)
                .containsExactlyInAnyOrder("search-service", "feed-service", "Kafka Connect", "ops-console");
        assertThat(reachers(policies, pods, CONNECT, CONNECT_REST_API)).as("Kafka Connect's REST API 8083 (%s)", valuesFile)
                .containsExactlyInAnyOrder("Kafka Connect", "Strimzi operator", "ops-console");
        assertThat(reachers(policies, pods, ELASTICSEARCH, 9200)).as("Elasticsearch 9200 (%s)", valuesFile)
                .containsExactlyInAnyOrder("search-service", "ECK operator", "ECK operator (Helm chart)");
        assertThat(reachers(policies, pods, ELASTICSEARCH, 9300)).as("Elasticsearch transport 9300 (%s)", valuesFile)
                .containsExactlyInAnyOrder("Elasticsearch node");
    }

    @Test
    void withoutTheChartsConnectItsPodsAreNoLongerClients() {
        Rendered external = InitContainerWaitsTest.render("global.outboxConnector", "external");
        NetworkPolicies policies = policies(external);
        assertThat(reachers(policies, pods(external), POSTGRES, 5432)).doesNotContain("Kafka Connect").contains("catalog-service");
        assertThat(reachers(policies, pods(external), KAFKA, 9092)).doesNotContain("Kafka Connect").contains("search-service");
        // no Connect of the chart's, so no policy for its REST API either
        assertThat(external.ofKind("NetworkPolicy").stream().map(Rendered::name)).doesNotContain("shop-connect-api-clients");
    }

    @Test
    void withoutTheConsoleNothingIsOpenedForIt() {
        Rendered without = InitContainerWaitsTest.render("ops-console.enabled", "false");
        NetworkPolicies policies = policies(without);
        List<Pod> pods = pods(without);
        assertThat(reachers(policies, pods, KAFKA, 9092)).containsExactlyInAnyOrder("search-service", "feed-service", "Kafka Connect");
        // Strimzi's own policy alone: its operator and the workers
        assertThat(without.ofKind("NetworkPolicy").stream().map(Rendered::name)).doesNotContain("shop-connect-api-clients");
        assertThat(reachers(policies, pods, CONNECT, CONNECT_REST_API)).containsExactlyInAnyOrder("Kafka Connect", "Strimzi operator");
    }

    @Test
    void moreClientsOfConnectsRestApiAreAdmittedByName() {
        // e.g. catalog-service, to watch the connector (catalog-service.config.KAFKA_CONNECT_URL)
        Rendered rendered = new Rendered(RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop")
                .withNamespace(NS).set("kafka.connect.extraApiClients[0].podSelector.matchLabels.app\\.kubernetes\\.io/name", "catalog-service")
                .call());
        assertThat(reachers(policies(rendered), pods(rendered), CONNECT, CONNECT_REST_API))
                .containsExactlyInAnyOrder("Kafka Connect", "Strimzi operator", "ops-console", "catalog-service");
    }

    @Test
    void withStrimzisPoliciesOffConnectsRestApiIsStillGuarded() {
        // STRIMZI_NETWORK_POLICY_GENERATION=false: the chart's policy alone, which keeps Strimzi working
        NetworkPolicies chartsOnly = new NetworkPolicies();
        RenderedCharts.dev().ofKind("NetworkPolicy").forEach(p -> chartsOnly.add(p, NS));
        assertThat(reachers(chartsOnly, pods(RenderedCharts.dev()), CONNECT, CONNECT_REST_API))
                .containsExactlyInAnyOrder("Kafka Connect", "Strimzi operator", "ops-console");
    }

    /**
     * The rendered NetworkPolicies, plus the ones Strimzi writes: for the plain listener, and for each
     * KafkaConnect managed through KafkaConnector resources (its REST API for its operator and its
     * own workers only: Strimzi's KafkaConnectCluster.generateNetworkPolicy; with the operator in
     * another namespace and no STRIMZI_OPERATOR_NAMESPACE_LABELS, from any namespace).
     */
    static NetworkPolicies policies(Rendered rendered) {
        NetworkPolicies policies = new NetworkPolicies();
        rendered.ofKind("NetworkPolicy").forEach(p -> policies.add(p, NS));
        for (Map<String, Object> connect : rendered.ofKind("KafkaConnect")) {
            if (!"true".equals(map(at(connect, "metadata.annotations")).get("strimzi.io/use-connector-resources"))) {
                continue;
            }
            Map<String, Object> workers = Map.of("strimzi.io/cluster", name(connect), "strimzi.io/kind", "KafkaConnect",
                    "strimzi.io/name", name(connect) + "-connect");
            Map<String, Object> rule = Map.of("ports", List.of(Map.of("port", CONNECT_REST_API, "protocol", "TCP")),
                    "from", List.of(Map.of("podSelector", Map.of("matchLabels", workers)),
                            Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/kind", "cluster-operator")),
                                    "namespaceSelector", Map.of())));
            policies.add(Map.of("metadata", Map.of("name", name(connect) + "-connect"),
                    "spec", Map.of("podSelector", Map.of("matchLabels", workers), "policyTypes", List.of("Ingress"),
                            "ingress", List.of(rule))), NS);
        }
        for (Map<String, Object> kafka : rendered.ofKind("Kafka")) {
            for (Map<String, Object> listener : maps(at(kafka, "spec.kafka.listeners"))) {
                // Strimzi: the listener's port from networkPolicyPeers, or from anywhere without them
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("ports", List.of(Map.of("port", listener.get("port"), "protocol", "TCP")));
                if (listener.get("networkPolicyPeers") != null) {
                    rule.put("from", listener.get("networkPolicyPeers"));
                }
                policies.add(Map.of("metadata", Map.of("name", name(kafka) + "-network-policy-kafka"),
                        "spec", Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/cluster", name(kafka), "strimzi.io/kind", "Kafka")),
                                "policyTypes", List.of("Ingress"), "ingress", List.of(rule))), NS);
            }
        }
        return policies;
    }

    /** Every pod that could try: the Deployments' (their pod template labels and named ports) and the others above. */
    static List<Pod> pods(Rendered rendered) {
        List<Pod> pods = new ArrayList<>();
        for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
            Map<String, String> labels = new LinkedHashMap<>();
            map(at(deployment, "spec.template.metadata.labels")).forEach((k, v) -> labels.put(k, String.valueOf(v)));
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Map<String, Object> container : maps(at(deployment, "spec.template.spec.containers"))) {
                maps(container.get("ports")).stream().filter(p -> p.get("name") != null)
                        .forEach(p -> ports.put(String.valueOf(p.get("name")), (Integer) p.get("containerPort")));
            }
            pods.add(new Pod(name(deployment), NS, labels, ports));
        }
        pods.addAll(List.of(CONNECT, KAFKA, ELASTICSEARCH, POSTGRES, CNPG_OPERATOR, ECK_OPERATOR, ECK_OPERATOR_HELM,
                STRIMZI_OPERATOR, GATEWAY, STRANGER, IMPOSTOR));
        return pods;
    }

    static Set<String> reachers(NetworkPolicies policies, List<Pod> pods, Pod store, int port) {
        Set<String> reachers = new TreeSet<>();
        pods.stream().filter(p -> policies.reaches(p, store, port)).forEach(p -> reachers.add(p.description()));
        return reachers;
    }
}
