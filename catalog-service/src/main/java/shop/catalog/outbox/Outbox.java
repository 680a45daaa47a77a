package shop.catalog.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes a domain event by writing an outbox row in the caller's transaction. Debezium reads
 * the INSERT from the WAL and routes it to {@code outbox.event.<aggregateType>}.
 *
 * <p>The row is deleted again in the same transaction, right after its INSERT reached the
 * database: the WAL still carries the insert to Debezium, the publication does not publish
 * deletes (V1__outbox.sql), and the table never grows.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes the event {@code {eventId, type, aggregateId, version, occurredAt, data}}; the event
     * id is the row id (Kafka header {@code id}). Must run inside the business transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateType, Object aggregateId, String type, long version, Object data) {
        // micros: what timestamp(6) keeps, so the envelope and the record timestamp agree
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId.toString();
        event.type = type;
        event.occurredAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", event.id.toString());
        envelope.put("type", type);
        envelope.put("aggregateId", event.aggregateId);
        envelope.put("version", version);
        envelope.put("occurredAt", now.toString());
        envelope.put("data", data);
        event.payload = write(envelope);
        // flushed before the delete: Hibernate would otherwise drop a persist-then-remove pair
        // and the INSERT would never reach the WAL
        event.persistAndFlush();
        event.delete();
        return event.id;
    }

    private String write(Map<String, Object> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is not serialisable", e);
        }
    }
}
