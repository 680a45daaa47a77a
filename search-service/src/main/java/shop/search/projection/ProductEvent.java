package shop.search.projection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shop.search.index.ProductDocument;
import shop.search.index.ProductIndex;

/**
 * One product event as the outbox publishes it: {@code {eventId, type, aggregateId, version,
 * occurredAt, data}}, keyed by the product id. {@link #parse} refuses anything else with the
 * reason, which goes to the dead-letter topic.
 */
public record ProductEvent(String eventId, String type, String productId, long version, Instant occurredAt,
        JsonNode data) {

    public static final String CREATED = "product.created";
    public static final String UPDATED = "product.updated";
    public static final String DELETED = "product.deleted";
    private static final Set<String> TYPES = Set.of(CREATED, UPDATED, DELETED);

    /** The event cannot be projected; the message says why. */
    public static class Malformed extends Exception {
        public Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public static ProductEvent parse(String key, String value, ObjectMapper json) throws Malformed {
        if (value == null || value.isBlank()) {
            throw new Malformed("empty value");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (JsonProcessingException notJson) {
            throw new Malformed("not JSON: " + notJson.getOriginalMessage());
        }
        if (!envelope.isObject()) {
            throw new Malformed("not a JSON object");
        }
        String type = envelope.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw new Malformed("unknown type '" + type + "'");
        }
        String productId = envelope.path("aggregateId").asText("");
        if (productId.isEmpty() || (key != null && !key.equals(productId))) {
            throw new Malformed("aggregateId '" + productId + "' missing or not the record key '" + key + "'");
        }
        JsonNode version = envelope.path("version");
        if (!version.canConvertToExactIntegral() || !version.isIntegralNumber() || version.asLong() < 1) {
            throw new Malformed("version must be a whole number from 1 (got " + (version.isMissingNode() ? "none" : version) + ")");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(envelope.path("occurredAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new Malformed("occurredAt is not an ISO-8601 instant");
        }
        JsonNode data = envelope.path("data");
        if (!type.equals(DELETED)) {
            if (!data.path("name").isTextual() || data.path("name").asText().isBlank()) {
                throw new Malformed("data.name missing");
            }
            if (!data.path("price").isNumber() || data.path("price").decimalValue().signum() < 0) {
                throw new Malformed("data.price must be a number from 0");
            }
        }
        return new ProductEvent(envelope.path("eventId").asText(null), type, productId, version.asLong(), occurredAt,
                data);
    }

    /** The index write this event asks for: the product's document, or its tombstone. */
    public ProductIndex.Write write() {
        return new ProductIndex.Write(productId, version,
                type.equals(DELETED) ? ProductDocument.tombstone(productId, version) : ProductDocument.of(data, version));
    }
}
