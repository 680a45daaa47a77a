package shop.session.session;

import java.util.List;

/** A user's live sessions, newest first. */
public record UserSessions(String userId, List<SessionSummary> sessions) {
}
