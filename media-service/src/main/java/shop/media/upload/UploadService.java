package shop.media.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import shop.media.MediaConfig;
import shop.media.image.ImageKey;
import shop.media.image.ImageService;
import shop.media.image.ImageSpool;
import shop.media.image.ImageStore;
import shop.media.image.ImageType;
import shop.media.image.ImageView;
import shop.kit.problem.Problem;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Direct uploads: the client PUTs the bytes to S3 with a presigned URL (media-service never
 * carries them), then asks media-service to complete, which checks them exactly as an upload
 * through the service would be checked, stores them under their image key and registers them.
 * Completing twice is 409: catalog-service references the image it became.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    /** How often an unreadable state is read before the answer is 503. */
    private static final int STATE_READS = 3;

    private final ImageStore store;
    private final ImageService images;
    private final MediaConfig media;
    private final ObjectMapper json;

    public UploadService(ImageStore store, ImageService images, MediaConfig media, ObjectMapper json) {
        this.store = store;
        this.images = images;
        this.media = media;
        this.json = json;
    }

    public UploadTicket start(NewUpload request) {
        ImageType type = ImageType.ofContentType(request.contentType())
                .orElseThrow(() -> Problem.unsupportedMediaType("contentType must be image/jpeg, image/png or image/webp"));
        if (request.size() > media.maxSize().asLongValue()) {
            throw Problem.tooLarge("the image is larger than " + media.maxSize().asLongValue() + " bytes");
        }
        images.requireProduct(request.productId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Upload upload = new Upload(UUID.randomUUID(), request.productId(), type.contentType(), request.size(), now,
                now.plus(media.uploads().expiry()));
        save(upload);
        PresignedPutObjectRequest presigned = store.presignPut(upload.objectKey(), type.contentType(), upload.size(),
                media.uploads().expiry());
        return new UploadTicket(upload.id(), presigned.url().toString(), "PUT",
                Map.of("Content-Type", type.contentType()), upload.expiresAt(),
                "/api/media/uploads/" + upload.id() + "/complete");
    }

    /**
     * Completes an upload once. Concurrent completions of one upload (a client retrying, two tabs)
     * race here, and nothing they share is rewritten: the state is written once, at {@link #start}.
     * The winner is decided by the one atomic step the stores offer everywhere this suite runs:
     * catalog-service inserting the reference, under a lock on the product, with a unique key
     * (the image id is the upload id, so every contender registers the same key). S3's own
     * conditional write ({@code If-None-Match: *}) is atomic on AWS, but S3Mock 5.2.0 checks the
     * condition before it stores, outside its per-object lock, so two conditional PUTs can both
     * succeed there: it cannot be the arbiter. Losers answer 409, as completing twice does.
     */
    public ImageView complete(UUID id) {
        Upload upload = state(id).orElseThrow(() -> Problem.notFound("upload not found"));
        ImageKey key = upload.imageKey();
        if (registered(key)) {
            throw completedAlready(key);
        }
        try {
            return complete(upload, key);
        } catch (RuntimeException failure) {
            // a concurrent completion won the race (it registered first, or deleted the uploaded
            // bytes as it finished): the same answer as completing twice
            if (registered(key)) {
                throw completedAlready(key);
            }
            throw failure;
        }
    }

    private ImageView complete(Upload upload, ImageKey key) {
        HeadObjectResponse uploaded = store.stat(upload.objectKey())
                .orElseThrow(() -> Problem.refused(Instant.now().isAfter(upload.expiresAt())
                        ? "the upload expired before anything was uploaded" : "nothing has been uploaded yet"));
        // S3 refuses a PUT with an expired URL; checked here too, for stores that do not (S3Mock)
        if (uploaded.lastModified().isAfter(upload.expiresAt())) {
            throw abandon(upload, Problem.refused("the bytes arrived after the upload URL had expired"));
        }
        if (uploaded.contentLength() != upload.size()) {
            throw abandon(upload, Problem.refused("the upload is " + uploaded.contentLength() + " bytes, not the "
                    + upload.size() + " declared"));
        }
        ImageSpool.Spooled spooled = spool(upload, key.type());
        try {
            // a contender behind a faster one finds the same bytes stored already: not written again,
            // so a reader never meets an object half-replaced (S3Mock replaces objects in place)
            if (store.stat(key.value()).isEmpty()) {
                store.put(key, spooled.file(), spooled.type(), spooled.size(), spooled.sha256());
            }
            // the atomic step: catalog-service takes one reference for the key and answers 409 to the rest
            ImageView image = images.reference(key, spooled.type(), spooled.size(), spooled.sha256());
            store.delete(upload.objectKey());
            return image;
        } finally {
            ImageSpool.discard(spooled.file());
        }
    }

    /** Whether catalog-service references the upload's image: the upload is complete. */
    private boolean registered(ImageKey key) {
        return images.references(key);
    }

    private static Problem completedAlready(ImageKey key) {
        return Problem.conflict("the upload is completed already, as " + key.value());
    }

    /**
     * The upload's state. It is written once and never replaced, so an unreadable one is a store
     * answering badly: read again briefly, then 503 (a retry will do), never a 500.
     */
    private Optional<Upload> state(UUID id) {
        for (int attempt = 1;; attempt++) {
            try {
                return store.getJson(Upload.stateKeyOf(id)).map(this::parse);
            } catch (UnreadableState unreadable) {
                if (attempt == STATE_READS) {
                    LOG.warnf("upload %s: state unreadable after %d reads: %s", id, attempt, unreadable.getMessage());
                    throw Problem.unavailable("the upload's state cannot be read right now; retry shortly");
                }
                pause(attempt * 50L);
            }
        }
    }

    /** The uploaded bytes, through the same checks as an upload through the service; refused ones are deleted. */
    private ImageSpool.Spooled spool(Upload upload, ImageType declared) {
        try (ResponseInputStream<GetObjectResponse> bytes = store.open(upload.objectKey())) {
            return ImageSpool.spool(bytes, declared, images.spoolDir(), media.maxSize().asLongValue());
        } catch (Problem refused) {
            throw abandon(upload, refused);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the uploaded object's stream", e);
        }
    }

    /** A refused upload leaves nothing behind: its bytes and its state go. */
    private Problem abandon(Upload upload, Problem reason) {
        store.delete(upload.objectKey());
        store.delete(Upload.stateKeyOf(upload.id()));
        return reason;
    }

    private void save(Upload upload) {
        try {
            store.putJson(Upload.stateKeyOf(upload.id()), json.writeValueAsString(upload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an upload's state is plain data", e);
        }
    }

    private Upload parse(String state) {
        try {
            return json.readValue(state, Upload.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableState(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable("interrupted while reading the upload's state");
        }
    }

    private static final class UnreadableState extends RuntimeException {
        UnreadableState(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }
    }
}
