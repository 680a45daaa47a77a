package shop.catalog.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import org.jboss.logging.Logger;

import shop.catalog.CatalogConfig;

/**
 * Watches the way out of the outbox, which catalog-service owns but does not run: the replication
 * slot Debezium reads the WAL through, and the Debezium connector in Kafka Connect. On
 * {@code /q/metrics}, for the alert rules (deploy/helm/polyglot-shop/files/alerts.yml):
 * <ul>
 * <li>{@code outbox_slot_retained_bytes{slot}}: WAL PostgreSQL keeps for the slot (from its
 * restart_lsn): it grows, and fills the disk, while Debezium does not confirm what it read;</li>
 * <li>{@code outbox_slot_active{slot}}: 1 while a client (Debezium) streams from it;</li>
 * <li>{@code outbox_connector_running{connector}}: 1 while the connector and every task are RUNNING,
 * 0 otherwise, including when Kafka Connect does not answer; only where its REST API is configured
 * ({@code catalog.outbox.connect-url}).</li>
 * </ul>
 * Read every {@code catalog.outbox.watch-every} in the background; NaN until first read, and for the
 * slot while the database does not answer.
 */
@ApplicationScoped
@Startup
public class OutboxPipeline {

    /** What was last read: the slot (null when it does not exist or was not read) and the connector. */
    public record State(Long retainedBytes, Boolean slotActive, boolean connectorRunning, String connectorState) {
    }

    /**
     * The replication slot as PostgreSQL has it now: whether it exists and a client streams from it,
     * the WAL it holds back (from its restart LSN) and the LSN Debezium last confirmed.
     */
    public record Slot(String name, boolean exists, Boolean active, Long retainedBytes, String confirmedFlushLsn) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxPipeline.class);
    private static final String SLOT = "SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn),"
            + " confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?";

    private final DataSource database;
    private final KafkaConnectApi connect;
    private final String slot;
    private final String connector;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final MeterRegistry registry;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-pipeline-watch");
        thread.setDaemon(true);
        return thread;
    });

    OutboxPipeline(DataSource database, MeterRegistry registry, CatalogConfig config) {
        this.database = database;
        this.registry = registry;
        this.connect = config.outbox().connectUrl().filter(url -> !url.isBlank())
                .map(url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                        .connectTimeout(1, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS).build(KafkaConnectApi.class))
                .orElse(null);
        this.slot = config.outbox().slot();
        this.connector = config.outbox().connector();
        Duration every = config.outbox().watchEvery();
        Gauge.builder("outbox.slot.retained", state, s -> s.get() == null || s.get().retainedBytes() == null ? Double.NaN
                : s.get().retainedBytes()).baseUnit("bytes")
                .description("WAL PostgreSQL retains for the outbox's replication slot").tag("slot", slot).register(registry);
        Gauge.builder("outbox.slot.active", state, s -> s.get() == null || s.get().slotActive() == null ? Double.NaN
                : s.get().slotActive() ? 1 : 0)
                .description("1 while Debezium streams from the slot").tag("slot", slot).register(registry);
        if (connect != null) {
            Gauge.builder("outbox.connector.running", state, s -> s.get() == null ? Double.NaN
                    : s.get().connectorRunning() ? 1 : 0)
                    .description("1 while the outbox connector and all its tasks are RUNNING").tag("connector", connector)
                    .register(registry);
        }
        watch.scheduleWithFixedDelay(this::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last reading, or null before the first. */
    public State state() {
        return state.get();
    }

    /** Reads the slot now; throws SQLException when the database does not answer. */
    public Slot slot() throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement query = db.prepareStatement(SLOT)) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new Slot(slot, false, null, null, null);
                }
                boolean active = row.getBoolean(1);
                long retained = row.getLong(2);
                // NULL while the slot has no restart LSN yet (created, never read from)
                Long held = row.wasNull() ? null : retained;
                return new Slot(slot, true, active, held, row.getString(3));
            }
        }
    }

    private void read() {
        Long retained = null;
        Boolean active = null;
        try {
            Slot now = slot();
            if (now.exists()) {
                active = now.active();
                retained = now.retainedBytes();
            }
        } catch (SQLException | RuntimeException failed) {
            LOG.debugf("replication slot %s not read: %s", slot, failed.toString());
        }
        String connectorState;
        boolean running;
        if (connect == null) {
            state.set(new State(retained, active, false, "not watched (catalog.outbox.connect-url unset)"));
            return;
        }
        try {
            JsonNode status = connect.status(connector);
            connectorState = status.path("connector").path("state").asText("UNKNOWN");
            running = "RUNNING".equals(connectorState) && status.path("tasks").size() > 0;
            for (JsonNode task : status.path("tasks")) {
                running &= "RUNNING".equals(task.path("state").asText());
                if (!"RUNNING".equals(task.path("state").asText())) {
                    connectorState = "task " + task.path("id").asText() + " " + task.path("state").asText();
                }
            }
        } catch (RuntimeException unreachable) {
            connectorState = "not known: " + unreachable.getMessage();
            running = false;
        }
        state.set(new State(retained, active, running, connectorState));
    }

    @PreDestroy
    void stop() {
        watch.shutdownNow();
        // the registry may outlive this bean (a restart in the same JVM): no gauge left reading it
        registry.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("outbox."))
                .toList().forEach(registry::remove);
    }
}
