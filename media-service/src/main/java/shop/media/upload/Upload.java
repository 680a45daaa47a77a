package shop.media.upload;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import shop.media.image.ImageKey;
import shop.media.image.ImageType;

/**
 * A presigned upload's state, kept as a small JSON object next to the uploaded bytes
 * ({@code uploads/<id>.json}). In S3 rather than in memory so that it survives a restart and is
 * shared by every instance, and rather than in PostgreSQL because media-service owns no database:
 * the state lives and dies with the object it describes, and the orphan sweep removes both.
 * Written once and never replaced: concurrent completions read it while none of them writes it
 * (states of earlier versions carried more fields; they are ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Upload(UUID id, UUID productId, String contentType, long size, Instant createdAt, Instant expiresAt) {

    public static final String PREFIX = "uploads/";

    /** Where the client PUTs the bytes. */
    public String objectKey() {
        return objectKeyOf(id);
    }

    public static String objectKeyOf(UUID id) {
        return PREFIX + id;
    }

    public static String stateKeyOf(UUID id) {
        return PREFIX + id + ".json";
    }

    /** The image the upload becomes: its id is the upload's, so every completion names the same key. */
    public ImageKey imageKey() {
        return new ImageKey(productId, id, ImageType.ofContentType(contentType).orElseThrow());
    }
}
