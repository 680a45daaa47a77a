package shop.kit.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's readiness as a metric, {@code service_readiness} (1 UP, 0 DOWN), for the alert
 * that a service is not ready (Prometheus scrapes metrics, not health endpoints). The checks run
 * every {@code shop.kit.readiness-gauge.every} in the background, never on the scrape; -1 before
 * the first run.
 */
@ApplicationScoped
@Startup
@IfBuildProperty(name = "shop.kit.readiness-gauge.enabled", stringValue = "true", enableIfMissing = true)
public class ReadinessGauge {

    private final AtomicInteger ready = new AtomicInteger(-1);
    private final MeterRegistry registry;
    private final Gauge gauge;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "readiness-gauge");
        thread.setDaemon(true);
        return thread;
    });

    ReadinessGauge(SmallRyeHealthReporter health, MeterRegistry registry,
            @ConfigProperty(name = "shop.kit.readiness-gauge.every", defaultValue = "10S") Duration every) {
        this.registry = registry;
        this.gauge = Gauge.builder("service.readiness", ready, AtomicInteger::get)
                .description("1 while the service's readiness (/q/health/ready) is UP, 0 while DOWN").register(registry);
        runner.scheduleWithFixedDelay(() -> {
            try {
                ready.set(health.getReadiness().isDown() ? 0 : 1);
            } catch (RuntimeException failed) {
                ready.set(0);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        registry.remove(gauge); // the registry may outlive this bean (a restart in the same JVM)
    }
}
