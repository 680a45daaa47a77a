package shop.feed.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.feed.item.FeedItem;

/**
 * Reads an outbox event {@code {eventId, type, aggregateId, version, occurredAt, data}} (as
 * catalog-service writes it and Debezium's EventRouter delivers it) into the feed item of the
 * user it concerns: a {@code user.*} event concerns its aggregate, the user; an {@code order.*}
 * event the buyer, {@code data.userId} of the one order shape ({@link OrderData}).
 */
public final class OutboxEnvelope {

    public static final String USER = "user";
    public static final String ORDER = "order";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_EPOCH_MILLIS = 9_999_999_999_999L;

    private OutboxEnvelope() {
    }

    /** The feed item for an event of {@code aggregateType}; {@link MalformedEvent} with the reason when there is none. */
    public static FeedItem toItem(String aggregateType, String value, Duration retention) {
        JsonNode event = parse(value);
        UUID eventId = uuid(event.path("eventId"), "eventId");
        String type = event.path("type").asText("");
        if (!FeedItem.isType(type)) {
            throw new MalformedEvent("type is missing or not lower-case words joined by dots");
        }
        if (!type.startsWith(aggregateType + ".")) {
            throw new MalformedEvent("type " + type + " is not an event of aggregate " + aggregateType);
        }
        Instant occurredAt = instant(event.path("occurredAt"));
        // one shape from here on: a retired order.paid is read as the order with its payment
        JsonNode data = OrderData.of(type, event.path("data"));
        if (!data.isObject()) {
            throw new MalformedEvent("data is missing or not a JSON object");
        }
        UUID userId = switch (aggregateType) {
            case USER -> uuid(event.path("aggregateId"), "aggregateId");
            case ORDER -> uuid(data.path("userId"), "data.userId");
            default -> throw new MalformedEvent("aggregate " + aggregateType + " does not concern a user's feed");
        };
        return FeedItem.of(userId, eventId, type, occurredAt, data.toString(), retention);
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            throw new MalformedEvent("the record has no value");
        }
        try {
            JsonNode event = JSON.readTree(value);
            if (event == null || !event.isObject()) {
                throw new MalformedEvent("the value is not a JSON object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("the value is not JSON: " + e.getOriginalMessage());
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new MalformedEvent(field + " is missing or not a string");
        }
        try {
            UUID id = UUID.fromString(node.asText());
            if (id.toString().equalsIgnoreCase(node.asText())) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw new MalformedEvent(field + " is not a UUID");
    }

    private static Instant instant(JsonNode node) {
        try {
            Instant at = Instant.parse(node.asText(""));
            if (at.toEpochMilli() < 0 || at.toEpochMilli() > MAX_EPOCH_MILLIS) {
                throw new MalformedEvent("occurredAt is outside 1970..2286, what a sort key holds");
            }
            return at;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new MalformedEvent("occurredAt is missing or not an ISO-8601 instant");
        }
    }
}
