package shop.catalog.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Pure order arithmetic. */
public final class Totals {

    private Totals() {
    }

    /**
     * One quantity per product (a product named twice is bought once, with the quantities added),
     * in product-id order: concurrent orders then lock the same rows in the same order and never deadlock.
     */
    public static Map<UUID, Integer> quantitiesByProduct(Collection<NewOrder.Line> lines) {
        Map<UUID, Integer> quantities = new TreeMap<>();
        for (NewOrder.Line line : lines) {
            quantities.merge(line.productId(), line.quantity(), Math::addExact);
        }
        return quantities;
    }

    public static BigDecimal lineTotal(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY);
    }
}
