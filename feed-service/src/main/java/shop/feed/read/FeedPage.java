package shop.feed.read;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of a feed, newest first; {@code nextCursor} is null on the last page. {@code stale} only
 * when the reader waited for an event ({@code after}): true when the answer came at the deadline
 * without it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedPage(List<FeedEntry> items, String nextCursor, Boolean stale) {

    public FeedPage(List<FeedEntry> items, String nextCursor) {
        this(items, nextCursor, null);
    }

    /** Whether the page holds the event. */
    public boolean holds(UUID eventId) {
        return items.stream().anyMatch(item -> eventId.toString().equals(item.eventId()));
    }

    FeedPage stale(boolean stale) {
        return new FeedPage(items, nextCursor, stale);
    }
}
