package shop.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product as the API, the cache and the product.* events show it. */
public record ProductView(UUID id, String sku, String name, String description, String brand, BigDecimal price,
        String currency, List<String> tags, int stock, long version, Instant createdAt, Instant updatedAt) {

    public static ProductView of(Product p) {
        return new ProductView(p.id, p.sku, p.name, p.description, p.brand, p.price.setScale(2, RoundingMode.UNNECESSARY),
                p.currency, List.copyOf(p.tags), p.stock, p.version, p.createdAt, p.updatedAt);
    }
}
