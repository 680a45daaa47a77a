package shop.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.catalog.support.OutboxEvents;
import shop.polyglot.stack.LocalStackResource;

/**
 * The change-data-capture pipeline on real servers: a PostgreSQL transaction writes a business
 * row and an outbox row; Debezium's outbox EventRouter (in Kafka Connect) publishes the event to
 * {@code outbox.event.<aggregatetype>}. Flyway (run by this Quarkus app) owns the outbox table and
 * publication; the connector is registered by the same code {@code deploy/local/stack up} uses.
 */
@QuarkusTest
@QuarkusTestResource(
        value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect"))
class OutboxPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "outbox.event.user";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    private OutboxEvents events;

    @BeforeEach
    void connectPipeline() {
        // registers the connector (idempotent) after Quarkus booted: Flyway has created the outbox
        events = OutboxEvents.of("user");
    }

    @AfterEach
    void closeConsumer() {
        events.close();
    }

    @Test
    void committedOutboxRowArrivesWithAggregateKeyIdHeaderAndExpandedPayload() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = envelope(eventId, userId, "cdc-" + userId + "@shop.test");

        long occurredAt;
        try (Connection db = connection()) {
            insertUser(db, userId);
            occurredAt = insertOutboxRow(db, eventId, userId, payload);
            db.commit();
        }

        ConsumerRecord<String, String> record = awaitRecord(userId, eventId);
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo(userId.toString());
        assertThat(header(record, "id")).isEqualTo(eventId.toString());
        assertThat(header(record, "eventType")).isEqualTo("user.registered");
        // expanded: the value is the payload JSON itself, not a string holding it
        assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree(payload));
        // the record carries the event's time in PostgreSQL, so consumers can measure their lag
        assertThat(record.timestamp()).isEqualTo(occurredAt);
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();

        try (Connection db = connection()) {
            insertUser(db, userId);
            insertOutboxRow(db, rolledBack, userId, envelope(rolledBack, userId, "gone@shop.test"));
            db.rollback();
        }
        // a later event for the same aggregate lands on the same partition, after anything the
        // rolled-back transaction could have published: once it is here, the other never will be
        try (Connection db = connection()) {
            insertUser(db, userId);
            insertOutboxRow(db, committed, userId, envelope(committed, userId, "kept@shop.test"));
            db.commit();
        }

        List<OutboxEvents.Event> seen = events.until(userId, e -> committed.toString().equals(e.id()));
        assertThat(seen).extracting(OutboxEvents.Event::id).containsExactly(committed.toString());
    }

    private Connection connection() throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        db.setAutoCommit(false);
        return db;
    }

    private static void insertUser(Connection db, UUID userId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO users (id, email, name, password_hash) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, userId);
            insert.setString(2, "cdc-" + userId + "@shop.test");
            insert.setString(3, "CDC probe");
            insert.setString(4, "not-a-real-hash");
            insert.executeUpdate();
        }
    }

    /**
     * Inserts the outbox row and deletes it again in the same transaction, as catalog-service
     * does: Debezium reads the insert from the WAL, and the table never grows. Returns the row's
     * {@code occurredat} in epoch millis.
     */
    private static long insertOutboxRow(Connection db, UUID eventId, UUID userId, String payload)
            throws SQLException {
        long occurredAt;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload)"
                        + " VALUES (?, 'user', ?, 'user.registered', ?::jsonb) RETURNING occurredat")) {
            insert.setObject(1, eventId);
            insert.setString(2, userId.toString());
            insert.setString(3, payload);
            try (ResultSet row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                // stored as UTC without a zone (see V1__outbox.sql)
                Timestamp stored = row.getTimestamp(1);
                occurredAt = stored.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            delete.setObject(1, eventId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        return occurredAt;
    }

    private static String envelope(UUID eventId, UUID userId, String email) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "eventId", eventId.toString(),
                "type", "user.registered",
                "aggregateId", userId.toString(),
                "version", 1,
                "occurredAt", Instant.now().toString(),
                "data", Map.of("id", userId.toString(), "email", email, "name", "CDC probe", "role", "customer",
                        "createdAt", Instant.now().toString())));
    }

    private ConsumerRecord<String, String> awaitRecord(UUID key, UUID eventId) {
        List<OutboxEvents.Event> seen = events.until(key, e -> eventId.toString().equals(e.id()));
        return seen.get(seen.size() - 1).record();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
