package shop.catalog.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import shop.catalog.payment.PaymentView;

/**
 * The order.* events an order implies, derived from the order itself: {@code order.placed} at its
 * creation, {@code order.paid} at its payment, {@code order.cancelled} at its cancellation. The id
 * and time of each are functions of the order (a name-based UUID of the order id and type; the
 * order's, the payment's or the cancellation's time), used both when the event is published and
 * when a view is checked against the source (GET /internal/orders/events), so that a repair writes
 * exactly the item the event would have made, and a late event finds it there.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** The id of the order's event of {@code type}: the same every time it is asked for. */
    public static UUID eventId(UUID orderId, String type) {
        return UUID.nameUUIDFromBytes(("order-event:" + orderId + ":" + type).getBytes(StandardCharsets.UTF_8));
    }

    static Instant occurredAt(Order order, String type, PaymentView payment) {
        return switch (type) {
            case "order.placed" -> order.createdAt;
            case "order.paid" -> payment.createdAt();
            case "order.cancelled" -> order.cancelledAt;
            default -> throw new IllegalArgumentException("not an order event: " + type);
        };
    }

    /**
     * The envelopes {@code {eventId, type, aggregateId, version, occurredAt, data}} of every event the
     * order implies, oldest first, each with the order as it was then (status and version of that
     * moment). {@code payment}: its successful payment, or null.
     */
    static List<Map<String, Object>> implied(Order order, PaymentView payment) {
        List<Map<String, Object>> events = new ArrayList<>();
        OrderView now = OrderView.of(order);
        events.add(envelope(order, "order.placed", as(now, "PENDING", 1), null));
        if (payment != null) {
            events.add(envelope(order, "order.paid", as(now, "PAID", 2), payment));
        }
        if (order.status == Order.Status.CANCELLED && order.cancelledAt != null) {
            events.add(envelope(order, "order.cancelled", as(now, "CANCELLED", 2), null));
        }
        return events;
    }

    private static OrderView as(OrderView order, String status, long version) {
        return new OrderView(order.id(), order.userId(), status, order.items(), order.total(), order.currency(), version,
                order.createdAt());
    }

    private static Map<String, Object> envelope(Order order, String type, OrderView then, PaymentView payment) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId(order.id, type).toString());
        envelope.put("type", type);
        envelope.put("aggregateId", order.id.toString());
        envelope.put("version", then.version());
        envelope.put("occurredAt", occurredAt(order, type, payment).toString());
        envelope.put("data", new OrderEvent(then, payment));
        return envelope;
    }
}
