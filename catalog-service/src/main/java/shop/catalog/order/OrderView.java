package shop.catalog.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API and the order.* events show it. */
public record OrderView(UUID id, UUID userId, String status, List<Item> items, BigDecimal total, String currency,
        long version, Instant createdAt) {

    public record Item(UUID productId, String name, int quantity, BigDecimal unitPrice) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id, order.userId, order.status.name(),
                order.items.stream().map(i -> new Item(i.productId, i.name, i.quantity, i.unitPrice)).toList(),
                order.total, order.currency, order.version, order.createdAt);
    }
}
