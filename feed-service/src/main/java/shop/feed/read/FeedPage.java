package shop.feed.read;

import java.util.List;

/** A page of a feed, newest first; {@code nextCursor} is null on the last page. */
public record FeedPage(List<FeedEntry> items, String nextCursor) {
}
