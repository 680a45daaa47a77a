package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.polyglot.helm.Rendered.at;
import static shop.polyglot.helm.Rendered.map;
import static shop.polyglot.helm.Rendered.maps;
import static shop.polyglot.helm.Rendered.name;

import com.marcnuri.helm.TemplateCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elasticsearch over HTTPS: the chart's ECK Elasticsearch keeps ECK's TLS, and search-service speaks
 * https to it and trusts the CA ECK publishes for it ({@code <name>-es-http-certs-public}, key
 * {@code ca.crt}), mounted read-only into its pods and named by SEARCH_ELASTICSEARCH_CA_FILE. An
 * Elasticsearch of your own brings its protocol and its CA's Secret, or none.
 */
class ElasticsearchTlsTest {

    static final String SERVICE = "search-service";
    static final String CA_FILE = "SEARCH_ELASTICSEARCH_CA_FILE";

    /** The file a container's SEARCH_ELASTICSEARCH_CA_FILE names: which Secret and key it is. */
    record CaFile(String secretName, String key) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("shop.polyglot.helm.RenderedCharts#bothValuesFiles")
    void searchServiceSpeaksHttpsToTheChartsElasticsearchAndTrustsTheCaItPublishes(String valuesFile, Rendered rendered) {
        Map<String, Object> elasticsearch = rendered.one("Elasticsearch", "shop-search");
        assertThat(at(elasticsearch, "spec.http.tls.selfSignedCertificate.disabled")).as("ECK's TLS (%s)", valuesFile).isNull();
        assertThat(at(elasticsearch, "spec.http.tls.certificate")).as("ECK's own CA (%s)", valuesFile).isNull();

        assertThat(HelmChartsTest.config(rendered, SERVICE))
                .containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "https")
                .containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", name(elasticsearch) + "-es-http:9200");
        // ECK's name for it, derived from the Elasticsearch rendered
        assertThat(caFiles(rendered)).as(valuesFile).containsExactly(new CaFile(name(elasticsearch) + "-es-http-certs-public", "ca.crt"));
    }

    @Test
    void plainHttpNeedsSearchServiceSwitchedTooOrTheRenderFails() {
        assertThatThrownBy(() -> render(umbrella().set("elasticsearch.eck.tls", false)))
                .hasMessageContaining("global.stores.elasticsearch.protocol is \"https\", but the chart's Elasticsearch shop-search "
                        + "(elasticsearch.eck.tls: false) needs \"http\"");
        assertThatThrownBy(() -> render(umbrella().set("elasticsearch.eck.tls", false).set("global.stores.elasticsearch.protocol", "http")))
                .hasMessageContaining("global.stores.elasticsearch.caSecret is \"shop-search-es-http-certs-public\", but the chart's "
                        + "Elasticsearch shop-search (elasticsearch.eck.tls: false) needs \"\"");

        Rendered plain = render(umbrella().set("elasticsearch.eck.tls", false)
                .set("global.stores.elasticsearch.protocol", "http").set("global.stores.elasticsearch.caSecret", ""));
        assertThat(at(plain.one("Elasticsearch", "shop-search"), "spec.http.tls.selfSignedCertificate.disabled")).isEqualTo(true);
        assertThat(HelmChartsTest.config(plain, SERVICE)).containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "http");
        assertThat(caFiles(plain)).isEmpty();
        assertThat(secretVolumes(plain.one("Deployment", SERVICE))).isEmpty();
    }

    @Test
    void theCaMustBeTheOneTheChartsElasticsearchPublishes() {
        // another name for the Elasticsearch: ECK's Secrets are named after it
        assertThatThrownBy(() -> render(umbrella().set("elasticsearch.eck.name", "catalog-search")))
                .hasMessageContaining("global.stores.elasticsearch.caSecret is \"shop-search-es-http-certs-public\", but the chart's "
                        + "Elasticsearch catalog-search (elasticsearch.eck.tls: true) needs \"catalog-search-es-http-certs-public\"");
        assertThatThrownBy(() -> render(umbrella().set("global.stores.elasticsearch.caKey", "tls.crt")))
                .hasMessageContaining("global.stores.elasticsearch.caKey is \"tls.crt\", but the chart's Elasticsearch shop-search "
                        + "(elasticsearch.eck.tls: true) needs \"ca.crt\"");
        assertThatThrownBy(() -> render(umbrella().set("global.stores.elasticsearch.protocol", "http")))
                .hasMessageContaining("global.stores.elasticsearch.protocol is \"http\"");
    }

    @Test
    void anElasticsearchOfYourOwnBringsItsProtocolAndCaOrNone() {
        TemplateCommand external = umbrella().set("elasticsearch.eck.enabled", false)
                .set("global.stores.elasticsearch.hosts", "es.example.internal:9200");
        Rendered ownCa = render(external.set("global.stores.elasticsearch.caSecret", "es-example-ca")
                .set("global.stores.elasticsearch.caKey", "ca.pem"));
        assertThat(ownCa.ofKind("Elasticsearch")).isEmpty();
        assertThat(HelmChartsTest.config(ownCa, SERVICE)).containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "https")
                .containsEntry("QUARKUS_ELASTICSEARCH_HOSTS", "es.example.internal:9200");
        assertThat(caFiles(ownCa)).containsExactly(new CaFile("es-example-ca", "ca.pem"));

        // a publicly trusted certificate: no CA Secret, the JVM's trust store
        Rendered noCa = render(umbrella().set("elasticsearch.eck.enabled", false).set("global.stores.elasticsearch.caSecret", ""));
        assertThat(HelmChartsTest.config(noCa, SERVICE)).containsEntry("QUARKUS_ELASTICSEARCH_PROTOCOL", "https");
        assertThat(caFiles(noCa)).isEmpty();
        assertThat(secretVolumes(noCa.one("Deployment", SERVICE))).isEmpty();
    }

    @Test
    void aContainerThatRunsTheServiceBeforeItStartsGetsTheCaToo() {
        Rendered initAndExit = render(umbrella().set("search-service.initAndExit.enabled", true));
        List<Map<String, Object>> init = maps(at(initAndExit.one("Deployment", SERVICE), "spec.template.spec.initContainers"));
        assertThat(init).extracting(c -> c.get("name")).containsExactly("init-and-exit");
        // one CaFile per container: the service's and init-and-exit's
        assertThat(caFiles(initAndExit)).containsExactly(new CaFile("shop-search-es-http-certs-public", "ca.crt"),
                new CaFile("shop-search-es-http-certs-public", "ca.crt"));
    }

    @Test
    void noOtherServiceMountsASecret() {
        for (Rendered rendered : List.of(RenderedCharts.dev(), RenderedCharts.production())) {
            for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
                if (!name(deployment).equals(SERVICE)) {
                    assertThat(secretVolumes(deployment)).as(name(deployment)).isEmpty();
                }
            }
        }
    }

    /**
     * For each container of search-service's pod (init containers first) with SEARCH_ELASTICSEARCH_CA_FILE:
     * the Secret and key of the file it names, checked to be mounted there read-only from a Secret
     * volume that projects that key under the file's name.
     */
    static List<CaFile> caFiles(Rendered rendered) {
        Map<String, Object> deployment = rendered.one("Deployment", SERVICE);
        List<Map<String, Object>> containers = new ArrayList<>(maps(at(deployment, "spec.template.spec.initContainers")));
        containers.addAll(maps(at(deployment, "spec.template.spec.containers")));
        Map<String, Map<String, Object>> volumes = secretVolumes(deployment);
        List<CaFile> files = new ArrayList<>();
        for (Map<String, Object> container : containers) {
            String path = maps(container.get("env")).stream().filter(e -> CA_FILE.equals(e.get("name")))
                    .map(e -> (String) e.get("value")).findFirst().orElse(null);
            if (path == null) {
                continue;
            }
            String dir = path.substring(0, path.lastIndexOf('/'));
            String file = path.substring(path.lastIndexOf('/') + 1);
            Map<String, Object> mount = maps(container.get("volumeMounts")).stream().filter(m -> dir.equals(m.get("mountPath")))
                    .findFirst().orElseThrow(() -> new AssertionError(container.get("name") + ": nothing mounted at " + dir));
            assertThat(mount).as("%s: %s", container.get("name"), mount).containsEntry("readOnly", true).doesNotContainKey("subPath");
            Map<String, Object> secret = volumes.get((String) mount.get("name"));
            assertThat(secret).as("%s: a Secret volume %s", container.get("name"), mount.get("name")).isNotNull();
            Map<String, Object> item = maps(secret.get("items")).stream().filter(i -> file.equals(i.get("path")))
                    .findFirst().orElseThrow(() -> new AssertionError("volume " + mount.get("name") + " projects nothing as " + file));
            files.add(new CaFile((String) secret.get("secretName"), (String) item.get("key")));
        }
        return files;
    }

    /** The pod's Secret volumes: volume name to its {@code secret} source. */
    static Map<String, Map<String, Object>> secretVolumes(Map<String, Object> deployment) {
        Map<String, Map<String, Object>> volumes = new TreeMap<>();
        for (Map<String, Object> volume : maps(at(deployment, "spec.template.spec.volumes"))) {
            if (volume.get("secret") != null) {
                volumes.put((String) volume.get("name"), map(volume.get("secret")));
            }
        }
        return volumes;
    }

    static TemplateCommand umbrella() {
        return RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop").withNamespace(RenderedCharts.NAMESPACE);
    }

    static Rendered render(TemplateCommand template) {
        return new Rendered(template.call());
    }
}
