package shop.media.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An image reference as catalog-service keeps it (PostgreSQL, table product_images). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageReference(UUID id, UUID productId, String key, String url, String contentType, long size,
        String sha256) {
}
