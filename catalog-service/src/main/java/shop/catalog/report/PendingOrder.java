package shop.catalog.report;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of the pending-orders report; itemCount is the number of units (sum of quantities). */
public record PendingOrder(UUID orderId, BigDecimal total, String email, long itemCount) {
}
