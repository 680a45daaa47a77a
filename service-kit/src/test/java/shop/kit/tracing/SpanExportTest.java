package shop.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

/** Each exporter the kit offers can be built from its settings alone (production runs OTLP, the local stack Zipkin). */
class SpanExportTest {

    @Test
    void otlpIsBuiltWithASenderOnTheClasspath() {
        SpanExporter otlp = new SpanExport().spanExporter(settings(TracingConfig.Exporter.OTLP, "http://127.0.0.1:1/v1/traces"));
        assertThat(otlp.getClass().getSimpleName()).isEqualTo("OtlpHttpSpanExporter");
        CompletableResultCode shutdown = otlp.shutdown();
        assertThat(shutdown.join(5, java.util.concurrent.TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void zipkinIsBuilt() {
        SpanExporter zipkin = new SpanExport().spanExporter(settings(TracingConfig.Exporter.ZIPKIN, "http://127.0.0.1:1/api/v2/spans"));
        assertThat(zipkin.getClass().getSimpleName()).isEqualTo("ZipkinSpanExporter");
        zipkin.shutdown();
    }

    @Test
    void anExporterWithoutAnEndpointIsRefusedByName() {
        assertThatThrownBy(() -> new SpanExport().spanExporter(settings(TracingConfig.Exporter.OTLP, null)))
                .hasMessageContaining("shop.kit.tracing.endpoint is required with shop.kit.tracing.exporter=otlp");
    }

    private static TracingConfig settings(TracingConfig.Exporter exporter, String endpoint) {
        return new TracingConfig() {
            @Override
            public Exporter exporter() {
                return exporter;
            }

            @Override
            public Optional<URI> endpoint() {
                return Optional.ofNullable(endpoint).map(URI::create);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
