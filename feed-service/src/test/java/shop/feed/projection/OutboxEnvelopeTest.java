package shop.feed.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import shop.events.DebeziumJson;
import shop.events.EventSchemas;
import shop.events.OutboxEvent;
import shop.feed.item.FeedItem;
import shop.feed.support.CatalogEvents;

/**
 * The events as catalog-service publishes them and Debezium delivers them (support/CatalogEvents,
 * each checked against its schema), the retired order.paid shape, and malformed ones.
 */
class OutboxEnvelopeTest {

    private static final Duration NINETY_DAYS = Duration.ofDays(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UUID eventId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();

    @Test
    void orderPlacedGoesToTheBuyersFeed() {
        OutboxEvent placed = CatalogEvents.placed(orderId, userId).at(Instant.parse("2026-11-27T10:00:00.123456Z"));

        FeedItem item = OutboxEnvelope.toItem("order", asDelivered(placed), NINETY_DAYS);

        assertThat(item.userId()).isEqualTo(userId);
        assertThat(item.eventId()).isEqualTo(placed.eventId());
        assertThat(item.type()).isEqualTo("order.placed");
        assertThat(item.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));
        // data is kept as received: Debezium's 49.0 (for 49.00) stays 49.0
        assertThat(item.data()).contains("\"total\":49.0,").contains("\"status\":\"PENDING\"");
        assertThat(item.ttl()).isEqualTo(Instant.parse("2027-02-25T10:00:00Z").getEpochSecond());
    }

    @Test
    void orderPaidGoesToTheBuyerWithItsDataAsReceived() throws Exception {
        OutboxEvent paid = CatalogEvents.paid(orderId, userId);

        FeedItem item = OutboxEnvelope.toItem("order", asDelivered(paid), NINETY_DAYS);

        assertThat(item.userId()).isEqualTo(userId);
        assertThat(JSON.readTree(item.data())).isEqualTo(JSON.readTree(asDelivered(paid)).path("data"));
    }

    @Test
    void aRetiredOrderPaidIsReadAsTheOneOrderShape() throws Exception {
        OutboxEvent retired = CatalogEvents.retiredPaid(orderId, userId);
        String value = DebeziumJson.render(retired.json());
        EventSchemas.assertValidLegacy("order.paid", value);

        FeedItem item = OutboxEnvelope.toItem("order", value, NINETY_DAYS);

        assertThat(item.userId()).isEqualTo(userId);
        JsonNode asReceived = JSON.readTree(value).path("data");
        ObjectNode oneShape = asReceived.path("order").deepCopy();
        oneShape.set("payment", asReceived.path("payment"));
        assertThat(JSON.readTree(item.data())).isEqualTo(oneShape);
        // what the feed keeps is the current order.paid's data
        ObjectNode current = (ObjectNode) JSON.readTree(value);
        current.set("data", oneShape);
        EventSchemas.assertValid("order.paid", current.toString());
    }

    @Test
    void userRegisteredGoesToTheUsersOwnFeed() {
        assertThat(OutboxEnvelope.toItem("user", asDelivered(CatalogEvents.registered(userId)), NINETY_DAYS).userId())
                .isEqualTo(userId);
    }

    @Test
    void malformedEventsSayWhy() {
        assertReason("order", "not json", "not JSON");
        assertReason("order", "[1,2]", "not a JSON object");
        assertReason("order", envelope("order.placed", orderId, "{\"id\":\"x\"}"), "data.userId");
        assertReason("order", envelope("order.placed", orderId, "{\"userId\":\"nope\"}"), "data.userId is not a UUID");
        assertReason("order", envelope("Order.Placed", orderId, "{\"userId\":\"" + userId + "\"}"), "type");
        assertReason("order", envelope("user.registered", orderId, "{\"userId\":\"" + userId + "\"}"),
                "not an event of aggregate order");
        assertReason("order", "{\"eventId\":\"" + eventId + "\",\"type\":\"order.placed\",\"occurredAt\":\"yesterday\","
                + "\"data\":{\"userId\":\"" + userId + "\"}}", "occurredAt");
        assertReason("order", "{\"type\":\"order.placed\",\"occurredAt\":\"2026-11-27T10:00:00Z\","
                + "\"data\":{\"userId\":\"" + userId + "\"}}", "eventId");
        assertReason("user", "{\"eventId\":\"" + eventId + "\",\"type\":\"user.registered\",\"aggregateId\":\""
                + userId + "\",\"occurredAt\":\"2026-11-27T10:00:00Z\",\"data\":\"text\"}", "data");
        assertReason("product", envelope("product.created", orderId, "{}"), "does not concern");
        assertReason("order", null, "no value");
    }

    private static void assertReason(String aggregate, String value, String reason) {
        assertThatThrownBy(() -> OutboxEnvelope.toItem(aggregate, value, NINETY_DAYS))
                .as(value).isInstanceOf(MalformedEvent.class).hasMessageContaining(reason);
    }

    /** The record value as Debezium delivers the event, checked against its type's schema. */
    private static String asDelivered(OutboxEvent event) {
        String value = DebeziumJson.render(event.json());
        EventSchemas.assertValid(event.type(), value);
        return value;
    }

    /** A hand-made envelope, for what no valid event looks like. */
    private String envelope(String type, UUID aggregateId, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + aggregateId
                + "\",\"version\":1,\"occurredAt\":\"2026-11-27T10:00:00.123456Z\",\"data\":" + data + "}";
    }
}
