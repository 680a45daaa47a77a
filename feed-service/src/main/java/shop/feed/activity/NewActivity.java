package shop.feed.activity;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import shop.feed.item.FeedItem;

/** {@code POST /api/feed/{userId}/events}: an activity (a view, a click) and its JSON document. */
public record NewActivity(
        @NotNull @Size(max = FeedItem.TYPE_MAX_LENGTH) @Pattern(regexp = FeedItem.TYPE_PATTERN,
                message = "must be lower-case words joined by dots, e.g. product.viewed") String type,
        JsonNode data) {
}
