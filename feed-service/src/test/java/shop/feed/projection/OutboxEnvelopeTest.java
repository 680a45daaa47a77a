package shop.feed.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.feed.item.FeedItem;

/** The envelopes as catalog-service's Outbox writes them (see catalog-service OrderView, PaymentService). */
class OutboxEnvelopeTest {

    private static final Duration NINETY_DAYS = Duration.ofDays(90);
    private final UUID eventId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();

    @Test
    void orderPlacedGoesToTheBuyersFeed() {
        String value = envelope("order.placed", orderId,
                "{\"id\":\"" + orderId + "\",\"userId\":\"" + userId + "\",\"status\":\"PENDING\",\"total\":49.5}");

        FeedItem item = OutboxEnvelope.toItem("order", value, NINETY_DAYS);

        assertThat(item.userId()).isEqualTo(userId);
        assertThat(item.eventId()).isEqualTo(eventId);
        assertThat(item.type()).isEqualTo("order.placed");
        assertThat(item.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));
        // data is kept as received: Debezium's 49.5 stays 49.5
        assertThat(item.data()).contains("\"total\":49.5").contains("\"status\":\"PENDING\"");
        assertThat(item.ttl()).isEqualTo(Instant.parse("2027-02-25T10:00:00Z").getEpochSecond());
    }

    @Test
    void orderPaidFindsTheBuyerInTheOrder() {
        String value = envelope("order.paid", orderId, "{\"order\":{\"id\":\"" + orderId + "\",\"userId\":\"" + userId
                + "\"},\"payment\":{\"amount\":10}}");

        assertThat(OutboxEnvelope.toItem("order", value, NINETY_DAYS).userId()).isEqualTo(userId);
    }

    @Test
    void userRegisteredGoesToTheUsersOwnFeed() {
        String value = envelope("user.registered", userId, "{\"id\":\"" + userId + "\",\"role\":\"customer\"}");

        assertThat(OutboxEnvelope.toItem("user", value, NINETY_DAYS).userId()).isEqualTo(userId);
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

    private String envelope(String type, UUID aggregateId, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + aggregateId
                + "\",\"version\":1,\"occurredAt\":\"2026-11-27T10:00:00.123456Z\",\"data\":" + data + "}";
    }
}
