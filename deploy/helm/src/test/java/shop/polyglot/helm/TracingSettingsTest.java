package shop.polyglot.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.helm.Rendered.map;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Traces in Kubernetes: every service exports over OTLP/HTTP to the collector
 * {@code global.tracing.otlpEndpoint} names, sampled at {@code global.tracing.samplerRatio}
 * (parent-based); development values send nothing (no endpoint), production values to a collector.
 * The storefront alone traces nothing: it may reach nothing but DNS.
 */
class TracingSettingsTest {

    @Test
    void productionSendsEveryServicesSpansToTheCollectorSampled() {
        for (String service : Charts.SERVICES) {
            Map<String, Object> config = map(RenderedCharts.production().one("ConfigMap", service + "-config").get("data"));
            assertThat(config).as(service)
                    .containsEntry("SHOP_KIT_TRACING_EXPORTER", "otlp")
                    .containsEntry("SHOP_KIT_TRACING_ENDPOINT", "http://otel-collector.observability:4318/v1/traces")
                    .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                    .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1");
        }
        // but the storefront makes none: its egress is DNS only, so no collector is in its reach (the
        // gateway's span shows the page's requests); the library's settings stay, unused
        assertThat(map(RenderedCharts.production().one("ConfigMap", "storefront-config").get("data")))
                .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "true");
        for (String service : Charts.SERVICES) {
            if (!service.equals("storefront")) {
                assertThat(map(RenderedCharts.production().one("ConfigMap", service + "-config").get("data")))
                        .as(service).doesNotContainKey("QUARKUS_OTEL_SDK_DISABLED");
            }
        }
    }

    @Test
    void developmentSendsNoSpansUntilAnEndpointIsSet() {
        for (String service : Charts.SERVICES) {
            Map<String, Object> config = map(RenderedCharts.dev().one("ConfigMap", service + "-config").get("data"));
            assertThat(config).as(service).doesNotContainKeys("SHOP_KIT_TRACING_EXPORTER", "SHOP_KIT_TRACING_ENDPOINT");
        }
        Rendered on = new Rendered(RenderedCharts.charts().helm(Charts.UMBRELLA).template().withName("shop")
                .withNamespace(RenderedCharts.NAMESPACE)
                .set("global.tracing.otlpEndpoint", "http://tempo.monitoring:4318/v1/traces")
                .set("global.tracing.samplerRatio", "1.0").call());
        Map<String, Object> config = map(on.one("ConfigMap", "feed-service-config").get("data"));
        assertThat(config).containsEntry("SHOP_KIT_TRACING_ENDPOINT", "http://tempo.monitoring:4318/v1/traces")
                .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0");
    }

    @Test
    void productionsGatewayTracesToTheSameCollector() {
        Map<String, Object> proxy = RenderedCharts.production().one("EnvoyProxy", "shop-gateway-proxy");
        assertThat(Rendered.at(proxy, "spec.telemetry.tracing.provider.type")).isEqualTo("OpenTelemetry");
        assertThat(Rendered.at(proxy, "spec.telemetry.tracing.provider.host")).isEqualTo("otel-collector.observability.svc.cluster.local");
        assertThat(Rendered.at(proxy, "spec.telemetry.tracing.provider.port")).isEqualTo(4317);
        assertThat(Rendered.at(proxy, "spec.telemetry.tracing.samplingRate")).isEqualTo(10);
        assertThat(Rendered.at(RenderedCharts.production().one("Gateway", "shop-gateway"), "spec.infrastructure.parametersRef"))
                .isEqualTo(Map.of("group", "gateway.envoyproxy.io", "kind", "EnvoyProxy", "name", "shop-gateway-proxy"));
        // development: no collector, no EnvoyProxy, a Gateway without parameters
        assertThat(RenderedCharts.dev().ofKind("EnvoyProxy")).isEmpty();
        assertThat(Rendered.at(RenderedCharts.dev().one("Gateway", "shop-gateway"), "spec.infrastructure")).isNull();
    }
}
