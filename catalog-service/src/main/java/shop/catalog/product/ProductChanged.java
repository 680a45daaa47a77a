package shop.catalog.product;

import java.util.UUID;

/** Fired inside a transaction that wrote a product; the cache drops it once that transaction commits. */
public record ProductChanged(UUID id) {
}
