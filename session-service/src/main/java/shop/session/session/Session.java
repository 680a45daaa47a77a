package shop.session.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A live session as {@code GET /api/sessions/{token}} shows it (the token itself is never stored). */
public record Session(String sessionId, String userId, List<String> roles, Instant createdAt, Instant expiresAt,
        Map<String, String> data) {
}
