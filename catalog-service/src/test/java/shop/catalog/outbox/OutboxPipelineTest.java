package shop.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.polyglot.stack.LocalStack;
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
    private static boolean connectorRegistered;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaConsumer<String, String> consumer;

    @BeforeEach
    void connectPipeline() {
        // after Quarkus booted: Flyway has created the outbox table the connector streams from
        if (!connectorRegistered) {
            LocalStack.registerOutboxConnector();
            connectorRegistered = true;
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-pipeline-test-" + UUID.randomUUID());
        // read the whole topic: each test looks only for the aggregate ids it made itself
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void committedOutboxRowArrivesWithAggregateKeyIdHeaderAndExpandedPayload() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = envelope(eventId, userId, "cdc-" + userId + "@shop.test");

        try (Connection db = connection()) {
            insertUser(db, userId);
            insertOutboxRow(db, eventId, userId, payload);
            db.commit();
        }

        ConsumerRecord<String, String> record = awaitRecord(userId.toString(), eventId);
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo(userId.toString());
        assertThat(header(record, "id")).isEqualTo(eventId.toString());
        assertThat(header(record, "eventType")).isEqualTo("user.registered");
        // expanded: the value is the payload JSON itself, not a string holding it
        assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree(payload));
        // the record carries the event's time in PostgreSQL, so consumers can measure their lag
        assertThat(record.timestamp()).isEqualTo(occurredAtMillis(eventId));
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

        List<ConsumerRecord<String, String>> seen = awaitRecordsUntil(userId.toString(), committed);
        assertThat(seen).extracting(r -> header(r, "id")).containsExactly(committed.toString());
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

    private static void insertOutboxRow(Connection db, UUID eventId, UUID userId, String payload)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload)"
                        + " VALUES (?, 'user', ?, 'user.registered', ?::jsonb)")) {
            insert.setObject(1, eventId);
            insert.setString(2, userId.toString());
            insert.setString(3, payload);
            insert.executeUpdate();
        }
    }

    private long occurredAtMillis(UUID eventId) throws SQLException {
        try (Connection db = connection();
                PreparedStatement select = db.prepareStatement("SELECT occurredat FROM outbox WHERE id = ?")) {
            select.setObject(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                // stored as UTC without a zone (see V1__outbox.sql)
                Timestamp occurredAt = row.getTimestamp(1);
                return occurredAt.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
    }

    private static String envelope(UUID eventId, UUID userId, String email) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "eventId", eventId.toString(),
                "type", "user.registered",
                "aggregateId", userId.toString(),
                "version", 1,
                "occurredAt", Instant.now().toString(),
                "data", Map.of("id", userId.toString(), "email", email, "role", "customer")));
    }

    private ConsumerRecord<String, String> awaitRecord(String key, UUID eventId) {
        List<ConsumerRecord<String, String>> seen = awaitRecordsUntil(key, eventId);
        return seen.get(seen.size() - 1);
    }

    /** The records with this key, in topic order, up to and including the one with this event id. */
    private List<ConsumerRecord<String, String>> awaitRecordsUntil(String key, UUID eventId) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    seen.add(record);
                }
            }
            return seen.stream().anyMatch(r -> eventId.toString().equals(header(r, "id")));
        });
        return seen;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
