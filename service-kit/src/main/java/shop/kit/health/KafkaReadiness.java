package shop.kit.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import shop.kit.kafka.BoundedAdmin;

/**
 * Ready means a Kafka broker answers, for the services that consume the outbox (switched on with
 * {@code shop.kit.kafka-readiness.enabled=true}, a build-time property). Not Quarkus's own check
 * ({@code quarkus.kafka.health.enabled}): it waits up to the client's {@code default.api.timeout.ms},
 * 60 s, for a broker that does not answer, and shortening that would shorten it for every consumer
 * too; this one has its own admin client, bounded by {@code shop.kit.kafka-readiness.timeout}. Not
 * SmallRye Reactive Messaging's channel readiness either: it reads the consumers' connection
 * metrics, so a broker unreachable since start-up leaves it UP, and its topic verification is DOWN
 * until the outbox topic exists (Debezium creates it with the first event) and needs the topic on an
 * idle replica too. A replica with no partition assigned is ready: it serves reads.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "shop.kit.kafka-readiness.enabled", stringValue = "true")
public class KafkaReadiness implements HealthCheck {

    public static final String NAME = "Kafka cluster";

    private final Admin admin;
    private final Duration timeout;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "shop.kit.kafka-readiness.timeout", defaultValue = "2S") Duration timeout) {
        this.timeout = timeout;
        this.admin = BoundedAdmin.create(kafka, timeout);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME);
        try {
            String nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                    .stream()
                    .map(node -> node.host() + ":" + node.port())
                    .collect(Collectors.joining(","));
            return check.up().withData("nodes", nodes).build();
        } catch (ExecutionException e) {
            return check.down().withData("reason", String.valueOf(e.getCause().getMessage())).build();
        } catch (TimeoutException e) {
            return check.down().withData("reason", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return check.down().withData("reason", "interrupted").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ZERO);
    }
}
