package shop.feed.item;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a user's feed: an outbox event that concerns the user, or an activity recorded
 * directly. {@code data} is the event's JSON document as received; {@code ttl} is the epoch
 * second after which the item is no longer shown (and DynamoDB deletes it).
 */
public record FeedItem(UUID userId, UUID eventId, String type, Instant occurredAt, String data, long ttl) {

    /** What a type looks like: lower-case words joined by dots ({@code order.paid}, {@code product.viewed}). */
    public static final String TYPE_PATTERN = "[a-z]+(\\.[a-z]+)*";
    public static final int TYPE_MAX_LENGTH = 64;

    /** An item kept for {@code retention} after it occurred (ttl in epoch seconds, as DynamoDB TTL wants it). */
    public static FeedItem of(UUID userId, UUID eventId, String type, Instant occurredAt, String data,
            Duration retention) {
        return new FeedItem(userId, eventId, type, occurredAt, data, occurredAt.plus(retention).getEpochSecond());
    }

    public static boolean isType(String type) {
        return type != null && type.length() <= TYPE_MAX_LENGTH && type.matches(TYPE_PATTERN);
    }

    /** Where the item sorts in its user's partition: newest last, ties broken by event id. */
    public String sortKey() {
        return FeedKeys.sortKey(occurredAt, eventId);
    }
}
