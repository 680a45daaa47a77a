package shop.session.notification;

import java.time.Instant;

/** What travels over Redis pub/sub and out as one SSE event. */
public record Notification(String id, String userId, String message, Instant sentAt) {
}
