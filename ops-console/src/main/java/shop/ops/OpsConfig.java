package shop.ops;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the console looks (application.properties, {@code ops.*}): it holds no state of its own,
 * only these addresses, and reads everything afresh on every request.
 */
@ConfigMapping(prefix = "ops")
public interface OpsConfig {

    /** The suite's services, name to base URL: their readiness ({@code /q/health/ready}) and version (service-kit's liveness check {@code build}). */
    Map<String, URI> services();

    /** How long any one probe may take: what does not answer in time is shown as not known, never waited for. */
    @WithDefault("1500ms")
    Duration timeout();

    /** The derived views, by name (search, feed). */
    Map<String, View> views();

    /** Kafka Connect's REST API and the outbox connector in it. */
    Connect connect();

    /** The outbox topics: every topic whose name starts with this. */
    @WithDefault("outbox.event.")
    String topicPrefix();

    /** Zipkin, where the suite exports its traces: its health, and the links to recent traces. */
    Optional<URI> zipkinUrl();

    /** Zipkin's UI as a browser reaches it (the links the page shows); absent: no links. */
    Optional<URI> zipkinUiUrl();

    /** Prometheus: its health, and the lag charts' history (absent: the page charts what it saw since it opened). */
    Optional<URI> prometheusUrl();

    interface View {
        /** The service that owns the view (a key of {@code ops.services}). */
        String service();

        /** The view's API under the service: {@code <api>/status}, {@code /drift}, {@code /dead-letters}. */
        String api();

        /** Its consumer group. */
        String group();

        /** The topics it projects. */
        List<String> topics();

        /** The store it projects into (a name of {@link shop.ops.suite.Stores}). */
        String store();
    }

    interface Connect {
        Optional<URI> url();

        @WithDefault("catalog-outbox")
        String connector();
    }
}
