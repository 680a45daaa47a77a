package shop.feed.activity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import shop.feed.FeedConfig;
import shop.feed.item.FeedItem;
import shop.feed.item.FeedTable;
import shop.kit.problem.Problem;
import shop.feed.read.FeedEntry;

/** Records a client's activity straight into the user's feed, with the same shape and TTL as a projected event. */
@ApplicationScoped
public class ActivityRecorder {

    private final FeedTable table;
    private final ObjectMapper json;
    private final FeedConfig config;
    private final Clock clock;

    ActivityRecorder(FeedTable table, ObjectMapper json, FeedConfig config) {
        this.table = table;
        this.json = json;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public FeedEntry record(UUID userId, NewActivity activity) {
        if (activity.data() != null && !activity.data().isObject() && !activity.data().isNull()) {
            throw Problem.invalid("data", "must be a JSON object");
        }
        String data = write(activity.data());
        int maxBytes = config.activity().maxDataBytes();
        if (data.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw Problem.invalid("data", "must be at most " + maxBytes + " bytes of JSON");
        }
        // millis: what the sort key keeps, so the item and its key tell the same time
        FeedItem item = FeedItem.of(userId, UUID.randomUUID(), activity.type(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), data, config.ttl());
        table.add(item);
        return FeedEntry.of(item);
    }

    private String write(JsonNode data) {
        if (data == null || data.isNull()) {
            return "{}";
        }
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
    }
}
