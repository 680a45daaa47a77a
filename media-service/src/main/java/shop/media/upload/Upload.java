package shop.media.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * A presigned upload's state, kept as a small JSON object next to the uploaded bytes
 * ({@code uploads/<id>.json}). In S3 rather than in memory so that it survives a restart and is
 * shared by every instance, and rather than in PostgreSQL because media-service owns no database:
 * the state lives and dies with the object it describes, and the orphan sweep removes both.
 */
public record Upload(UUID id, UUID productId, String contentType, long size, Instant createdAt, Instant expiresAt,
        String completedKey) {

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

    public boolean completed() {
        return completedKey != null;
    }

    public Upload completedAs(String key) {
        return new Upload(id, productId, contentType, size, createdAt, expiresAt, key);
    }
}
