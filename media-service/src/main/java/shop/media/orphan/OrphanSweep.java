package shop.media.orphan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import shop.media.MediaConfig;
import shop.media.catalog.Catalog;
import shop.media.catalog.ImageReference;
import shop.media.image.ImageKey;
import shop.media.image.ImageStore;
import shop.kit.problem.Problem;
import shop.media.upload.Upload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes what no reference points at: image objects whose registration failed and whose
 * deletion failed too, images of deleted products, and presigned uploads never completed.
 * Only objects older than the grace period are touched, so an upload between its PUT and its
 * registration is never swept; and when catalog-service cannot answer for a product, that
 * product's objects are kept: the sweep deletes only what it knows to be unreferenced.
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);

    private final ImageStore store;
    private final Catalog catalog;
    private final MediaConfig media;

    public OrphanSweep(ImageStore store, Catalog catalog, MediaConfig media) {
        this.store = store;
        this.catalog = catalog;
        this.media = media;
    }

    @Scheduled(every = "${media.orphans.every:15m}", delayed = "${media.orphans.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int images = sweepImages(ImageKey.PREFIX, media.orphans().grace());
        int uploads = sweepUploads(media.orphans().grace().plus(media.uploads().expiry()));
        if (images + uploads > 0) {
            LOG.infof("orphan sweep removed %d images and %d upload objects", images, uploads);
        }
    }

    /** Deletes the unreferenced image objects under {@code prefix} older than {@code grace}; returns how many. */
    public int sweepImages(String prefix, Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        Map<UUID, List<S3Object>> byProduct = store.list(prefix)
                .filter(object -> !object.lastModified().isAfter(cutoff))
                .filter(object -> ImageKey.isImageKey(object.key()))
                .collect(Collectors.groupingBy(object -> ImageKey.parse(object.key()).productId()));
        int images = 0;
        for (Map.Entry<UUID, List<S3Object>> product : byProduct.entrySet()) {
            Optional<Set<String>> referenced = referencedKeys(product.getKey());
            if (referenced.isEmpty()) {
                continue;
            }
            for (S3Object object : product.getValue()) {
                if (!referenced.get().contains(object.key())) {
                    store.delete(object.key());
                    images++;
                }
            }
        }
        return images;
    }

    /**
     * Deletes upload objects and states older than {@code age}: a completed or abandoned upload is
     * of no use once its URL has expired; returns how many.
     */
    public int sweepUploads(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        List<String> old = store.list(Upload.PREFIX)
                .filter(object -> !object.lastModified().isAfter(cutoff))
                .map(S3Object::key)
                .toList();
        old.forEach(store::delete);
        return old.size();
    }

    /** The product's referenced keys; none when the product is gone; empty (unknown) when catalog cannot say. */
    private Optional<Set<String>> referencedKeys(UUID productId) {
        try {
            return Optional.of(catalog.imagesOf(productId).orElse(List.of()).stream()
                    .map(ImageReference::key).collect(Collectors.toSet()));
        } catch (Problem unavailable) {
            LOG.warnf("orphan sweep skips product %s: %s", productId, unavailable.getMessage());
            return Optional.empty();
        }
    }
}
