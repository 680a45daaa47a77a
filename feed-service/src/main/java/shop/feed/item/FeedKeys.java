package shop.feed.item;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The table's keys: {@code PK = USER#<userId>}, {@code SK = EVENT#<epochMillis>#<eventId>}. The
 * epoch is zero-padded to 13 digits (enough until the year 2286) because DynamoDB compares sort
 * keys as strings: unpadded, {@code 999} would sort after {@code 1000}.
 */
public final class FeedKeys {

    static final int EPOCH_DIGITS = 13;
    private static final Pattern SORT_KEY = Pattern.compile(
            "EVENT#([0-9]{13})#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private FeedKeys() {
    }

    public static String partitionKey(UUID userId) {
        return "USER#" + userId;
    }

    public static String sortKey(Instant occurredAt, UUID eventId) {
        long millis = occurredAt.toEpochMilli();
        if (millis < 0 || Long.toString(millis).length() > EPOCH_DIGITS) {
            throw new IllegalArgumentException("occurredAt out of range: " + occurredAt);
        }
        return String.format("EVENT#%0" + EPOCH_DIGITS + "d#%s", millis, eventId);
    }

    /** The lowest sort key of an item that occurred at or after {@code from} (a key condition's bound). */
    public static String sortKeyFrom(Instant from) {
        return String.format("EVENT#%0" + EPOCH_DIGITS + "d#", Math.max(0, from.toEpochMilli()));
    }

    /** Whether {@code value} is a sort key this service writes (the shape a cursor must carry). */
    public static boolean isSortKey(String value) {
        return value != null && SORT_KEY.matcher(value).matches();
    }
}
