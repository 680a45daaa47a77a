package shop.session.session;

import java.time.Instant;

/** The answer to {@code POST /api/sessions}: the only time the token is handed out. */
public record CreatedSession(String token, String sessionId, String userId, Instant expiresAt) {
}
