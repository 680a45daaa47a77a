package shop.media.image;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import shop.media.MediaConfig;
import shop.media.catalog.Catalog;
import shop.media.catalog.ImageReference;
import shop.kit.problem.Problem;

/**
 * Product images: the bytes in S3, the reference in catalog-service. An image is written to S3
 * first and registered second, so a reference never points at nothing; when registering fails,
 * the object is deleted again, and what even that leaves behind the orphan sweep removes.
 */
@ApplicationScoped
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class);

    private final ImageStore store;
    private final Catalog catalog;
    private final MediaConfig media;

    public ImageService(ImageStore store, Catalog catalog, MediaConfig media) {
        this.store = store;
        this.catalog = catalog;
        this.media = media;
    }

    /**
     * Checks the declared type and length and the product, then streams the body through the
     * checks into S3 and registers it. Nothing reaches S3 unless every check passed; a declared
     * length over the limit is refused before a byte is read.
     */
    public ImageView upload(UUID productId, String contentType, Long declaredLength, InputStream body) {
        long maxBytes = media.maxSize().asLongValue();
        if (declaredLength != null && declaredLength > maxBytes) {
            throw Problem.tooLarge("the image is larger than " + maxBytes + " bytes");
        }
        ImageType declared = ImageType.ofContentType(contentType)
                .orElseThrow(() -> Problem.unsupportedMediaType("Content-Type must be image/jpeg, image/png or image/webp"));
        requireProduct(productId);
        ImageSpool.Spooled spooled = ImageSpool.spool(body, declared, spoolDir(), maxBytes);
        try {
            ImageKey key = ImageKey.fresh(productId, spooled.type());
            store.put(key, spooled.file(), spooled.type(), spooled.size(), spooled.sha256());
            return register(key, spooled.type(), spooled.size(), spooled.sha256());
        } finally {
            ImageSpool.discard(spooled.file());
        }
    }

    /**
     * Registers an object stored under a fresh key of its own. When catalog-service refuses or
     * cannot be reached, the object is deleted again: no image without a reference.
     */
    public ImageView register(ImageKey key, ImageType type, long size, String sha256) {
        try {
            return reference(key, type, size, sha256);
        } catch (RuntimeException failure) {
            discard(key.value());
            throw failure;
        }
    }

    /**
     * Registers an object that is in S3 under its image key, and leaves the object alone when that
     * fails: for a key that concurrent requests share (a presigned upload's), where deleting it
     * could pull it from under the one that registers it. What stays unreferenced, the orphan sweep
     * removes. 409 when catalog-service references the key already.
     */
    public ImageView reference(ImageKey key, ImageType type, long size, String sha256) {
        ImageReference reference = catalog.register(key.productId(), key.value(), type.contentType(), size, sha256);
        return ImageView.of(reference, sha256);
    }

    /** Whether catalog-service references this image (false when its product is gone). */
    public boolean references(ImageKey key) {
        return catalog.imagesOf(key.productId()).orElse(List.of()).stream()
                .anyMatch(image -> key.value().equals(image.key()));
    }

    /** The object, streamed, or 304 when the caller's copy is current. Open to anyone. */
    public ImageStore.Read read(String key, String ifNoneMatch, String range) {
        return store.read(ImageKey.parse(key).value(), ifNoneMatch, range);
    }

    /**
     * Removes the reference first (so the catalog never points at a missing object), then the
     * object. 404 only when there was neither.
     */
    public void delete(String rawKey) {
        ImageKey key = ImageKey.parse(rawKey);
        Optional<ImageReference> reference = catalog.imagesOf(key.productId()).orElse(List.of()).stream()
                .filter(image -> key.value().equals(image.key()))
                .findFirst();
        boolean unregistered = reference.isPresent()
                && catalog.unregister(key.productId(), reference.get().id());
        boolean stored = store.stat(key.value()).isPresent();
        if (!unregistered && !stored) {
            throw Problem.notFound("image not found");
        }
        if (stored) {
            store.delete(key.value());
        }
    }

    /** 404 before a byte is read when the product does not exist. */
    public void requireProduct(UUID productId) {
        if (!catalog.hasProduct(productId)) {
            throw Problem.notFound("product not found");
        }
    }

    /** Deletes an object that must not stay; if even that fails, the orphan sweep will. */
    public void discard(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException failure) {
            LOG.warnf("could not delete %s after a failed registration (%s); the orphan sweep will", key,
                    failure.getMessage());
        }
    }

    /** Where uploads are spooled while they are checked. */
    public Path spoolDir() {
        return media.spoolDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"), "media-spool"));
    }
}
