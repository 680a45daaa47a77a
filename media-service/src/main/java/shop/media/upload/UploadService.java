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

import shop.media.MediaConfig;
import shop.media.access.Access;
import shop.media.access.Caller;
import shop.media.image.ImageKey;
import shop.media.image.ImageService;
import shop.media.image.ImageSpool;
import shop.media.image.ImageStore;
import shop.media.image.ImageType;
import shop.media.image.ImageView;
import shop.media.problem.Problem;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Direct uploads: the client PUTs the bytes to S3 with a presigned URL (media-service never
 * carries them), then asks media-service to complete, which checks them exactly as an upload
 * through the service would be checked, stores them under their image key and registers them.
 * Completing twice is 409: the state remembers the image it became.
 */
@ApplicationScoped
public class UploadService {

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

    public UploadTicket start(NewUpload request, Caller caller) {
        Access.admin(caller);
        ImageType type = ImageType.ofContentType(request.contentType())
                .orElseThrow(() -> Problem.unsupported("contentType must be image/jpeg, image/png or image/webp"));
        if (request.size() > media.maxSize().asLongValue()) {
            throw Problem.tooLarge(media.maxSize().asLongValue());
        }
        images.requireProduct(request.productId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Upload upload = new Upload(UUID.randomUUID(), request.productId(), type.contentType(), request.size(), now,
                now.plus(media.uploads().expiry()), null);
        save(upload);
        PresignedPutObjectRequest presigned = store.presignPut(upload.objectKey(), type.contentType(), upload.size(),
                media.uploads().expiry());
        return new UploadTicket(upload.id(), presigned.url().toString(), "PUT",
                Map.of("Content-Type", type.contentType()), upload.expiresAt(),
                "/api/media/uploads/" + upload.id() + "/complete");
    }

    public ImageView complete(UUID id, Caller caller) {
        Access.admin(caller);
        Upload upload = state(id).orElseThrow(() -> Problem.notFound("upload not found"));
        if (upload.completed()) {
            throw Problem.conflict("the upload is completed already, as " + upload.completedKey());
        }
        try {
            return complete(upload, caller);
        } catch (RuntimeException failure) {
            // a concurrent completion of the same upload won the race: the same answer as completing twice
            Optional<Upload> now = state(id).filter(Upload::completed);
            if (now.isPresent()) {
                throw Problem.conflict("the upload is completed already, as " + now.get().completedKey());
            }
            throw failure;
        }
    }

    private Optional<Upload> state(UUID id) {
        return store.getJson(Upload.stateKeyOf(id)).map(this::parse);
    }

    private ImageView complete(Upload upload, Caller caller) {
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
        ImageType declared = ImageType.ofContentType(upload.contentType()).orElseThrow();
        ImageSpool.Spooled spooled = spool(upload, declared);
        try {
            // the image id is the upload id: concurrent completions write one object and one reference
            ImageKey key = new ImageKey(upload.productId(), upload.id(), spooled.type());
            store.put(key, spooled.file(), spooled.type(), spooled.size(), spooled.sha256());
            ImageView image = images.register(key, spooled.type(), spooled.size(), spooled.sha256(), caller);
            save(upload.completedAs(key.value()));
            store.delete(upload.objectKey());
            return image;
        } finally {
            ImageSpool.discard(spooled.file());
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
            throw new IllegalStateException("unreadable upload state", e);
        }
    }
}
