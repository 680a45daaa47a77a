package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.StoreReachabilityTest.CONNECT;
import static shop.polyglot.helm.StoreReachabilityTest.CONNECT_REST_API;
import static shop.polyglot.helm.StoreReachabilityTest.ELASTICSEARCH;
import static shop.polyglot.helm.StoreReachabilityTest.KAFKA;
import static shop.polyglot.helm.StoreReachabilityTest.POSTGRES;
import static shop.polyglot.helm.StoreReachabilityTest.policies;
import static shop.polyglot.helm.StoreReachabilityTest.pods;
import static shop.polyglot.helm.StoreReachabilityTest.reachers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shop.polyglot.helm.network.NetworkPolicies;
import shop.polyglot.helm.network.Pod;

/**
 * Who reaches each service, evaluated from the rendered NetworkPolicies (and Strimzi's) for every
 * pod of the install, the operators, the gateway, an unrelated pod, a pod of another namespace
 * with a service's name and, with the production values, Prometheus: exactly the gateway, the
 * service's named callers, and ops-console, which reads every service of the suite (readiness,
 * version, the views' status, catalog's replication slot), the storefront's included, Kafka and Kafka
 * Connect's REST API, and nothing else. The storefront is reached by the gateway and the console
 * alone and itself reaches nothing but DNS.
 */
class ServiceReachabilityTest {

    /** Prometheus, run by prometheus-operator in the namespace values-production.yaml admits. */
    static final Pod PROMETHEUS = new Pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    /** The cluster's DNS, as kube-dns and CoreDNS label their pods (the storefront's one destination). */
    static final Pod DNS = new Pod("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
    /** An OpenTelemetry collector, where production's global.tracing sends the services' spans. */
    static final Pod COLLECTOR = new Pod("OpenTelemetry collector", "observability",
            Map.of("app.kubernetes.io/name", "opentelemetry-collector"));

    /** Each service's callers besides the gateway: who uses its API, by its configuration. */
    static final Map<String, Set<String>> CALLERS = Map.of(
            // media registers image references; search (rebuild, drift check) reads the products, feed (drift check) the orders
            "catalog-service", Set.of("media-service", "search-service", "feed-service", "ops-console"),
            // catalog checks the credentials of a login and opens the session
            "session-service", Set.of("catalog-service", "ops-console"),
            "search-service", Set.of("ops-console"),
            "media-service", Set.of("ops-console"),
            "feed-service", Set.of("ops-console"),
            "leaderboard-service", Set.of("ops-console"),
            // the console is used through the gateway only
            "ops-console", Set.of(),
            // the storefront: visitors' browsers through the gateway; the console reads its readiness and version
            "storefront", Set.of("ops-console"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void eachServiceIsReachedByExactlyTheGatewayItsCallersAndTheConsole(String valuesFile, Rendered rendered) {
        assertThat(CALLERS.keySet()).containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
        NetworkPolicies policies = policies(rendered);
        List<Pod> pods = new ArrayList<>(pods(rendered));
        pods.add(PROMETHEUS);
        boolean scraped = valuesFile.equals("values-production.yaml");
        for (String service : Charts.SERVICES) {
            Set<String> expected = new TreeSet<>(CALLERS.get(service));
            expected.add("gateway");
            if (scraped) {
                // /q/metrics is on the same port: production's Prometheus scrapes every service, the console too
                expected.add("Prometheus");
            }
            assertThat(reachers(policies, pods, pod(pods, service), port(rendered, service)))
                    .as("%s on its Service's port (%s)", service, valuesFile).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void theConsoleReachesEveryServiceKafkaAndConnectAndNoOtherStore(String valuesFile, Rendered rendered) {
        NetworkPolicies policies = policies(rendered);
        List<Pod> pods = pods(rendered);
        Pod console = pod(pods, "ops-console");
        Set<String> reached = new HashSet<>();
        for (String service : Charts.SERVICES) {
            if (!service.equals("ops-console") && policies.reaches(console, pod(pods, service), port(rendered, service))) {
                reached.add(service);
            }
        }
        for (Map.Entry<Pod, Integer> store : Map.of(KAFKA, 9092, CONNECT, CONNECT_REST_API, POSTGRES, 5432,
                ELASTICSEARCH, 9200).entrySet()) {
            if (policies.reaches(console, store.getKey(), store.getValue())) {
                reached.add(store.getKey().description());
            }
        }
        // every service of the suite but itself, the storefront too (its readiness and version)
        List<String> expected = new ArrayList<>(Charts.SERVICES.stream().filter(s -> !s.equals("ops-console")).toList());
        expected.addAll(List.of("Kafka broker", "Kafka Connect"));
        assertThat(reached).as("what ops-console reaches (%s)", valuesFile).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void theStorefrontReachesTheClusterDnsAndNothingElse(String valuesFile, Rendered rendered) {
        NetworkPolicies policies = policies(rendered);
        List<Pod> pods = new ArrayList<>(pods(rendered));
        pods.addAll(List.of(PROMETHEUS, COLLECTOR));
        Pod storefront = pod(pods, "storefront");
        assertThat(policies.reaches(storefront, DNS, 53, "UDP")).as("DNS over UDP (%s)", valuesFile).isTrue();
        assertThat(policies.reaches(storefront, DNS, 53, "TCP")).as("DNS over TCP (%s)", valuesFile).isTrue();
        assertThat(policies.reaches(storefront, DNS, 5353, "UDP")).as("DNS's pods on another port").isFalse();
        // every pod of the install and around it, on its own ports and the usual ones: nothing
        Set<Integer> ports = new TreeSet<>(List.of(53, 80, 443, 4317, 4318, 5432, 6379, 8000, 8080, 8081, 8082, 8083,
                8084, 8085, 8086, 8087, 8088, 8089, 9090, 9091, 9092, 9093, 9200, 9300, 9411));
        List<String> reached = new ArrayList<>();
        for (Pod other : pods) {
            Set<Integer> tried = new TreeSet<>(ports);
            tried.addAll(other.namedPorts().values());
            for (int port : tried) {
                if (other != storefront && policies.reaches(storefront, other, port)) {
                    reached.add(other.description() + ":" + port);
                }
            }
        }
        assertThat(reached).as("what the storefront reaches besides DNS (%s)", valuesFile).isEmpty();
        // its egress policy is its own: every other service still reaches what it did (the console, say)
        assertThat(policies.reaches(pod(pods, "ops-console"), KAFKA, 9092)).isTrue();
        assertThat(policies.reaches(pod(pods, "catalog-service"), COLLECTOR, 4318)).isTrue();
    }

    static Pod pod(List<Pod> pods, String deployment) {
        return pods.stream().filter(p -> p.description().equals(deployment)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + deployment + " rendered"));
    }

    /** The port the service's Service sends to (its targetPort, a name, as the pod's container port). */
    static int port(Rendered rendered, String service) {
        Map<String, Object> servicePort = maps(at(rendered.one("Service", service), "spec.ports")).get(0);
        Object target = servicePort.get("targetPort");
        Pod pod = pod(pods(rendered), service);
        return target instanceof Integer number ? number : pod.namedPorts().get(String.valueOf(target));
    }
}
