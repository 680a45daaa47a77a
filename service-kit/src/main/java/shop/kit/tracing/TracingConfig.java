package shop.kit.tracing;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a service's spans go ({@code shop.kit.tracing.*}). Quarkus makes the spans and propagates
 * W3C trace context whatever is set here; this only chooses the exporter. Sampling is Quarkus's own
 * ({@code quarkus.otel.traces.sampler}, parent-based by default), and
 * {@code quarkus.otel.sdk.disabled=true} turns tracing off altogether.
 */
@ConfigMapping(prefix = "shop.kit.tracing")
public interface TracingConfig {

    /** {@code zipkin} (v2 JSON, the local stack's Zipkin), {@code otlp} (OTLP over HTTP) or {@code none}. */
    @WithDefault("none")
    Exporter exporter();

    /**
     * Where to send them: Zipkin's span endpoint ({@code http://host:9411/api/v2/spans}) or an OTLP
     * collector's traces endpoint ({@code http://host:4318/v1/traces}). Required unless {@code none}.
     */
    Optional<URI> endpoint();

    /** How long one export may take before its batch is dropped (a slow backend never slows requests). */
    @WithDefault("10S")
    Duration timeout();

    enum Exporter {
        ZIPKIN, OTLP, NONE
    }
}
