package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Views;

/**
 * The feed end to end through the real pipeline: catalog-service writes a user, orders and their
 * outbox rows in PostgreSQL, Debezium publishes them to Kafka, feed-service writes them into the
 * buyer's feed in DynamoDB, and the feed API shows them, every order event in the one order shape.
 * (What the feed does with an event once it has it: feed-service's own tests.)
 */
class FeedPipelineTest {

    @Test
    void placingPayingAndCancellingOrdersShowUpInTheBuyersFeedNewestFirst() {
        UUID buyer = Catalog.register();
        Product lamp = Catalog.createProduct("Feed lamp", "A lamp", "Acme", "24.50", List.of("home"));
        UUID paid = Catalog.placeOrder(buyer, lamp, 2);
        Catalog.pay(buyer, paid, "49.00");
        UUID cancelled = Catalog.placeOrder(buyer, lamp, 1);
        Catalog.cancel(buyer, cancelled);

        JsonPath feed = Views.awaitFeed(buyer, 5);

        List<Map<String, Object>> items = feed.getList("items");
        assertThat(items).extracting("type", "data.id").containsExactly(
                tuple("order.cancelled", cancelled.toString()),
                tuple("order.placed", cancelled.toString()),
                tuple("order.paid", paid.toString()),
                tuple("order.placed", paid.toString()),
                tuple("user.registered", buyer.toString()));
        assertThat(items.subList(0, 4)).extracting("data.status").containsExactly("CANCELLED", "PENDING", "PAID",
                "PENDING");
        // the one order shape: order.paid's payment beside the order's fields
        assertThat(feed.getString("items[2].data.payment.orderId")).isEqualTo(paid.toString());
        List<Instant> times = feed.getList("items.occurredAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
}
