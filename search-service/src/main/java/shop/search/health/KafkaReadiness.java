package shop.search.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import shop.search.SearchConfig;

/**
 * Ready means a Kafka broker answers. Quarkus's own Kafka check (quarkus.kafka.health.enabled)
 * waits up to the client's default.api.timeout.ms, 60 s, for an unreachable broker, and
 * shortening that in {@code kafka.*} would shorten it for every consumer and producer too; this
 * check has its own admin client, bounded by {@code search.readiness.timeout}. SmallRye Reactive
 * Messaging's channel readiness is no substitute: it reads the consumers' connection metrics, so a
 * broker unreachable since start-up leaves it UP ("no connection was ever attempted").
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    public static final String NAME = "Kafka cluster";

    private final Admin admin;
    private final Duration timeout;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka, SearchConfig config) {
        this.timeout = config.readiness().timeout();
        Map<String, Object> adminConfig = new HashMap<>();
        // the application's kafka.* settings (bootstrap servers, security), as far as an admin client takes them
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(adminConfig);
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
