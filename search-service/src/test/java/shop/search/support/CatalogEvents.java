package shop.search.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import shop.events.OutboxEvent;
import shop.events.OutboxEvents;

/**
 * The product events catalog-service publishes, made here and produced to the real Kafka exactly
 * as Debezium's EventRouter delivers them (the events module's {@link OutboxEvents}), each checked
 * against its type's JSON Schema first: search's tests need neither catalog-service nor Debezium.
 * A product keeps its sku and counts its versions as catalog does (+ 1 a write, + 1 for the delete).
 */
public final class CatalogEvents {

    /** A product as the last event about it left it: its id, sku, version, and that event. */
    public record Product(String id, String sku, long version, OutboxEvent event) {
    }

    private static OutboxEvents outbox;

    private CatalogEvents() {
    }

    /** A fresh word no other data holds, to find exactly what a test made. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** product.created, version 1. */
    public static Product create(String name, String description, String brand, String price, List<String> tags) {
        return publish(event("product.created", UUID.randomUUID().toString(), unique("SKU-"), 1, name, description,
                brand, price, tags));
    }

    /** product.created, version 1, its record's {@code traceparent} header this value (any string). */
    public static Product createInTrace(String traceparent, String name, String description, String brand, String price,
            List<String> tags) {
        OutboxEvent event = event("product.created", UUID.randomUUID().toString(), unique("SKU-"), 1, name, description,
                brand, price, tags);
        outbox().publishInTrace(event, traceparent);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.data();
        return new Product(event.aggregateId().toString(), (String) data.get("sku"), event.version(), event);
    }

    /** product.updated: the whole product replaced, version + 1. */
    public static Product update(Product product, String name, String description, String brand, String price,
            List<String> tags) {
        return publish(event("product.updated", product.id(), product.sku(), product.version() + 1, name,
                description, brand, price, tags));
    }

    /** product.deleted at version + 1; returns that version. */
    public static long delete(Product product) {
        long version = product.version() + 1;
        outbox().publish(OutboxEvent.of("product.deleted", UUID.fromString(product.id()), version,
                Map.of("id", product.id(), "sku", product.sku(), "version", version)));
        return version;
    }

    /** Publishes an event again, as a redelivery brings it; where it landed. */
    public static RecordMetadata redeliver(OutboxEvent event) {
        return outbox().publish(event);
    }

    /**
     * A second event of the product's last type and version with another name (a new event id):
     * only a redelivery can carry a version the index has, so the index must keep what it holds.
     */
    public static OutboxEvent sameVersionRenamed(Product product, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) product.event().data());
        data.put("name", name);
        return OutboxEvent.of(product.event().type(), UUID.fromString(product.id()), product.version(), data);
    }

    /** A record no valid event makes (a poison record), unchecked, with an {@code id} header. */
    public static RecordMetadata publishRaw(String key, String value) {
        return outbox().publishRaw(SearchStack.TOPIC, key, UUID.randomUUID().toString(), null, value);
    }

    private static Product publish(OutboxEvent event) {
        outbox().publish(event);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.data();
        return new Product(event.aggregateId().toString(), (String) data.get("sku"), event.version(), event);
    }

    private static OutboxEvent event(String type, String id, String sku, long version, String name,
            String description, String brand, String price, List<String> tags) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("sku", sku);
        data.put("name", name);
        data.put("description", description);
        data.put("brand", brand);
        data.put("price", new BigDecimal(price));
        data.put("currency", "USD");
        data.put("tags", tags);
        data.put("stock", 10);
        data.put("version", version);
        data.put("createdAt", now.toString());
        data.put("updatedAt", now.toString());
        return OutboxEvent.of(type, UUID.fromString(id), version, data);
    }

    private static synchronized OutboxEvents outbox() {
        if (outbox == null) {
            outbox = OutboxEvents.to(SearchStack.kafka);
        }
        return outbox;
    }
}
