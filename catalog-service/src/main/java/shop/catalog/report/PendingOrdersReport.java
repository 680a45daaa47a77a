package shop.catalog.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Pending orders of the last {@code days} days with more than {@code minItems} units: one query. */
@ApplicationScoped
public class PendingOrdersReport {

    // orders_pending_created_at narrows to recent pending orders; the order_items unique index
    // (order_id, product_id) and the users primary key serve the joins
    private static final String SQL = """
            SELECT o.id, o.total, u.email, SUM(i.quantity) AS item_count
            FROM orders o
            JOIN users u ON u.id = o.user_id
            JOIN order_items i ON i.order_id = o.id
            WHERE o.status = 'PENDING' AND o.created_at >= now() - make_interval(days => :days)
            GROUP BY o.id, o.total, o.created_at, u.email
            HAVING SUM(i.quantity) > :minItems
            ORDER BY o.created_at DESC, o.id
            """;

    private final EntityManager em;

    public PendingOrdersReport(EntityManager em) {
        this.em = em;
    }

    public List<PendingOrder> run(int days, int minItems) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter("days", days)
                .setParameter("minItems", minItems)
                .getResultList();
        return rows.stream()
                .map(row -> new PendingOrder((UUID) row[0], (BigDecimal) row[1], (String) row[2],
                        ((Number) row[3]).longValue()))
                .toList();
    }
}
