package shop.kit.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The exporter every service's spans leave through, chosen at start-up ({@link TracingConfig}).
 * Quarkus hands a CDI {@link SpanExporter} to the SDK's batch span processor (its {@code cdi}
 * exporter, {@code quarkus.otel.bsp.*}): export happens off the request thread, and a backend that is
 * down loses spans, never requests. Zipkin's own exporter, because Zipkin 3.5 takes no OTLP.
 */
@ApplicationScoped
public class SpanExport {

    @Produces
    @Singleton
    SpanExporter spanExporter(TracingConfig tracing) {
        return switch (tracing.exporter()) {
            case ZIPKIN -> ZipkinSpanExporter.builder()
                    .setEndpoint(endpoint(tracing))
                    .setReadTimeout(tracing.timeout())
                    .build();
            case OTLP -> OtlpHttpSpanExporter.builder()
                    .setEndpoint(endpoint(tracing))
                    .setTimeout(tracing.timeout())
                    .build();
            // spans are still made and trace context still propagated: only nothing is sent
            case NONE -> SpanExporter.composite();
        };
    }

    private static String endpoint(TracingConfig tracing) {
        return tracing.endpoint()
                .orElseThrow(() -> new IllegalStateException("shop.kit.tracing.endpoint is required with shop.kit.tracing.exporter="
                        + tracing.exporter().name().toLowerCase()))
                .toString();
    }
}
