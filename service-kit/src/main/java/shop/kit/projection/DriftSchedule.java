package shop.kit.projection;

import java.util.concurrent.TimeUnit;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The scheduled drift check of the view: every {@code shop.kit.view.drift.every} (a duration such as
 * {@code 1h}, or {@code off}), first 5 minutes after start. It only reports (log line,
 * {@code projection_drift} gauges, the status's {@code lastDrift}); repairing is an operator's call.
 */
@ApplicationScoped
@IfBuildProperty(name = "shop.kit.view.enabled", stringValue = "true")
public class DriftSchedule {

    private static final Logger LOG = Logger.getLogger(DriftSchedule.class);

    private final ViewProgress progress;
    private final ViewDrift drift;

    DriftSchedule(ViewProgress progress, ViewDrift drift) {
        this.progress = progress;
        this.drift = drift;
    }

    @Scheduled(every = "${shop.kit.view.drift.every:1h}", delay = 5, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            progress.checkDrift(() -> drift.run(false));
        } catch (RuntimeException failed) {
            LOG.warnf("scheduled drift check of the %s view not done: %s", progress.view(), failed.getMessage());
        }
    }
}
