package shop.search.query;

import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.projection.Arrivals;

/**
 * Readers waiting for the index to hold a product's version (read your own writes,
 * {@code GET /api/search/products/{id}?minVersion=}); the projection reports each version it indexed.
 */
@ApplicationScoped
public class IndexedVersionWaits extends Arrivals<String, Long> {
}
