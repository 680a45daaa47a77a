package shop.feed.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data of an order.* event in its one shape (events/schemas/order.schema.json): the order,
 * with its {@code payment} once paid. Everything after {@link #of} reads that shape only.
 *
 * <p>The one place that knows a retired shape: {@code order.paid} used to carry
 * {@code {order, payment}}, and events of that shape can still be in {@code outbox.event.order}
 * (a new consumer group reads the topic from its start) until its retention has passed over them
 * since catalog-service writes the one shape everywhere. They are read as the order with the
 * payment beside its fields, so feed items carry one shape too. Remove the conversion (and the
 * events module's retired schema) then: deploy/RELEASING.md, "Events".
 */
public final class OrderData {

    private OrderData() {
    }

    public static JsonNode of(String type, JsonNode data) {
        if (!isRetiredPaid(type, data)) {
            return data;
        }
        ObjectNode order = data.path("order").deepCopy();
        order.set("payment", data.path("payment"));
        return order;
    }

    /** order.paid as {order, payment}: the order under its own key, not its fields at the top. */
    private static boolean isRetiredPaid(String type, JsonNode data) {
        return "order.paid".equals(type) && data.path("order").isObject() && !data.has("id");
    }
}
