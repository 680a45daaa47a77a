package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static shop.e2e.support.TopicReader.header;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Stack;
import shop.e2e.support.TopicReader;
import shop.events.EventSchemas;
import shop.events.OutboxEvent;
import shop.events.OutboxEvents;

/**
 * The change-data-capture pipeline on the stack's real servers: a PostgreSQL transaction in
 * catalog-service's database writes an outbox row (and deletes it, as catalog-service does);
 * Debezium's outbox EventRouter (in Kafka Connect) publishes it to
 * {@code outbox.event.<aggregatetype>}. And what the services' tests produce instead
 * ({@link OutboxEvents}, the events module) is record for record what Debezium publishes.
 */
class OutboxPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * catalog-service's internal view of the outbox's way out (what the operations console shows):
     * the replication slot PostgreSQL keeps for Debezium, streaming, with the LSN it confirmed, and
     * the connector as catalog-service last watched it.
     */
    @Test
    void catalogServiceReportsTheSlotDebeziumStreamsFrom() {
        Stack.anonymous(Stack.catalog()).get("/internal/outbox").then().statusCode(200)
                .body("slot.name", equalTo("catalog_outbox"))
                .body("slot.exists", equalTo(true))
                .body("slot.active", equalTo(true))
                .body("slot.confirmedFlushLsn", matchesPattern("[0-9A-F]+/[0-9A-F]+"))
                .body("slot.retainedBytes", greaterThanOrEqualTo(0))
                .body("readAt", notNullValue());
    }

    @Test
    void committedOutboxRowArrivesWithAggregateKeyIdHeaderAndExpandedPayload() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = registered(eventId, userId, "cdc-" + userId + "@shop.test");

        long occurredAt;
        try (TopicReader users = TopicReader.fromEnd("outbox.event.user"); Connection db = Stack.catalogDatabase()) {
            insertUser(db, userId);
            occurredAt = insertOutboxRow(db, eventId, "user", userId, "user.registered", payload, null);
            db.commit();

            List<ConsumerRecord<String, String>> seen = users.until(userId.toString(),
                    r -> eventId.toString().equals(header(r, "id")));
            ConsumerRecord<String, String> record = seen.get(seen.size() - 1);
            assertThat(record.topic()).isEqualTo("outbox.event.user");
            assertThat(record.key()).isEqualTo(userId.toString());
            assertThat(header(record, "eventType")).isEqualTo("user.registered");
            // expanded: the value is the payload JSON itself, not a string holding it
            assertThat(JSON.readTree(record.value())).isEqualTo(JSON.readTree(payload));
            // Kafka stamps the record with its append time (the outbox topics' LogAppendTime), after the
            // commit: a consumer measures the capture hop against the event's occurredAt, the rest from here
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isGreaterThanOrEqualTo(occurredAt);
            EventSchemas.assertValid("user.registered", record.value());
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();

        try (TopicReader users = TopicReader.fromEnd("outbox.event.user")) {
            try (Connection db = Stack.catalogDatabase()) {
                insertUser(db, userId);
                insertOutboxRow(db, rolledBack, "user", userId, "user.registered",
                        registered(rolledBack, userId, "gone-" + userId + "@shop.test"), null);
                db.rollback();
            }
            // a later event for the same aggregate lands on the same partition, after anything the
            // rolled-back transaction could have published: once it is here, the other never will be
            try (Connection db = Stack.catalogDatabase()) {
                insertUser(db, userId);
                insertOutboxRow(db, committed, "user", userId, "user.registered",
                        registered(committed, userId, "kept-" + userId + "@shop.test"), null);
                db.commit();
            }

            List<ConsumerRecord<String, String>> seen = users.until(userId.toString(),
                    r -> committed.toString().equals(header(r, "id")));
            assertThat(seen).extracting(r -> header(r, "id")).containsExactly(committed.toString());
        }
    }

    /**
     * The services' tests feed themselves with {@link OutboxEvents} instead of catalog-service and
     * Debezium; it must publish what Debezium does: same topic, key and headers (the topic stamps both
     * with their append time; the event's time is its occurredAt), and the
     * value as Debezium renders it (a null field and an empty array left out, decimals as doubles).
     * The events are published twice (by Debezium, then by OutboxEvents): a redelivery, which the
     * stack's projections ignore; the product is deleted afterwards.
     */
    @Test
    void outboxEventsPublishesWhatDebeziumPublishes() throws Exception {
        UUID order = UUID.randomUUID();
        Map<String, Object> line = new HashMap<>();
        line.put("productId", null); // the product was deleted: catalog keeps the line, without it
        line.put("name", "Probe lamp");
        line.put("quantity", 1);
        line.put("unitPrice", new BigDecimal("24.90"));
        Map<String, Object> cancelled = new LinkedHashMap<>();
        cancelled.put("id", order.toString());
        cancelled.put("userId", UUID.randomUUID().toString());
        cancelled.put("status", "CANCELLED");
        cancelled.put("items", List.of(line));
        cancelled.put("total", new BigDecimal("24.90"));
        cancelled.put("currency", "USD");
        cancelled.put("version", 2);
        cancelled.put("createdAt", now().toString());
        assertPublishedAlike(OutboxEvent.of("order.cancelled", order, 2, cancelled));

        UUID product = UUID.randomUUID();
        Map<String, Object> updated = new LinkedHashMap<>();
        updated.put("id", product.toString());
        updated.put("sku", Stack.unique("E2E-"));
        updated.put("name", "Probe");
        updated.put("description", "");
        updated.put("brand", "");
        updated.put("price", new BigDecimal("10.00"));
        updated.put("currency", "USD");
        updated.put("tags", List.of()); // Debezium cannot type an empty array: it leaves it out
        updated.put("stock", 0);
        updated.put("version", 2);
        updated.put("createdAt", now().toString());
        updated.put("updatedAt", now().toString());
        assertPublishedAlike(OutboxEvent.of("product.updated", product, 2, updated));
        assertPublishedAlike(OutboxEvent.of("product.deleted", product, 3,
                Map.of("id", product.toString(), "sku", updated.get("sku"), "version", 3)));
    }

    private static void assertPublishedAlike(OutboxEvent event) throws Exception {
        try (TopicReader topic = TopicReader.fromEnd(event.topic());
                OutboxEvents outbox = OutboxEvents.to(Stack.kafka())) {
            try (Connection db = Stack.catalogDatabase()) {
                insertOutboxRow(db, event.eventId(), event.aggregateType(), event.aggregateId(), event.type(),
                        event.json(), event.occurredAt());
                db.commit();
            }
            ConsumerRecord<String, String> debezium = topic.until(event.aggregateId().toString(), 1).get(0);
            outbox.publish(event);
            ConsumerRecord<String, String> ours = topic.until(event.aggregateId().toString(), 2).get(1);

            EventSchemas.assertValid(event.type(), debezium.value());
            assertThat(ours.topic()).isEqualTo(debezium.topic());
            assertThat(ours.partition()).isEqualTo(debezium.partition());
            assertThat(ours.key()).isEqualTo(debezium.key());
            assertThat(headers(ours)).isEqualTo(headers(debezium));
            // both stamped by the topic with their append time, in the order they were published
            assertThat(ours.timestampType()).isEqualTo(debezium.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(ours.timestamp()).isGreaterThanOrEqualTo(debezium.timestamp());
            assertThat(JSON.readTree(ours.value())).as(debezium.value()).isEqualTo(JSON.readTree(debezium.value()));
        }
    }

    private static List<String> headers(ConsumerRecord<String, String> record) {
        return Arrays.stream(record.headers().toArray()).map(OutboxPipelineTest::keyAndValue).toList();
    }

    private static String keyAndValue(Header header) {
        return header.key() + "=" + (header.value() == null ? "(null)" : new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
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
     * does: Debezium reads the insert from the WAL, and the table never grows. {@code occurredAt}
     * null takes the column's default (the clock). Returns the row's {@code occurredat} in epoch millis.
     */
    private static long insertOutboxRow(Connection db, UUID eventId, String aggregateType, UUID aggregateId,
            String type, String payload, Instant occurredAt) throws SQLException {
        long stored;
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, occurredat)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, coalesce(?::timestamp, clock_timestamp() AT TIME ZONE 'UTC')) RETURNING occurredat")) {
            insert.setObject(1, eventId);
            insert.setString(2, aggregateType);
            insert.setString(3, aggregateId.toString());
            insert.setString(4, type);
            insert.setString(5, payload);
            // stored as UTC without a zone (see catalog-service's V1__outbox.sql)
            if (occurredAt == null) {
                insert.setNull(6, Types.TIMESTAMP);
            } else {
                insert.setObject(6, LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC));
            }
            try (ResultSet row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                Timestamp at = row.getTimestamp(1);
                stored = at.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            delete.setObject(1, eventId);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        return stored;
    }

    /** A complete user.registered payload, as catalog-service writes one. */
    private static String registered(UUID eventId, UUID userId, String email) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "eventId", eventId.toString(),
                "type", "user.registered",
                "aggregateId", userId.toString(),
                "version", 1,
                "occurredAt", now().toString(),
                "data", Map.of("id", userId.toString(), "email", email, "name", "CDC probe", "role", "customer",
                        "createdAt", now().toString())));
    }
}
