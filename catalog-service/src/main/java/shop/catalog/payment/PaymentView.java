package shop.catalog.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record PaymentView(UUID id, UUID orderId, BigDecimal amount, String method, String status, Instant createdAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id, payment.orderId, payment.amount, payment.method, payment.status,
                payment.createdAt);
    }
}
