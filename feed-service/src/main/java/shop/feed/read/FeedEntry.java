package shop.feed.read;

import com.fasterxml.jackson.annotation.JsonRawValue;

import shop.feed.item.FeedItem;

/** One item as the API shows it; {@code data} is the stored JSON document, passed through as is. */
public record FeedEntry(String eventId, String type, String occurredAt, @JsonRawValue String data) {

    public static FeedEntry of(FeedItem item) {
        return new FeedEntry(item.eventId().toString(), item.type(), item.occurredAt().toString(), item.data());
    }
}
