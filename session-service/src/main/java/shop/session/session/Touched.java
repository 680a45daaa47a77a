package shop.session.session;

import java.time.Instant;

/** The answer to a touch: the session's new expiry. */
public record Touched(String sessionId, String userId, Instant expiresAt) {
}
