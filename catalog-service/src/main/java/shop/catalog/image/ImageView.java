package shop.catalog.image;

import java.time.Instant;
import java.util.UUID;

public record ImageView(UUID id, UUID productId, String key, String url, String contentType, long size, String sha256,
        Instant createdAt) {
}
