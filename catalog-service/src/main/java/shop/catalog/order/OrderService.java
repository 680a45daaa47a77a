package shop.catalog.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import shop.catalog.idempotency.Idempotency;
import shop.catalog.idempotency.Idempotency.Reply;
import shop.catalog.outbox.Outbox;
import shop.catalog.payment.PaymentView;
import shop.catalog.product.Product;
import shop.catalog.product.ProductService;
import shop.catalog.user.User;
import shop.kit.identity.Caller;
import shop.kit.problem.Problem;

/** Placing and cancelling orders: stock, prices and the order change in one transaction with their events. */
@ApplicationScoped
public class OrderService {

    private final EntityManager em;
    private final Outbox outbox;
    private final ProductService products;
    private final Idempotency idempotency;
    private final Caller caller;

    public OrderService(EntityManager em, Outbox outbox, ProductService products, Idempotency idempotency,
            Caller caller) {
        this.em = em;
        this.outbox = outbox;
        this.products = products;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    /**
     * 201 with the order; replayed for a repeated {@code Idempotency-Key} with the same body. An
     * order in another user's name is for admins only (403: the caller names that user themselves).
     */
    @Transactional
    public Reply place(NewOrder request, String idempotencyKey) {
        UUID callerId = caller.signedIn();
        if (!caller.mayActFor(request.userId())) {
            throw Problem.forbidden("only an admin may act for another user");
        }
        return idempotency.once("orders:" + callerId, idempotencyKey, request, () -> new Reply(201, WrittenOrder.of(place(request), "order.placed")));
    }

    private OrderView place(NewOrder request) {
        if (!userExists(request.userId())) {
            throw Problem.refused("unknown user " + request.userId());
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.userId = request.userId();
        order.status = Order.Status.PENDING;
        order.version = 1;
        order.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        order.total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<UUID, Integer> line : Totals.quantitiesByProduct(request.items()).entrySet()) {
            Product product = take(line.getKey(), line.getValue());
            if (order.currency == null) {
                order.currency = product.currency;
            } else if (!order.currency.equals(product.currency)) {
                throw Problem.refused("all products of an order must have the same currency");
            }
            OrderItem item = new OrderItem();
            item.order = order;
            item.productId = product.id;
            item.name = product.name;
            item.quantity = line.getValue();
            item.unitPrice = product.price;
            order.items.add(item);
            order.total = order.total.add(Totals.lineTotal(product.price, item.quantity));
        }
        order.persist();
        return published(order, "order.placed", null);
    }

    /** Only whether the user exists: loading the whole entity (its password hash included) would buy nothing. */
    private boolean userExists(UUID userId) {
        return !em.createNativeQuery("SELECT 1 FROM users WHERE id = :id").setParameter("id", userId)
                .getResultList().isEmpty();
    }

    /** Takes stock for an order line: 409 when short, 422 when the product does not exist. */
    private Product take(UUID productId, int quantity) {
        return changeStock(productId, -quantity).orElseThrow(() -> Product.findById(productId) == null
                ? Problem.refused("unknown product " + productId)
                : Problem.conflict("not enough stock of product " + productId));
    }

    /**
     * {@code stock += delta} with one conditional UPDATE: it waits for a concurrent buyer's row
     * lock and re-checks {@code stock + delta >= 0}, so two buyers can never both take the last
     * unit. RETURNING hands back the row as the UPDATE left it (price, version, stock) in the same
     * round trip; empty when the product is gone or short.
     */
    private Optional<Product> changeStock(UUID productId, int delta) {
        @SuppressWarnings("unchecked")
        List<Product> changed = em.createNativeQuery("UPDATE products SET stock = stock + :delta,"
                        + " version = version + 1, updated_at = now() WHERE id = :id AND stock + :delta >= 0"
                        + " RETURNING *", Product.class)
                .setParameter("delta", delta)
                .setParameter("id", productId)
                .getResultList();
        changed.forEach(products::stockChanged);
        return changed.stream().findFirst();
    }

    public OrderView find(UUID id) {
        caller.signedIn();
        Order order = Order.<Order>findByIdOptional(id).orElseThrow(() -> Problem.notFound("order not found"));
        caller.requireOwnOrAdmin(order.userId, "order");
        return OrderView.of(order);
    }

    public List<OrderView> ofUser(UUID userId) {
        caller.requireOwnOrAdmin(userId, "user");
        if (User.findById(userId) == null) {
            throw Problem.notFound("user not found");
        }
        return Order.<Order>list("userId = ?1 order by createdAt desc", userId).stream().map(OrderView::of).toList();
    }

    /** Cancels a pending order and puts its stock back. */
    @Transactional
    public WrittenOrder cancel(UUID id) {
        Order order = lockedForChange(id);
        if (order.status != Order.Status.PENDING) {
            throw Problem.refused("only a pending order can be cancelled; this one is " + order.status);
        }
        for (OrderItem item : order.items) {
            if (item.productId == null) {
                continue; // the product is gone; there is no stock to give back
            }
            changeStock(item.productId, item.quantity);
        }
        order.status = Order.Status.CANCELLED;
        order.version++;
        order.cancelledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return WrittenOrder.of(published(order, "order.cancelled", null), "order.cancelled");
    }

    /** Marks a pending order paid (version + 1) and publishes order.paid with the payment. In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(Order order, PaymentView payment) {
        order.status = Order.Status.PAID;
        order.version++;
        published(order, "order.paid", payment);
    }

    /**
     * Every order event goes out here, so all of them carry the one order shape (with the payment once
     * paid), with the id and time OrderEvents derives from the order: the same the drift check derives.
     */
    private OrderView published(Order order, String type, PaymentView payment) {
        OrderView view = OrderView.of(order);
        outbox.publish(OrderEvents.eventId(order.id, type), OrderEvents.occurredAt(order, type, payment), "order",
                order.id, type, order.version, new OrderEvent(view, payment));
        return view;
    }

    /** The caller's order (or any, for an admin), locked until the transaction ends; 404 otherwise. */
    public Order lockedForChange(UUID id) {
        caller.signedIn();
        Order order = Order.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw Problem.notFound("order not found");
        }
        caller.requireOwnOrAdmin(order.userId, "order");
        return order;
    }
}
