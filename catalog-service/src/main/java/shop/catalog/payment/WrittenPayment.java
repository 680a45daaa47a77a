package shop.catalog.payment;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import shop.catalog.order.OrderEvents;

/** What a payment answers: the payment, and {@code eventId}, the id of the order.paid event it published. */
public record WrittenPayment(@JsonUnwrapped PaymentView payment, UUID eventId) {

    static WrittenPayment of(PaymentView payment) {
        return new WrittenPayment(payment, OrderEvents.eventId(payment.orderId(), "order.paid"));
    }
}
