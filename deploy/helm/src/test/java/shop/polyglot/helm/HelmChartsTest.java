package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.list;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts as a user gets them: real `helm lint` on each, real `helm template` of the umbrella
 * with the development and the production-like values, and the rendered objects checked for what
 * an operator relies on.
 */
class HelmChartsTest {

    static final Path REPO = RenderedCharts.REPO;
    static final Path HELM = RenderedCharts.HELM;
    static final String NAMESPACE = RenderedCharts.NAMESPACE;

    static Charts charts;
    static Rendered dev;
    static Rendered production;

    @BeforeAll
    static void stageAndRender() {
        charts = RenderedCharts.charts();
        dev = RenderedCharts.dev();
        production = RenderedCharts.production();
    }

    static Stream<Rendered> bothValues() {
        return Stream.of(dev, production);
    }

    static Stream<String> everyChart() {
        return Charts.allCharts().stream();
    }

    @ParameterizedTest
    @MethodSource("everyChart")
    void everyChartPassesHelmLint(String chart) {
        LintResult result = charts.helm(chart).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict %s: %s", chart, result.getMessages()).isFalse();
    }

    @Test
    void theUmbrellaInstallsEveryServiceChartEachWithItsObjects() {
        assertThat(Charts.SERVICES).hasSize(8).contains("ops-console", "storefront");
        for (Rendered rendered : List.of(dev, production)) {
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "NetworkPolicy", "PodDisruptionBudget", "ServiceAccount")) {
                String suffix = kind.equals("ConfigMap") ? "-config" : "";
                assertThat(rendered.ofKind(kind).stream().map(Rendered::name))
                        .as(kind).containsAll(Charts.SERVICES.stream().map(s -> s + suffix).toList());
            }
        }
        // every service is stateless: production scales each of the shop's with the load (the storefront's
        // too: the visitors load its page); the console's load is a few administrators' pages, so it
        // runs a fixed count, two in production
        assertThat(production.ofKind("HorizontalPodAutoscaler").stream().map(Rendered::name))
                .containsExactlyInAnyOrderElementsOf(Charts.SERVICES.stream().filter(s -> !s.equals("ops-console")).toList());
        assertThat(at(production.one("Deployment", "ops-console"), "spec.replicas")).isEqualTo(2);
        assertThat(at(dev.one("Deployment", "ops-console"), "spec.replicas")).isEqualTo(1);
        assertThat(at(production.one("HorizontalPodAutoscaler", "storefront"), "spec.minReplicas")).isEqualTo(2);
        assertThat(at(dev.one("Deployment", "storefront"), "spec.replicas")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyDeploymentHasBothProbesOnQuarkusHealthAndRequestsAndLimits(boolean productionValues) {
        Rendered rendered = productionValues ? production : dev;
        assertThat(rendered.serviceDeployments()).hasSize(Charts.SERVICES.size());
        for (Map<String, Object> deployment : rendered.serviceDeployments()) {
            for (Map<String, Object> container : maps(at(deployment, "spec.template.spec.containers"))) {
                String what = name(deployment) + "/" + container.get("name");
                assertThat(at(container, "livenessProbe.httpGet.path")).as(what).isEqualTo("/q/health/live");
                assertThat(at(container, "readinessProbe.httpGet.path")).as(what).isEqualTo("/q/health/ready");
            }
        }
        // every Deployment, the API documentation page's too
        for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
            List<Map<String, Object>> all = new ArrayList<>(maps(at(deployment, "spec.template.spec.containers")));
            all.addAll(maps(at(deployment, "spec.template.spec.initContainers")));
            for (Map<String, Object> container : all) {
                String what = name(deployment) + "/" + container.get("name");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(at(container, "resources.requests." + resource)).as(what + " request " + resource).isNotNull();
                    assertThat(at(container, "resources.limits." + resource)).as(what + " limit " + resource).isNotNull();
                }
            }
        }
    }

    @Test
    void noImageIsLatestOrUntagged() {
        bothValues().forEach(rendered -> rendered.eachObject(object -> Rendered.walk(object, "", (key, value) -> {
            if ((key.equals("image") || key.equals("imageName") || key.equals("outputImage")) && value instanceof String image) {
                String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
                assertThat(tag).as("%s in %s %s", image, object.get("kind"), name(object)).isNotBlank().isNotEqualTo("latest");
            }
        })));
        // and asking for latest fails the render
        assertThatThrownBy(() -> charts.helm(Charts.UMBRELLA).template().withName("shop")
                .set("catalog-service.image.tag", "latest").call())
                .hasMessageContaining("latest");
    }

    @Test
    void eachServiceImageIsItsOwnVersion() throws IOException {
        for (Map<String, Object> deployment : dev.serviceDeployments()) {
            String service = name(deployment);
            String image = (String) at(maps(at(deployment, "spec.template.spec.containers")).get(0), "image");
            assertThat(image).endsWith("/" + service + ":" + pomVersion(service));
        }
    }

    @Test
    void oneRegistrySettingMovesEveryImage() {
        Rendered moved = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop")
                .set("global.imageRegistry", "ghcr.io/acme/shop").call());
        assertThat(moved.serviceDeployments()).hasSize(Charts.SERVICES.size());
        for (Map<String, Object> deployment : moved.serviceDeployments()) {
            assertThat((String) at(maps(at(deployment, "spec.template.spec.containers")).get(0), "image"))
                    .startsWith("ghcr.io/acme/shop/" + name(deployment) + ":");
        }
    }

    @Test
    void everyChartCarriesItsServicesPomVersion() throws IOException {
        for (String service : Charts.SERVICES) {
            Map<String, Object> chart = yaml(HELM.resolve(service).resolve("Chart.yaml"));
            assertThat(chart.get("version")).as(service).isEqualTo(pomVersion(service));
            assertThat(chart.get("appVersion")).as(service).isEqualTo(pomVersion(service));
        }
    }

    @Test
    void everySecretReferenceResolvesToASecretTheOperatorsCreateOrOneTheReadmeDocuments() throws IOException {
        Set<String> documented = documentedSecrets();
        for (Rendered rendered : List.of(dev, production)) {
            Set<String> provided = operatorSecrets(rendered);
            rendered.ofKind("Secret").forEach(s -> provided.add(name(s)));

            Map<String, String> references = secretReferences(rendered);
            assertThat(references).as("secret references").isNotEmpty();
            references.forEach((secret, where) -> assertThat(provided.contains(secret) || documented.contains(secret))
                    .as("Secret %s (referenced by %s) is neither created by the chart or an operator nor documented in deploy/helm/README.md", secret, where)
                    .isTrue());
        }
        // no credential travels in the chart: it creates no Secret at all
        assertThat(dev.ofKind("Secret")).isEmpty();
        assertThat(production.ofKind("Secret")).isEmpty();
    }

    @Test
    void noValuesFileHoldsACredential() throws IOException {
        List<Path> valuesFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(HELM, 2)) {
            files.filter(p -> p.getFileName().toString().startsWith("values") && p.toString().endsWith(".yaml"))
                    .filter(p -> !p.startsWith(HELM.resolve("target")))
                    .forEach(valuesFiles::add);
        }
        assertThat(valuesFiles).hasSizeGreaterThanOrEqualTo(9);
        Pattern credentialKey = Pattern.compile("(?i)^\\s*[\\w.-]*(password|secret-access-key|access-key-id|secretAccessKey|accessKeyId)\\s*:\\s*(\\S.*)$");
        for (Path file : valuesFiles) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = credentialKey.matcher(line);
                assertThat(m.matches() && !line.trim().startsWith("#"))
                        .as("%s holds what looks like a credential: %s", HELM.relativize(file), line).isFalse();
            }
            assertThat(Files.readString(file)).doesNotContain("admin-local-only").doesNotContain("catalog-local-only");
        }
    }

    @Test
    void outboxConnectorHasTheLocalConnectorsConfiguration() throws Exception {
        Map<String, String> local = localConnectorConfig();
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> connector = rendered.one("KafkaConnector", "catalog-outbox");
            Map<String, String> chart = new TreeMap<>();
            map(at(connector, "spec.config")).forEach((k, v) -> chart.put(k, String.valueOf(v)));
            chart.put("connector.class", String.valueOf(at(connector, "spec.class")));
            chart.put("tasks.max", String.valueOf(at(connector, "spec.tasksMax")));

            Set<String> connection = Set.of("database.hostname", "database.port", "database.user", "database.password", "database.dbname");
            assertThat(chart.keySet()).isEqualTo(local.keySet());
            local.forEach((key, value) -> {
                if (!connection.contains(key)) {
                    assertThat(chart.get(key)).as(key).isEqualTo(value);
                }
            });
            // the connection: the operator's database, the Debezium role's Secret through Strimzi's provider
            assertThat(chart.get("database.hostname")).isEqualTo(name(rendered.ofKind("Cluster").get(0)) + "-rw");
            assertThat(chart.get("database.port")).isEqualTo("5432");
            assertThat(chart.get("database.dbname")).isEqualTo(local.get("database.dbname"));
            assertThat(chart.get("database.user")).isEqualTo("${secrets:" + NAMESPACE + "/catalog-debezium:username}");
            assertThat(chart.get("database.password")).isEqualTo("${secrets:" + NAMESPACE + "/catalog-debezium:password}");
            assertThat(at(connector, "metadata.labels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("strimzi.io/cluster", name(rendered.ofKind("KafkaConnect").get(0)));
        }
    }

    @Test
    void connectWorkerRunsLikeTheLocalOneWithTheDebeziumPlugin() throws IOException {
        Map<String, Object> connect = dev.one("KafkaConnect", "shop-connect");
        // kafka.strimzi.io/v1: the group and storage topics are fields (forbidden under config)
        assertThat(at(connect, "apiVersion")).isEqualTo("kafka.strimzi.io/v1");
        assertThat(map(at(connect, "spec"))).containsEntry("groupId", "shop-connect")
                .containsEntry("configStorageTopic", "shop-connect-configs")
                .containsEntry("offsetStorageTopic", "shop-connect-offsets")
                .containsEntry("statusStorageTopic", "shop-connect-status");
        assertThat(map(at(connect, "spec.config"))).doesNotContainKeys("group.id", "config.storage.topic",
                        "offset.storage.topic", "status.storage.topic")
                .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("value.converter.schemas.enable", false);
        String pluginUrl = (String) at(maps(at(maps(at(connect, "spec.build.plugins")).get(0), "artifacts")).get(0), "url");
        assertThat(pluginUrl).contains("debezium-connector-postgres/" + rootProperty("debezium.version") + "/");
        assertThat(at(connect, "spec.version")).isEqualTo(rootProperty("kafka.version"));
        assertThat(at(dev.one("Kafka", "shop-kafka"), "spec.kafka.version")).isEqualTo(rootProperty("kafka.version"));
        assertThat(at(dev.one("Elasticsearch", "shop-search"), "spec.version")).isEqualTo(rootProperty("elasticsearch.version"));
    }

    @Test
    void connectWorkerHasTheLocalWorkersSettings() throws Exception {
        Map<String, String> local = localWorkerConfig();
        // set by Strimzi or as fields (forbidden under config), or sized for the cluster on purpose
        Set<String> differ = Set.of("bootstrap.servers", "group.id", "config.storage.topic", "offset.storage.topic",
                "status.storage.topic", "listeners", "rest.advertised.host.name", "rest.advertised.port", "plugin.path",
                "plugin.discovery", "config.storage.replication.factor", "offset.storage.replication.factor",
                "status.storage.replication.factor", "offset.storage.partitions", "status.storage.partitions");
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> connect = rendered.one("KafkaConnect", "shop-connect");
            Map<String, String> chart = new TreeMap<>();
            map(at(connect, "spec.config")).forEach((k, v) -> chart.put(k, String.valueOf(v)));
            local.forEach((key, value) -> {
                if (!differ.contains(key)) {
                    assertThat(chart.get(key)).as("KafkaConnect config %s (local worker: %s)", key, value).isEqualTo(value);
                }
            });
            assertThat(at(connect, "spec.groupId")).isEqualTo(local.get("group.id"));
            assertThat(at(connect, "spec.configStorageTopic")).isEqualTo(local.get("config.storage.topic"));
            assertThat(at(connect, "spec.offsetStorageTopic")).isEqualTo(local.get("offset.storage.topic"));
            assertThat(at(connect, "spec.statusStorageTopic")).isEqualTo(local.get("status.storage.topic"));
            // Strimzi ignores these under config (with a warning only): none may be there
            for (String forbidden : List.of("group.id", "config.storage.topic", "offset.storage.topic", "status.storage.topic",
                    "ssl.", "sasl.", "security.", "listeners", "plugin.path", "rest.", "bootstrap.servers",
                    "consumer.interceptor.classes", "producer.interceptor.classes", "prometheus.metrics.reporter.")) {
                assertThat(chart.keySet()).as("Strimzi forbids %s", forbidden).noneMatch(k -> k.startsWith(forbidden));
            }
        }
    }

    @Test
    void postgresIsACloudNativePgClusterWithLogicalWal() {
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> cluster = rendered.one("Cluster", "catalog-db");
            assertThat(at(cluster, "spec.postgresql.parameters.wal_level")).isEqualTo("logical");
            Map<String, Object> debezium = maps(at(cluster, "spec.managed.roles")).get(0);
            assertThat(debezium).containsEntry("name", "debezium").containsEntry("replication", true);
        }
        assertThat(at(production.one("Cluster", "catalog-db"), "spec.instances")).isEqualTo(3);
    }

    @Test
    void aStoppedConnectorCannotFillTheWalVolume() {
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> cluster = rendered.one("Cluster", "catalog-db");
            Object walVolume = at(cluster, "spec.walStorage.size") != null ? at(cluster, "spec.walStorage.size") : at(cluster, "spec.storage.size");
            long volume = bytes(String.valueOf(walVolume));
            long betweenCheckpoints = bytes((String) at(cluster, "spec.postgresql.parameters.max_wal_size"));
            long heldBySlot = bytes((String) at(cluster, "spec.postgresql.parameters.max_slot_wal_keep_size"));
            assertThat(betweenCheckpoints + heldBySlot).as("max_wal_size + max_slot_wal_keep_size, against the WAL volume %s", walVolume)
                    .isLessThanOrEqualTo(volume * 9 / 10);
        }
        // and values that would let it happen do not render (the issue's 2GB on a 1Gi volume)
        assertThatThrownBy(() -> charts.helm(Charts.UMBRELLA).template().withName("shop")
                .set("postgres.cloudnativepg.walStorage", "").set("postgres.cloudnativepg.storage", "1Gi")
                .set("postgres.cloudnativepg.maxSlotWalKeepSize", "2GB").call())
                .hasMessageContaining("do not leave a tenth of the WAL volume (1Gi) free");
    }

    /** PostgreSQL sizes (kB, MB, GB, TB: powers of 1024) and Kubernetes quantities (Ki, Mi, Gi; k, M, G). */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)(kB|MB|GB|TB|Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(size);
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        long n = Long.parseLong(m.group(1));
        return n * switch (m.group(2) == null ? "" : m.group(2)) {
            case "kB", "Ki" -> 1L << 10;
            case "MB", "Mi" -> 1L << 20;
            case "GB", "Gi" -> 1L << 30;
            case "TB", "Ti" -> 1L << 40;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
    }

    @Test
    void servicesFindTheirStoresAtTheServicesTheOperatorsCreate() {
        for (Rendered rendered : List.of(dev, production)) {
            String pg = name(rendered.ofKind("Cluster").get(0));
            String kafka = name(rendered.ofKind("Kafka").get(0));
            String es = name(rendered.ofKind("Elasticsearch").get(0));
            assertThat(config(rendered, "catalog-service")).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pg + "-rw:5432/catalog");
            assertThat(config(rendered, "search-service"))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka + "-kafka-bootstrap:9092")
                    .containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", es + "-es-http:9200");
            assertThat(config(rendered, "feed-service")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka + "-kafka-bootstrap:9092");
            assertThat(config(rendered, "catalog-service")).containsEntry("SESSION_SERVICE_URL", "http://session-service:8082");
            assertThat(config(rendered, "media-service")).containsEntry("CATALOG_SERVICE_URL", "http://catalog-service:8081");
            assertThat(config(rendered, "search-service")).containsEntry("CATALOG_SERVICE_URL", "http://catalog-service:8081");
        }
        // production: real AWS through IRSA, so no endpoint override and no static keys
        assertThat(config(production, "media-service")).doesNotContainKey("QUARKUS_S3_ENDPOINT_OVERRIDE")
                .containsEntry("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "default");
        assertThat(config(production, "feed-service")).doesNotContainKey("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE")
                .containsEntry("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "default");
        assertThat(config(dev, "media-service")).containsEntry("QUARKUS_S3_ENDPOINT_OVERRIDE", "http://s3:9090");
    }

    @Test
    void anExistingStoreReplacesTheOperatorResource() {
        Rendered existing = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop").withNamespace(NAMESPACE)
                .set("postgres.cloudnativepg.enabled", false)
                .set("elasticsearch.eck.enabled", false)
                .set("kafka.strimzi.enabled", false)
                .set("global.stores.postgres.host", "pg.example.internal")
                .set("global.stores.elasticsearch.hosts", "es.example.internal:9200")
                .set("global.stores.kafka.bootstrapServers", "kafka.example.internal:9092")
                .call());
        assertThat(existing.ofKind("Cluster")).isEmpty();
        assertThat(existing.ofKind("Elasticsearch")).isEmpty();
        assertThat(existing.ofKind("Kafka")).isEmpty();
        assertThat(config(existing, "catalog-service")).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://pg.example.internal:5432/catalog");
        assertThat(config(existing, "search-service")).containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", "es.example.internal:9200")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.example.internal:9092");
        assertThat(at(existing.one("KafkaConnector", "catalog-outbox"), "spec.config")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("database.hostname", "pg.example.internal");
    }

    @Test
    void eachServiceIsReachableOnlyFromTheGatewayAndItsNamedCallers() {
        // ServiceReachabilityTest evaluates these policies for every pod; here, their shape
        Map<String, Set<String>> callers = ServiceReachabilityTest.CALLERS;
        for (Rendered rendered : List.of(dev, production)) {
            for (String service : Charts.SERVICES) {
                Map<String, Object> policy = rendered.one("NetworkPolicy", service);
                assertThat(at(policy, "spec.podSelector.matchLabels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("app.kubernetes.io/name", service);
                assertThat(list(at(policy, "spec.policyTypes"))).contains("Ingress");
                List<Map<String, Object>> rules = maps(at(policy, "spec.ingress"));
                // the first rule: the service's callers; any later one lets monitoring scrape metrics
                List<Map<String, Object>> from = maps(rules.get(0).get("from"));
                Set<String> services = new HashSet<>();
                int gateways = 0;
                for (Map<String, Object> peer : from) {
                    if (peer.containsKey("namespaceSelector")) {
                        gateways++;
                        assertThat(at(peer, "podSelector.matchLabels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                                .containsOnly(Map.entry("gateway.envoyproxy.io/owning-gateway-name", "shop-gateway"));
                    } else {
                        services.add((String) map(at(peer, "podSelector.matchLabels")).get("app.kubernetes.io/name"));
                    }
                }
                assertThat(gateways).as(service + ": gateway peers").isEqualTo(1);
                assertThat(services).as(service + ": services allowed in").isEqualTo(callers.get(service));
                for (Map<String, Object> rule : rules.subList(1, rules.size())) {
                    for (Map<String, Object> peer : maps(rule.get("from"))) {
                        assertThat(peer).as(service + ": only monitoring besides callers").containsOnlyKeys("namespaceSelector");
                        assertThat(at(peer, "namespaceSelector.matchLabels")).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void mediaAndFeedRunUnderServiceAccountsWithAnIamRole() {
        for (String service : List.of("media-service", "feed-service")) {
            Map<String, Object> account = production.one("ServiceAccount", service);
            assertThat(map(at(account, "metadata.annotations")).get("eks.amazonaws.com/role-arn")).as(service)
                    .asString().startsWith("arn:aws:iam::");
            assertThat(at(production.one("Deployment", service), "spec.template.spec.serviceAccountName")).isEqualTo(service);
        }
        for (String service : List.of("catalog-service", "session-service", "search-service", "leaderboard-service", "ops-console",
                "storefront")) {
            assertThat(map(at(production.one("ServiceAccount", service), "metadata.annotations"))).as(service).isEmpty();
        }
    }

    @Test
    void catalogMigratesThenWaitsForTheOutboxSlotBeforeItServes() {
        for (Rendered rendered : List.of(dev, production)) {
            List<Map<String, Object>> init = maps(at(rendered.one("Deployment", "catalog-service"), "spec.template.spec.initContainers"));
            assertThat(init.stream().map(c -> c.get("name"))).containsExactly("init-and-exit", "wait-for-outbox-slot");
            assertThat(maps(init.get(0).get("env"))).contains(Map.of("name", "QUARKUS_INIT_AND_EXIT", "value", "true"));
            assertThat(init.get(0).get("image")).isEqualTo(at(maps(at(rendered.one("Deployment", "catalog-service"),
                    "spec.template.spec.containers")).get(0), "image"));
            assertThat(maps(init.get(1).get("env"))).contains(Map.of("name", "SLOT", "value", "catalog_outbox"),
                    Map.of("name", "PGHOST", "value", name(rendered.ofKind("Cluster").get(0)) + "-rw"));
        }
        for (String other : Charts.SERVICES.subList(1, Charts.SERVICES.size())) {
            assertThat(at(dev.one("Deployment", other), "spec.template.spec.initContainers")).as(other).isNull();
        }
    }

    @Test
    void everyServiceHasADisruptionBudget() {
        for (Rendered rendered : List.of(dev, production)) {
            for (String service : Charts.SERVICES) {
                assertThat(map(at(rendered.one("PodDisruptionBudget", service), "spec.selector.matchLabels")))
                        .containsEntry("app.kubernetes.io/name", service);
            }
        }
    }

    // --- the route table, rendered into HTTPRoutes

    record Route(String path, List<String> methods, String service, int port, String access, String options) {}

    static List<Route> routeTable() throws IOException {
        List<Route> routes = new ArrayList<>();
        for (String line : Files.readAllLines(REPO.resolve("deploy/gateway/routes.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            routes.add(new Route(c[0], List.of(c[1].split(",")), c[2], Integer.parseInt(c[3]), c[4], c[6]));
        }
        return routes;
    }

    @Test
    void gatewayRoutesAreTheRouteTable() throws IOException {
        List<Route> table = routeTable();
        assertThat(table).hasSizeGreaterThan(20);
        Set<String> services = new HashSet<>();
        dev.ofKind("Service").forEach(s -> services.add(name(s) + ":" + at(maps(at(s, "spec.ports")).get(0), "port")));

        for (Route route : table) {
            Map<String, Object> httpRoute = dev.one("HTTPRoute", "shop-" + route.access());
            String sample = route.path().replaceAll("\\{[^}]+}", "x1").replace("/**", "/a/b");
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> rule : maps(at(httpRoute, "spec.rules"))) {
                for (Map<String, Object> match : maps(rule.get("matches"))) {
                    if (pathMatches(map(match.get("path")), sample)) {
                        matching.add(rule);
                        List<String> methods = route.methods().contains("*") ? List.of() : route.methods();
                        if (!methods.isEmpty()) {
                            assertThat(match.get("method")).as(route.path()).isNotNull();
                        }
                    }
                }
            }
            assertThat(matching).as("a rule of shop-%s for %s", route.access(), route.path()).isNotEmpty();
            Map<String, Object> rule = matching.get(0);
            List<Map<String, Object>> paths = maps(rule.get("matches")).stream().map(m -> map(m.get("path")))
                    .filter(p -> pathMatches(p, sample)).toList();
            if (route.path().endsWith("/")) {
                // a trailing "/": that path exactly (a directory's index page), not without the slash, not below it
                assertThat(paths).as(route.path()).allSatisfy(p -> assertThat(p).containsEntry("type", "Exact").containsEntry("value", route.path()));
                String bare = route.path().substring(0, route.path().length() - 1);
                assertThat(paths).as(route.path()).noneMatch(p -> pathMatches(p, bare) || pathMatches(p, route.path() + "x"));
            }
            if (route.path().endsWith("/**")) {
                // anything below, one segment or more: not the directory itself
                String directory = route.path().substring(0, route.path().length() - 2);
                assertThat(paths).as(route.path()).allSatisfy(p -> assertThat(p).containsEntry("type", "RegularExpression"))
                        .noneMatch(p -> pathMatches(p, directory)).allMatch(p -> pathMatches(p, directory + "x"));
            }
            Set<String> ruleMethods = new HashSet<>();
            maps(rule.get("matches")).stream().filter(m -> pathMatches(map(m.get("path")), sample))
                    .forEach(m -> ruleMethods.add(String.valueOf(m.get("method"))));
            if (route.access().equals("internal")) {
                assertThat(at(maps(rule.get("filters")).get(0), "extensionRef.name")).isEqualTo("shop-not-routed");
                assertThat(rule).doesNotContainKey("backendRefs");
                continue;
            }
            for (String method : route.methods()) {
                assertThat(ruleMethods).as(route.path()).contains(method);
                if (method.equals("GET")) {
                    assertThat(ruleMethods).as(route.path() + " HEAD with GET").contains("HEAD");
                }
            }
            Map<String, Object> backend = maps(rule.get("backendRefs")).get(0);
            assertThat(backend.get("name") + ":" + backend.get("port")).as(route.path()).isEqualTo(route.service() + ":" + route.port());
            assertThat(services).as("the Service behind " + route.path()).contains(route.service() + ":" + route.port());
            if (route.access().equals("public")) {
                assertThat(list(at(maps(rule.get("filters")).get(0), "requestHeaderModifier.remove")))
                        .as("client identity headers dropped on " + route.path()).containsExactlyInAnyOrder("X-User-Id", "X-User-Roles");
            }
            if (route.options().contains("sse")) {
                assertThat(at(rule, "timeouts.request")).isEqualTo("0s");
            }
        }
        // authenticated routes go through session-service's introspect
        Map<String, Object> security = dev.one("SecurityPolicy", "shop-authenticated");
        assertThat(maps(at(security, "spec.targetRefs")).stream().map(r -> r.get("name")))
                .containsExactlyInAnyOrder("shop-signed-in", "shop-admin");
        assertThat(at(security, "spec.extAuth.http.path")).isEqualTo("/api/sessions/introspect");
    }

    @Test
    void theRateLimitIsOneBudgetPerClientForTheWholeGateway() {
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> policy = rendered.one("BackendTrafficPolicy", "shop-rate-limit");
            assertThat(maps(at(policy, "spec.targetRefs"))).singleElement()
                    .satisfies(ref -> assertThat(ref).containsEntry("kind", "Gateway").containsEntry("name", "shop-gateway"));
            // type is deprecated since Envoy Gateway 1.6: the global block says it
            assertThat(map(at(policy, "spec.rateLimit"))).containsOnlyKeys("global");
            Map<String, Object> rule = maps(at(policy, "spec.rateLimit.global.rules")).get(0);
            // without shared, Envoy Gateway gives every route of the Gateway its own bucket
            assertThat(rule).containsEntry("shared", true);
            assertThat(at(maps(rule.get("clientSelectors")).get(0), "sourceCIDR.type")).isEqualTo("Distinct");
        }
    }

    @Test
    void theGatewayClassTheGatewayNamesIsRendered() {
        for (Rendered rendered : List.of(dev, production)) {
            String className = (String) at(rendered.one("Gateway", "shop-gateway"), "spec.gatewayClassName");
            assertThat(at(rendered.one("GatewayClass", className), "spec.controllerName"))
                    .isEqualTo("gateway.envoyproxy.io/gatewayclass-controller");
        }
        // a second install, or a cluster that has the class, uses it without creating it
        Rendered second = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop2").withNamespace("shop2")
                .set("gateway.gatewayClass.create", false).call());
        assertThat(second.ofKind("GatewayClass")).isEmpty();
        assertThat(at(second.one("Gateway", "shop-gateway"), "spec.gatewayClassName")).isEqualTo("envoy-gateway");
    }

    @Test
    void aPathTheTableDoesNotRouteMatchesNoRoute() {
        for (String path : List.of("/api/sessions", "/api/internal", "/q/metrics", "/api/usersx", "/api/products/1/2",
                "/consolex", "/api/ops", "/api/ops/",
                // the storefront's page is "/" only: not a catch-all for what nobody routes
                "/nothing-here", "/index.html", "/assets", "/assets/", "//")) {
            boolean routed = dev.ofKind("HTTPRoute").stream()
                    .filter(r -> !name(r).equals("shop-internal"))
                    .flatMap(r -> maps(at(r, "spec.rules")).stream())
                    .flatMap(rule -> maps(rule.get("matches")).stream())
                    .anyMatch(m -> pathMatches(map(m.get("path")), path));
            assertThat(routed).as(path).isFalse();
            // (/console is matched, by its redirect to /console/ alone: theConsolesPage... checks it)
        }
    }

    @Test
    void literalInternalPathsWinOverParameterisedRoutes() {
        // POST /api/sessions (creating a session for anyone) and introspect are never routed:
        // Exact matches, the highest precedence in Gateway API
        List<Map<String, Object>> internal = maps(at(dev.one("HTTPRoute", "shop-internal"), "spec.rules"));
        Set<String> exact = new HashSet<>();
        internal.forEach(rule -> maps(rule.get("matches")).forEach(m -> {
            if ("Exact".equals(at(m, "path.type"))) {
                exact.add((String) at(m, "path.value"));
            }
        }));
        assertThat(exact).contains("/api/sessions", "/api/sessions/introspect");
    }

    // --- the operations console

    @Test
    void theConsolesPageIsPublicAndItsApiForAdministratorsOnly() throws IOException {
        assertThat(routeTable().stream().filter(r -> r.service().equals("ops-console")))
                .as("deploy/gateway/routes.tsv routes the console")
                .extracting(r -> r.path() + " " + String.join(",", r.methods()) + " " + r.port() + " " + r.access())
                .containsExactlyInAnyOrder("/console/ GET 8087 public", "/console/** GET 8087 public", "/api/ops/** GET 8087 admin");
        for (Rendered rendered : List.of(dev, production)) {
            // the page (it holds nothing) and its files, to anyone; what it shows, to administrators
            assertThat(routedTo(rendered, "/console/", "GET")).containsExactly("shop-public ops-console:8087");
            assertThat(routedTo(rendered, "/console/console.js", "HEAD")).containsExactly("shop-public ops-console:8087");
            assertThat(routedTo(rendered, "/api/ops/overview", "GET")).containsExactly("shop-admin ops-console:8087");
            assertThat(routedTo(rendered, "/api/ops/lag", "GET")).containsExactly("shop-admin ops-console:8087");
            // read only: no other method reaches it
            assertThat(routedTo(rendered, "/api/ops/overview", "POST")).isEmpty();
            assertThat(routedTo(rendered, "/console/", "PUT")).isEmpty();
            // the page asked for without its slash: a redirect to it, as nginx answers locally (read only too)
            assertThat(routedTo(rendered, "/console", "GET")).containsExactly("shop-public 301 /console/");
            assertThat(routedTo(rendered, "/console", "HEAD")).containsExactly("shop-public 301 /console/");
            assertThat(routedTo(rendered, "/console", "POST")).isEmpty();
            assertThat(routedTo(rendered, "/", "GET")).as("/ has no bare form").containsExactly("shop-public storefront:8089");
            // the table's forms: "/console/" exactly, "/**" the regular expression below it
            assertThat(consoleMatches(rendered, "shop-public")).containsExactlyInAnyOrder(
                    "Exact /console/ GET", "Exact /console/ HEAD", "RegularExpression ^/console/.+$ GET", "RegularExpression ^/console/.+$ HEAD");
            assertThat(consoleMatches(rendered, "shop-admin")).containsExactlyInAnyOrder(
                    "RegularExpression ^/api/ops/.+$ GET", "RegularExpression ^/api/ops/.+$ HEAD");
        }
        // signed in through session-service's introspect before the console checks the admin role itself
        assertThat(maps(at(dev.one("SecurityPolicy", "shop-authenticated"), "spec.targetRefs")).stream().map(r -> r.get("name")))
                .contains("shop-admin");
    }

    @Test
    void theConsoleFindsEveryServiceKafkaAndConnectWhereTheChartPutsThem() throws IOException {
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, String> console = config(rendered, "ops-console");
            for (String service : Charts.SERVICES) {
                // every service of the suite but the console itself, the storefront too (readiness, version)
                if (!service.equals("ops-console")) {
                    // CATALOG_SERVICE_URL, ..., LEADERBOARD_SERVICE_URL, STOREFRONT_URL: the Service's name and port
                    String variable = service.endsWith("-service")
                            ? service.substring(0, service.indexOf('-')).toUpperCase() + "_SERVICE_URL"
                            : service.toUpperCase() + "_URL";
                    Object port = at(maps(at(rendered.one("Service", service), "spec.ports")).get(0), "port");
                    assertThat(console).as(variable).containsEntry(variable, "http://" + service + ":" + port);
                }
            }
            assertThat(console).containsEntry("KAFKA_BOOTSTRAP_SERVERS", name(rendered.ofKind("Kafka").get(0)) + "-kafka-bootstrap:9092");
            // Strimzi's Service for the REST API of the chart's Connect: <name>-connect-api, port 8083
            assertThat(console).containsEntry("KAFKA_CONNECT_URL", "http://" + name(rendered.ofKind("KafkaConnect").get(0)) + "-connect-api:8083");
            // and the connector the console asks about is the one the chart runs
            assertThat(name(rendered.ofKind("KafkaConnector").get(0))).isEqualTo(consoleProperty("ops.connect.connector"));
        }
        // every variable the chart sets is one the console reads (application.properties, or a key's own variable)
        String properties = Files.readString(REPO.resolve("ops-console/src/main/resources/application.properties"));
        for (String variable : config(dev, "ops-console").keySet()) {
            boolean read = properties.contains("${" + variable + ":") || properties.contains("${" + variable + "}")
                    || properties.lines().anyMatch(l -> l.contains("=") && envName(l.substring(0, l.indexOf('='))).equals(variable));
            assertThat(read).as("%s is read by ops-console's application.properties", variable).isTrue();
        }
    }

    @Test
    void withoutZipkinPrometheusOrConnectTheConsoleIsToldNoneInsteadOfItsLocalDefaults() {
        // present and empty: SmallRye Config reads an empty variable as missing, so the console shows
        // "not here"; left unset, ${ZIPKIN_URL:http://127.0.0.1:9411} would send it to the pod itself
        for (Rendered rendered : List.of(dev, production)) {
            assertThat(config(rendered, "ops-console")).containsEntry("ZIPKIN_URL", "").containsEntry("ZIPKIN_UI_URL", "")
                    .containsEntry("PROMETHEUS_URL", "");
        }
        for (String elsewhere : List.of("external", "off")) {
            assertThat(config(InitContainerWaitsTest.render("global.outboxConnector", elsewhere), "ops-console"))
                    .as("global.outboxConnector %s", elsewhere).containsEntry("KAFKA_CONNECT_URL", "");
        }
        // named, they are passed on as they are
        Rendered named = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop").withNamespace(NAMESPACE)
                .set("ops-console.config.ZIPKIN_URL", "http://zipkin.observability:9411")
                .set("ops-console.config.ZIPKIN_UI_URL", "https://zipkin.example.com/zipkin/")
                .set("ops-console.config.PROMETHEUS_URL", "http://prometheus-operated.monitoring:9090")
                .set("global.outboxConnector", "external").set("ops-console.config.KAFKA_CONNECT_URL", "http://connect.kafka:8083").call());
        assertThat(config(named, "ops-console")).containsEntry("ZIPKIN_URL", "http://zipkin.observability:9411")
                .containsEntry("ZIPKIN_UI_URL", "https://zipkin.example.com/zipkin/")
                .containsEntry("PROMETHEUS_URL", "http://prometheus-operated.monitoring:9090")
                .containsEntry("KAFKA_CONNECT_URL", "http://connect.kafka:8083");
        // the library still leaves every other empty value unset (the service's own default applies)
        assertThat(config(dev, "catalog-service")).doesNotContainKey("KAFKA_CONNECT_URL");
        assertThat(config(production, "media-service")).doesNotContainKey("QUARKUS_S3_ENDPOINT_OVERRIDE");
        // and a variable it is told to set when empty must be one of config's
        assertThatThrownBy(() -> charts.helm(Charts.UMBRELLA).template().withName("shop")
                .set("ops-console.configSetWhenEmpty[0]", "ZIPKIN_URI").call())
                .hasMessageContaining("configSetWhenEmpty names ZIPKIN_URI, which is not a key of config");
    }

    @Test
    void theNotesGiveTheConsolesAddress() {
        String development = notes(null);
        assertThat(development).contains("  - ops-console\n").contains("http://<the Gateway's address>/console/")
                .contains("There is no administrator account");
        assertThat(notes(RenderedCharts.PRODUCTION_VALUES)).contains("https://shop.example.com/console/")
                .contains("Sign in with the account of the Secret polyglot-shop-admin");
    }

    // --- the storefront

    @Test
    void theStorefrontsPageAndFilesArePublicAndReadOnly() throws IOException {
        assertThat(routeTable().stream().filter(r -> r.service().equals("storefront")))
                .as("deploy/gateway/routes.tsv routes the storefront")
                .extracting(r -> r.path() + " " + String.join(",", r.methods()) + " " + r.port() + " " + r.access())
                .containsExactlyInAnyOrder("/ GET 8089 public", "/assets/** GET 8089 public");
        for (Rendered rendered : List.of(dev, production)) {
            assertThat(routedTo(rendered, "/", "GET")).containsExactly("shop-public storefront:8089");
            assertThat(routedTo(rendered, "/", "HEAD")).containsExactly("shop-public storefront:8089");
            assertThat(routedTo(rendered, "/assets/shop.js", "GET")).containsExactly("shop-public storefront:8089");
            assertThat(routedTo(rendered, "/assets/shop.css", "HEAD")).containsExactly("shop-public storefront:8089");
            assertThat(routedTo(rendered, "/", "POST")).isEmpty();
            assertThat(routedTo(rendered, "/assets/shop.js", "PUT")).isEmpty();
            // "/" exactly (the highest precedence: it never shadows a longer path) and the files below /assets/
            assertThat(serviceMatches(rendered, "shop-public", "storefront")).containsExactlyInAnyOrder(
                    "Exact / GET", "Exact / HEAD", "RegularExpression ^/assets/.+$ GET", "RegularExpression ^/assets/.+$ HEAD");
            assertThat(rendered.one("Service", "storefront")).satisfies(service ->
                    assertThat(at(maps(at(service, "spec.ports")).get(0), "port")).isEqualTo(8089));
        }
    }

    @Test
    void theStorefrontHoldsNoStoreAddressNoCredentialAndSendsNoSpans() {
        for (Rendered rendered : List.of(dev, production)) {
            // its ConfigMap: tracing off (its egress is DNS only), plus what the library adds to every service
            assertThat(config(rendered, "storefront")).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "true")
                    .allSatisfy((name, value) -> assertThat(name).as("a variable of the storefront's")
                            .matches("QUARKUS_OTEL_SDK_DISABLED|SHOP_KIT_TRACING_.*|QUARKUS_OTEL_TRACES_SAMPLER.*"));
            Map<String, Object> container = maps(at(rendered.one("Deployment", "storefront"), "spec.template.spec.containers")).get(0);
            assertThat(maps(container.get("env"))).allSatisfy(env -> assertThat(env).doesNotContainKey("valueFrom"));
            assertThat(at(rendered.one("Deployment", "storefront"), "spec.template.spec.volumes")).asList()
                    .allSatisfy(volume -> assertThat(map(volume)).doesNotContainKey("secret"));
        }
    }

    @Test
    void theStorefrontMaySendToTheClusterDnsOnly() {
        for (Rendered rendered : List.of(dev, production)) {
            Map<String, Object> egress = rendered.one("NetworkPolicy", "storefront-egress");
            assertThat(at(egress, "spec.podSelector.matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "storefront",
                    "app.kubernetes.io/instance", "shop"));
            assertThat(list(at(egress, "spec.policyTypes"))).containsExactly("Egress");
            Map<String, Object> rule = maps(at(egress, "spec.egress")).get(0);
            assertThat(maps(at(egress, "spec.egress"))).hasSize(1);
            assertThat(maps(rule.get("to"))).singleElement().satisfies(peer -> {
                assertThat(at(peer, "namespaceSelector.matchLabels")).isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
                assertThat(at(peer, "podSelector.matchLabels")).isEqualTo(Map.of("k8s-app", "kube-dns"));
            });
            assertThat(maps(rule.get("ports"))).extracting(p -> p.get("protocol") + " " + p.get("port"))
                    .containsExactlyInAnyOrder("UDP 53", "TCP 53");
        }
        // no other service's egress is restricted
        assertThat(dev.ofKind("NetworkPolicy")).filteredOn(p -> list(at(p, "spec.policyTypes")).contains("Egress"))
                .extracting(Rendered::name).containsExactly("storefront-egress");
        // and with the service's NetworkPolicies off, neither direction is
        Rendered off = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop").withNamespace(NAMESPACE)
                .set("storefront.networkPolicy.enabled", false).call());
        assertThat(off.ofKind("NetworkPolicy").stream().map(Rendered::name)).doesNotContain("storefront", "storefront-egress");
    }

    @Test
    void theNotesGiveTheShopsAddress() {
        assertThat(notes(null)).contains("  - storefront\n").contains("The shop, for everyone, is / on the gateway:\n"
                + "  http://<the Gateway's address>/\n");
        assertThat(notes(RenderedCharts.PRODUCTION_VALUES)).contains("  https://shop.example.com/\n");
        Rendered withoutIt = new Rendered(charts.helm(Charts.UMBRELLA).template().withName("shop").withNamespace(NAMESPACE)
                .set("storefront.enabled", false).call());
        assertThat(withoutIt.serviceDeployments().stream().map(Rendered::name)).doesNotContain("storefront");
    }

    /** NOTES.txt as `helm install` prints it (a client-only dry run: no cluster). */
    static String notes(Path values) {
        var install = charts.helm(Charts.UMBRELLA).install().withName("shop").withNamespace(NAMESPACE).clientOnly().dryRun();
        if (values != null) {
            install = install.withValuesFile(values);
        }
        String output = install.call().getOutput();
        assertThat(output).contains("NOTES:");
        return output.substring(output.indexOf("NOTES:"));
    }

    /** "shop-&lt;access&gt; backend:port" of every rule a request (path, method) matches, internal rules included. */
    static List<String> routedTo(Rendered rendered, String path, String method) {
        List<String> routed = new ArrayList<>();
        for (Map<String, Object> route : rendered.ofKind("HTTPRoute")) {
            for (Map<String, Object> rule : maps(at(route, "spec.rules"))) {
                boolean matches = maps(rule.get("matches")).stream().anyMatch(m -> pathMatches(map(m.get("path")), path)
                        && (m.get("method") == null || method.equals(m.get("method"))));
                if (matches) {
                    List<Map<String, Object>> backends = maps(rule.get("backendRefs"));
                    Map<String, Object> redirect = maps(rule.get("filters")).stream()
                            .filter(f -> "RequestRedirect".equals(f.get("type"))).findFirst().orElse(null);
                    routed.add(name(route) + " " + (redirect != null
                            ? at(redirect, "requestRedirect.statusCode") + " " + at(redirect, "requestRedirect.path.replaceFullPath")
                            : backends.isEmpty() ? "-" : backends.get(0).get("name") + ":" + backends.get(0).get("port")));
                }
            }
        }
        return routed;
    }

    /** "type value method" of each match of the rules of HTTPRoute {@code route} that go to ops-console. */
    static List<String> consoleMatches(Rendered rendered, String route) {
        return serviceMatches(rendered, route, "ops-console");
    }

    /** "type value method" of each match of the rules of HTTPRoute {@code route} that go to {@code service}. */
    static List<String> serviceMatches(Rendered rendered, String route, String service) {
        return maps(at(rendered.one("HTTPRoute", route), "spec.rules")).stream()
                .filter(rule -> maps(rule.get("backendRefs")).stream().anyMatch(b -> service.equals(b.get("name"))))
                .flatMap(rule -> maps(rule.get("matches")).stream())
                .map(m -> at(m, "path.type") + " " + at(m, "path.value") + " " + m.get("method")).toList();
    }

    /** A property's value in ops-console's application.properties. */
    static String consoleProperty(String key) throws IOException {
        return Files.readAllLines(REPO.resolve("ops-console/src/main/resources/application.properties")).stream()
                .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).strip()).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in ops-console's application.properties"));
    }

    /** The environment variable of a property key, as SmallRye Config maps them (kafka.bootstrap.servers: KAFKA_BOOTSTRAP_SERVERS). */
    static String envName(String key) {
        return key.strip().replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static boolean pathMatches(Map<String, Object> path, String sample) {
        String value = (String) path.get("value");
        return switch ((String) path.get("type")) {
            case "Exact" -> value.equals(sample);
            case "RegularExpression" -> Pattern.compile(value).matcher(sample).matches();
            case "PathPrefix" -> sample.equals(value) || sample.startsWith(value.endsWith("/") ? value : value + "/");
            default -> throw new AssertionError("unknown path match type " + path);
        };
    }

    // --- helpers

    static Map<String, String> config(Rendered rendered, String service) {
        Map<String, String> data = new TreeMap<>();
        map(at(rendered.one("ConfigMap", service + "-config"), "data")).forEach((k, v) -> data.put(k, String.valueOf(v)));
        return data;
    }

    /** Secret name -> where it is referenced. */
    static Map<String, String> secretReferences(Rendered rendered) {
        Map<String, String> references = new LinkedHashMap<>();
        Pattern provider = Pattern.compile("\\$\\{secrets:[^/]+/([^:}]+):[^}]+}");
        rendered.eachObject(object -> {
            String where = object.get("kind") + " " + name(object);
            Rendered.walk(object, "", (key, value) -> {
                if ((key.equals("secretKeyRef") || key.equals("secretRef") || key.equals("passwordSecret")) && value instanceof Map<?, ?>) {
                    references.put((String) map(value).get("name"), where);
                }
                if (key.equals("secret") && value instanceof Map<?, ?> volume && volume.get("secretName") != null) {
                    references.put((String) volume.get("secretName"), where);
                }
                if (key.equals("pushSecret") && value instanceof String s) {
                    references.put(s, where);
                }
                if (key.equals("certificateRefs") && value instanceof List<?>) {
                    maps(value).forEach(ref -> references.put((String) ref.get("name"), where));
                }
                if (value instanceof String s) {
                    Matcher m = provider.matcher(s);
                    while (m.find()) {
                        references.put(m.group(1), where);
                    }
                }
            });
            if ("Role".equals(object.get("kind"))) {
                maps(at(object, "rules")).forEach(rule -> list(rule.get("resourceNames")).forEach(n -> references.put((String) n, where)));
            }
        });
        return references;
    }

    /**
     * The Secrets the operators create for the stores rendered: CloudNativePG's {@code <cluster>-app};
     * ECK's {@code <name>-es-elastic-user} and, with TLS, {@code <name>-es-http-certs-public} (its CA).
     */
    static Set<String> operatorSecrets(Rendered rendered) {
        Set<String> secrets = new HashSet<>();
        rendered.ofKind("Cluster").forEach(c -> secrets.add(name(c) + "-app"));
        for (Map<String, Object> elasticsearch : rendered.ofKind("Elasticsearch")) {
            secrets.add(name(elasticsearch) + "-es-elastic-user");
            if (!Boolean.TRUE.equals(at(elasticsearch, "spec.http.tls.selfSignedCertificate.disabled"))) {
                secrets.add(name(elasticsearch) + "-es-http-certs-public");
            }
        }
        return secrets;
    }

    /** The names in backticks in the first column of the "Secrets" table of deploy/helm/README.md. */
    static Set<String> documentedSecrets() throws IOException {
        String readme = Files.readString(HELM.resolve("README.md"));
        int start = readme.indexOf("\n## Secrets");
        assertThat(start).as("deploy/helm/README.md has a Secrets section").isGreaterThan(0);
        String section = readme.substring(start + 1);
        int end = section.indexOf("\n## ", 3);
        section = end > 0 ? section.substring(0, end) : section;
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^\\|\\s*`([a-z0-9.-]+)`").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The local stack's Connect worker: worker.properties as connect.sh's own _connect_write_config writes it. */
    static Map<String, String> localWorkerConfig() throws IOException, InterruptedException {
        Path state = Files.createTempDirectory("connect-state");
        try {
            Process bash = new ProcessBuilder("bash", "-c",
                    "set -euo pipefail; CACHE_DIR=/nonexistent STATE_DIR=\"$1\" STACK_CONNECT_PORT=8088 STACK_KAFKA_PORT=9092; "
                            + "source deploy/local/components/connect.sh; kafka_log4j2_config() { :; }; "
                            + "_connect_write_config; cat \"$CONNECT_CONF/worker.properties\"", "bash", state.toString())
                    .directory(REPO.toFile()).redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor()).as(out).isZero();
            Map<String, String> config = new TreeMap<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    config.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            assertThat(config).containsKeys("group.id", "task.shutdown.graceful.timeout.ms");
            return config;
        } finally {
            Charts.deleteTree(state);
        }
    }

    /** The local stack's outbox connector: connect.sh's own _connector_config, run by bash. */
    static Map<String, String> localConnectorConfig() throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; CACHE_DIR=/nonexistent STATE_DIR=/nonexistent STACK_CONNECT_PORT=8088 "
                        + "STACK_PG_PORT=5432 STACK_DEBEZIUM_USER=debezium STACK_DEBEZIUM_PASSWORD=unused STACK_PG_DB=catalog; "
                        + "source deploy/local/components/connect.sh; _connector_config")
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(out).isZero();
        Map<String, String> config = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                config.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(config).containsKey("transforms.outbox.type");
        return config;
    }

    static String pomVersion(String module) throws IOException {
        return ownVersion(REPO.resolve(module).resolve("pom.xml"), module);
    }

    /** The module's own version in {@code pom} (the one after its artifactId, not its parent's). */
    static String ownVersion(Path pom, String module) throws IOException {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(module) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(pom));
        assertThat(m.find()).as(pom + " version").isTrue();
        return m.group(1);
    }

    static String rootProperty(String property) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(m.find()).as(property).isTrue();
        return m.group(1);
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        return map(new org.yaml.snakeyaml.Yaml().load(Files.readString(file)));
    }
}
