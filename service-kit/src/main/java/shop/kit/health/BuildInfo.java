package shop.kit.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * What is running: the service's name and version on {@code /q/health/live} (check {@code build},
 * always UP), so the operations console and an operator's {@code curl} tell which release answers.
 * Quarkus takes both from the build (the module's artifactId and version) unless configured. Not
 * quarkus-info's {@code /q/info}: that extension has no release of the Quarkus version the suite
 * builds with that resolves here.
 */
@Liveness
@ApplicationScoped
public class BuildInfo implements HealthCheck {

    private final String name;
    private final String version;

    BuildInfo(@ConfigProperty(name = "quarkus.application.name") String name,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("build").up().withData("name", name).withData("version", version).build();
    }
}
