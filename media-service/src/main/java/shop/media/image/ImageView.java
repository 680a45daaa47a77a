package shop.media.image;

import java.util.UUID;

import shop.media.catalog.ImageReference;

/** An image as media-service answers for it: catalog's reference plus the object's SHA-256. */
public record ImageView(UUID id, UUID productId, String key, String url, String contentType, long size,
        String sha256) {

    static ImageView of(ImageReference reference, String sha256) {
        return new ImageView(reference.id(), reference.productId(), reference.key(), reference.url(),
                reference.contentType(), reference.size(), sha256);
    }
}
