package shop.catalog.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Publishes a domain event by writing an outbox row in the caller's transaction. Debezium reads
 * the INSERT from the WAL and routes it to {@code outbox.event.<aggregateType>}.
 *
 * <p>The row is deleted again in the same transaction, right after its INSERT: the WAL still
 * carries the insert to Debezium, the publication does not publish deletes (V1__outbox.sql), and
 * the table never grows. Both statements go in one round trip (pgjdbc sends a statement list as
 * one batch of messages), as plain SQL: every order writes two events, and an entity's
 * persist, flush and remove cost more than the row is worth.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT_THEN_DELETE = "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,"
            + " occurredat, traceparent) VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb), :occurredAt,"
            + " :traceparent);"
            + " DELETE FROM outbox WHERE id = :id";

    private final EntityManager em;
    private final ObjectMapper json;

    public Outbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Writes the event {@code {eventId, type, aggregateId, version, occurredAt, data}}; the event
     * id is the row id (Kafka header {@code id}). Must run inside the business transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateType, Object aggregateId, String type, long version, Object data) {
        // micros: what timestamp(6) keeps, so the envelope and the record timestamp agree
        return publish(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), aggregateType, aggregateId, type,
                version, data);
    }

    /**
     * Writes the event with an id and time of the caller's choosing: for events that must be derivable
     * again from the aggregate (order events, OrderEvents), so that a view repaired from the source
     * holds the same item a delivered event makes. {@code occurredAt} must be in micros.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(UUID id, Instant occurredAt, String aggregateType, Object aggregateId, String type, long version,
            Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", id.toString());
        envelope.put("type", type);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.put("version", version);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("data", data);
        em.createNativeQuery(INSERT_THEN_DELETE)
                .setParameter("id", id)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId.toString())
                .setParameter("type", type)
                .setParameter("payload", write(envelope))
                // UTC without a zone: see V1__outbox.sql
                .setParameter("occurredAt", LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                // typed: Hibernate would bind an untyped null as bytea
                .setParameter("traceparent", new TypedParameterValue<>(StandardBasicTypes.STRING, currentTraceparent()))
                .executeUpdate();
        return id;
    }

    /**
     * The current trace context as a W3C traceparent (Kafka header {@code traceparent} once Debezium
     * has routed the row), or null outside a trace: the projections' spans continue the write's.
     */
    static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private String write(Map<String, Object> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is not serialisable", e);
        }
    }
}
