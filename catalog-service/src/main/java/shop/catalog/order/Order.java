package shop.catalog.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An order (V4__orders_and_payments.sql); status changes take a row lock, so versions are counted by hand. */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    public enum Status {
        PENDING, PAID, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it was cancelled (null unless CANCELLED): the time of its order.cancelled event. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<OrderItem> items = new ArrayList<>();
}
