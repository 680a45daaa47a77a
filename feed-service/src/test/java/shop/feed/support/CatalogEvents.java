package shop.feed.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;

import shop.events.OutboxEvent;
import shop.events.OutboxEvents;

/**
 * The user and order events catalog-service publishes, made here and produced to the real Kafka
 * exactly as Debezium's EventRouter delivers them (the events module's {@link OutboxEvents}), each
 * checked against its type's JSON Schema first: the feed's tests need neither catalog-service nor
 * Debezium. Each order has one line: 2 × 24.50 USD.
 */
public final class CatalogEvents {

    private static OutboxEvents outbox;

    private CatalogEvents() {
    }

    public static OutboxEvent registered(UUID user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", user.toString());
        data.put("email", "feed-" + user + "@shop.test");
        data.put("name", "Feed Buyer");
        data.put("role", "customer");
        data.put("createdAt", now().toString());
        return OutboxEvent.of("user.registered", user, 1, data);
    }

    public static OutboxEvent placed(UUID order, UUID buyer) {
        return OutboxEvent.of("order.placed", order, 1, order(order, buyer, "PENDING", 1));
    }

    /** order.paid in the one order shape: the order with its payment beside its fields. */
    public static OutboxEvent paid(UUID order, UUID buyer) {
        Map<String, Object> data = order(order, buyer, "PAID", 2);
        data.put("payment", payment(order));
        return OutboxEvent.of("order.paid", order, 2, data);
    }

    public static OutboxEvent cancelled(UUID order, UUID buyer) {
        return OutboxEvent.of("order.cancelled", order, 2, order(order, buyer, "CANCELLED", 2));
    }

    /** order.paid as catalog-service wrote it before the one order shape: {order, payment}. */
    public static OutboxEvent retiredPaid(UUID order, UUID buyer) {
        return OutboxEvent.of("order.paid", order, 2,
                Map.of("order", order(order, buyer, "PAID", 2), "payment", payment(order)));
    }

    /** Publishes the events in order, as Debezium would; each is checked against its schema first. */
    public static void publish(OutboxEvent... events) {
        for (OutboxEvent event : events) {
            outbox().publish(event);
        }
    }

    /** Publishes the event with this value in its record's {@code traceparent} header (any string). */
    public static void publishInTrace(OutboxEvent event, String traceparent) {
        outbox().publishInTrace(event, traceparent);
    }

    /** Publishes an event of a retired shape, checked against that shape: what an older catalog left in the topic. */
    public static void publishRetired(OutboxEvent event) {
        outbox().publishRetired(event);
    }

    /** A record no valid event makes (a poison record), with an {@code id} and {@code eventType} header. */
    public static RecordMetadata publishRaw(String topic, String key, String eventType, String value) {
        return outbox().publishRaw(topic, key, UUID.randomUUID().toString(), eventType, value);
    }

    private static Map<String, Object> order(UUID order, UUID buyer, String status, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", order.toString());
        data.put("userId", buyer.toString());
        data.put("status", status);
        data.put("items", List.of(Map.of("productId", UUID.randomUUID().toString(), "name", "Desk lamp",
                "quantity", 2, "unitPrice", new BigDecimal("24.50"))));
        data.put("total", new BigDecimal("49.00"));
        data.put("currency", "USD");
        data.put("version", version);
        data.put("createdAt", now().toString());
        return data;
    }

    private static Map<String, Object> payment(UUID order) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("id", UUID.randomUUID().toString());
        payment.put("orderId", order.toString());
        payment.put("amount", new BigDecimal("49.00"));
        payment.put("method", "card");
        payment.put("status", "SUCCEEDED");
        payment.put("createdAt", now().toString());
        return payment;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static synchronized OutboxEvents outbox() {
        if (outbox == null) {
            outbox = OutboxEvents.to(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return outbox;
    }
}
