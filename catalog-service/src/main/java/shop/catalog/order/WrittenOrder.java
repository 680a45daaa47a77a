package shop.catalog.order;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What an order write answers: the order as the API shows it, and {@code eventId}, the id of the
 * order event the write published, so that a client can read its own write in its feed
 * ({@code GET /api/feed/{userId}?after=<eventId>&waitMs=}).
 */
public record WrittenOrder(@JsonUnwrapped OrderView order, UUID eventId) {

    static WrittenOrder of(OrderView order, String type) {
        return new WrittenOrder(order, OrderEvents.eventId(order.id(), type));
    }
}
