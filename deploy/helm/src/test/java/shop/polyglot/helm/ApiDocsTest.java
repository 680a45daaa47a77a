package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.list;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API documentation page /api/docs/ in Kubernetes is the local gateway's (deploy/gateway/README.md):
 * each routed service's document at /api/docs/&lt;service&gt;.json (its /q/openapi), one Swagger UI
 * page whose selector lists them, public and read-only. The page's server is checked by running its
 * rendered nginx configuration with Debian's nginx over the same Swagger UI release's files.
 */
class ApiDocsTest {

    static final Path REPO = RenderedCharts.REPO;
    static final String SWAGGER_UI = System.getProperty("swagger-ui.version", "");

    /**
     * The services the route table routes an API to (its non-internal rows under /api/), in its order:
     * render-nginx's list. A service that serves only a page (the storefront) has no document.
     */
    static List<String> documentedServices() throws IOException {
        List<String> services = new ArrayList<>();
        for (HelmChartsTest.Route route : HelmChartsTest.routeTable()) {
            if (!route.access().equals("internal") && route.path().startsWith("/api/") && !services.contains(route.service())) {
                services.add(route.service());
            }
        }
        return services;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void eachServicesDocumentIsItsOpenApiRewrittenPublicAndReadOnly(String valuesFile, Rendered rendered) throws IOException {
        List<String> services = documentedServices();
        // every service chart's, the console's too (its API is routed: /api/ops/); not the storefront's,
        // which is routed (/, /assets/) but has no API
        assertThat(services).containsExactlyInAnyOrderElementsOf(Charts.SERVICES.stream().filter(s -> !s.equals("storefront")).toList());
        Map<String, Object> route = rendered.one("HTTPRoute", "shop-docs");
        List<Map<String, Object>> rules = maps(at(route, "spec.rules"));
        for (String service : services) {
            Map<String, Object> rule = rules.stream()
                    .filter(r -> maps(r.get("matches")).stream().anyMatch(m -> ("/api/docs/" + service + ".json").equals(at(m, "path.value"))))
                    .findFirst().orElseThrow(() -> new AssertionError("no rule for " + service + "'s document (" + valuesFile + ")"));
            assertThat(maps(rule.get("matches"))).allSatisfy(m -> assertThat(at(m, "path.type")).isEqualTo("Exact"))
                    .extracting(m -> m.get("method")).containsExactlyInAnyOrder("GET", "HEAD");
            List<Map<String, Object>> filters = maps(rule.get("filters"));
            assertThat(filters).anySatisfy(f -> assertThat(at(f, "urlRewrite.path.replaceFullPath")).isEqualTo("/q/openapi"));
            assertThat(filters).anySatisfy(f -> {
                assertThat(maps(at(f, "requestHeaderModifier.set"))).containsExactly(Map.of("name", "Accept", "value", "application/json"));
                assertThat(list(at(f, "requestHeaderModifier.remove"))).containsExactlyInAnyOrder("X-User-Id", "X-User-Roles");
            });
            Map<String, Object> backend = maps(rule.get("backendRefs")).get(0);
            int port = HelmChartsTest.routeTable().stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow().port();
            assertThat(backend).containsEntry("name", service).containsEntry("port", port);
            assertThat(at(rendered.one("Service", service), "spec.ports")).asList().isNotEmpty();
        }
        assertThat(rules).noneSatisfy(r -> assertThat(maps(r.get("backendRefs"))).anySatisfy(b -> assertThat(b.get("name")).isEqualTo("storefront")));
        // the page: GET and HEAD to shop-api-docs; with Envoy Gateway any other method the gateway's 404
        Map<String, Object> page = rules.stream().filter(r -> maps(r.get("backendRefs")).stream().anyMatch(b -> "shop-api-docs".equals(b.get("name"))))
                .findFirst().orElseThrow();
        assertThat(maps(page.get("matches"))).extracting(m -> at(m, "path.type") + " " + at(m, "path.value") + " " + m.get("method"))
                .containsExactlyInAnyOrder("PathPrefix /api/docs GET", "PathPrefix /api/docs HEAD");
        Map<String, Object> others = rules.get(rules.size() - 1);
        assertThat(maps(others.get("matches"))).singleElement().satisfies(m -> assertThat(m).doesNotContainKey("method"));
        assertThat(at(maps(others.get("filters")).get(0), "extensionRef.name")).isEqualTo("shop-not-routed");
        assertThat(others).doesNotContainKey("backendRefs");
        // only the gateway reaches the page's pods
        Map<String, Object> policy = rendered.one("NetworkPolicy", "shop-api-docs");
        assertThat(at(policy, "spec.podSelector.matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "shop-api-docs"));
        assertThat(maps(at(policy, "spec.ingress"))).singleElement().satisfies(in -> assertThat(at(maps(in.get("from")).get(0), "podSelector.matchLabels"))
                .isEqualTo(Map.of("gateway.envoyproxy.io/owning-gateway-name", "shop-gateway")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void thePageIsTheLocalGatewaysAndListsTheSameDocuments(String valuesFile, Rendered rendered) throws IOException {
        Map<String, Object> data = map(rendered.one("ConfigMap", "shop-api-docs").get("data"));
        for (String file : List.of("index.html", "docs.js")) {
            assertThat(((String) data.get(file)).strip()).as(file).isEqualTo(Files.readString(REPO.resolve("deploy/gateway/docs").resolve(file)).strip());
        }
        Map<String, Object> config = map(new Yaml(new LoaderOptions()).load((String) data.get("swagger-config.json")));
        List<String> services = documentedServices();
        assertThat(maps(config.get("urls"))).extracting(u -> u.get("name") + " " + u.get("url"))
                .containsExactlyElementsOf(services.stream().map(s -> s + " " + s + ".json").toList());
        assertThat(config.get("urls.primaryName")).isEqualTo(services.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void thePagesServerRunsLikeTheServices(String valuesFile, Rendered rendered) throws IOException {
        Map<String, Object> deployment = rendered.one("Deployment", "shop-api-docs");
        assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
        Map<String, Object> container = maps(at(deployment, "spec.template.spec.containers")).get(0);
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(list(at(container, "securityContext.capabilities.drop"))).containsExactly("ALL");
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/healthz");
        assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/healthz");
        // one Swagger UI release: the image's, the local gateway's WebJar's and this test's
        String gatewayPom = Files.readString(REPO.resolve("deploy/local/components/gateway.pom.xml"));
        Matcher pinned = Pattern.compile("<swagger-ui.version>([^<]+)</swagger-ui.version>").matcher(gatewayPom);
        assertThat(pinned.find()).isTrue();
        assertThat(SWAGGER_UI).isEqualTo(pinned.group(1));
        assertThat((String) container.get("image")).endsWith("/swaggerapi/swagger-ui:v" + SWAGGER_UI);
    }

    /**
     * The page's rendered nginx configuration, run with Debian's nginx (installed by the local stack
     * with the gateway, which the reactor tests before this module): the container's paths are
     * replaced by directories holding what the pod mounts (the ConfigMap's files) and what the image
     * holds (Swagger UI's distribution, from the same release's WebJar).
     */
    @Test
    void thePagesServerServesThePageAndSwaggerUi() throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        assertThat(nginx).as("Debian's nginx (deploy/local/stack up installs it with the gateway)").isExecutable();
        Map<String, Object> data = map(RenderedCharts.dev().one("ConfigMap", "shop-api-docs").get("data"));
        Path root = RenderedCharts.HELM.resolve("target/api-docs-served");
        deleteRecursively(root);
        Path page = Files.createDirectories(root.resolve("page"));
        Path html = Files.createDirectories(root.resolve("html"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        for (String file : List.of("index.html", "docs.js", "swagger-config.json")) {
            Files.writeString(page.resolve(file), (String) data.get(file));
        }
        for (String file : List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI + "/" + file)) {
                assertThat(in).as("%s in the swagger-ui %s WebJar", file, SWAGGER_UI).isNotNull();
                Files.copy(in, html.resolve(file));
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String conf = ((String) data.get("nginx.conf"))
                .replace("/usr/share/nginx/html/", html + "/")
                .replace("/etc/shop-api-docs/", page + "/")
                .replace("/tmp/", tmp + "/")
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
        assertThat(conf).doesNotContain("/usr/share/nginx", "/etc/shop-api-docs", " /tmp/");
        Path confFile = Files.writeString(root.resolve("nginx.conf"), conf);
        Process server = new ProcessBuilder(nginx.toString(), "-p", root.toString(), "-c", confFile.toString(), "-e", "stderr", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(root.resolve("nginx.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = awaitUp(http, base + "/healthz", server, root.resolve("nginx.log"));
            assertThat(health.statusCode()).isEqualTo(200);

            HttpResponse<String> index = get(http, base + "/api/docs/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(index.body()).contains("swagger-ui/swagger-ui-bundle.js", "docs.js");
            for (String asset : List.of("swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui-standalone-preset.js", "docs.js")) {
                HttpResponse<String> js = get(http, base + "/api/docs/" + asset);
                assertThat(js.statusCode()).as(asset).isEqualTo(200);
                assertThat(js.headers().firstValue("Content-Type")).as(asset).hasValue("application/javascript");
            }
            HttpResponse<String> css = get(http, base + "/api/docs/swagger-ui/swagger-ui.css");
            assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css");
            HttpResponse<String> config = get(http, base + "/api/docs/swagger-config.json");
            assertThat(config.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(config.body()).contains("\"url\":\"catalog-service.json\"");
            assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-cache");
            HttpResponse<String> bare = get(http, base + "/api/docs");
            assertThat(bare.statusCode()).isEqualTo(301);
            assertThat(bare.headers().firstValue("Location")).hasValue("/api/docs/");
            assertThat(get(http, base + "/api/docs/nothing.js").statusCode()).isEqualTo(404);
            assertThat(get(http, base + "/etc/passwd").statusCode()).isEqualTo(404);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> awaitUp(HttpClient http, String url, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return get(http, url);
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("nginx did not serve the page's configuration: " + Files.readString(log), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
