package shop.catalog.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import shop.catalog.idempotency.Idempotency;
import shop.catalog.idempotency.Idempotency.Reply;
import shop.catalog.order.Order;
import shop.catalog.order.OrderService;
import shop.kit.identity.Caller;
import shop.kit.problem.Problem;

/** Paying an order: the payment, the order's new status and order.paid in one transaction. */
@ApplicationScoped
public class PaymentService {

    /** What the idempotency fingerprint covers: the order paid and the body. */
    record Request(UUID orderId, NewPayment payment) {
    }

    private final OrderService orders;
    private final Idempotency idempotency;
    private final Caller caller;

    public PaymentService(OrderService orders, Idempotency idempotency, Caller caller) {
        this.orders = orders;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /** The caller's own order, or any for an admin (404 for another user's). */
    @Transactional
    public Reply pay(UUID orderId, NewPayment payment, String idempotencyKey) {
        UUID callerId = caller.signedIn();
        return idempotency.once("payments:" + callerId, idempotencyKey, new Request(orderId, payment),
                () -> new Reply(201, WrittenPayment.of(pay(orderId, payment))));
    }

    private PaymentView pay(UUID orderId, NewPayment request) {
        Order order = orders.lockedForChange(orderId);
        if (order.status != Order.Status.PENDING) {
            throw Problem.refused("only a pending order can be paid; this one is " + order.status);
        }
        if (request.amount().compareTo(order.total) != 0) {
            throw Problem.refused("the amount must be the order's total, " + order.total + " " + order.currency);
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = order.id;
        payment.amount = order.total;
        payment.method = request.method();
        payment.status = Payment.SUCCEEDED;
        payment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        payment.persist();
        PaymentView view = PaymentView.of(payment);
        orders.paid(order, view);
        return view;
    }
}
