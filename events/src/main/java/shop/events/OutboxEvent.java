package shop.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * One outbox event {@code {eventId, type, aggregateId, version, occurredAt, data}} as
 * catalog-service's {@code Outbox} writes it; {@link OutboxEvents} publishes it as Debezium would.
 * Publishing the same instance twice is a redelivery: same event id, same record.
 */
public record OutboxEvent(UUID eventId, String type, UUID aggregateId, long version, Instant occurredAt,
        Map<String, ?> data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A new event (fresh id) that occurs now, with microseconds as PostgreSQL keeps them. */
    public static OutboxEvent of(String type, UUID aggregateId, long version, Map<String, ?> data) {
        return new OutboxEvent(UUID.randomUUID(), type, aggregateId, version,
                Instant.now().truncatedTo(ChronoUnit.MICROS), data);
    }

    /** The same event at another time. */
    public OutboxEvent at(Instant when) {
        return new OutboxEvent(eventId, type, aggregateId, version, when, data);
    }

    /** {@code user}, {@code product} or {@code order}: the type's first word, the outbox row's aggregatetype. */
    public String aggregateType() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    /** Where Debezium's EventRouter routes it: {@code outbox.event.<aggregatetype>}. */
    public String topic() {
        return "outbox.event." + aggregateType();
    }

    /** The payload as catalog-service writes it into the outbox row (before Debezium's rendering). */
    public String json() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", type);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.put("version", version);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("data", data);
        return JSON.writeValueAsString(envelope);
    }
}
