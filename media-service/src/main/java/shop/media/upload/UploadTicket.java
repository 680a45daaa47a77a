package shop.media.upload;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to POST /api/media/uploads: PUT the bytes to {@code url} with exactly these
 * {@code headers} before {@code expiresAt}, then POST {@code completeUrl}.
 */
public record UploadTicket(UUID id, String url, String method, Map<String, String> headers, Instant expiresAt,
        String completeUrl) {
}
