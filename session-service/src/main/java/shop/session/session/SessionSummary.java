package shop.session.session;

import java.time.Instant;
import java.util.List;

/** One of a user's live sessions, without its token. */
public record SessionSummary(String sessionId, List<String> roles, Instant createdAt, Instant expiresAt) {
}
