package shop.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** feed-service's own settings ({@code feed.*}). */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** The DynamoDB table holding every user's feed items (env {@code FEED_TABLE}). */
    String table();

    /** How long an item stays in a feed: its {@code ttl} attribute is its occurredAt plus this. */
    @WithDefault("90D")
    Duration ttl();

    /**
     * The Kafka topic malformed events go to, with the reason in header {@code dead-letter-reason}
     * (env {@code FEED_DEAD_LETTER_TOPIC}); the projection's channels name it in their
     * {@code dead-letter-queue.topic}.
     */
    String deadLetterTopic();

    /** Reading a feed. */
    Page page();

    /** The paging cursor. */
    Cursor cursor();

    /** Activities recorded directly through {@code POST /api/feed/{userId}/events}. */
    Activity activity();

    /** Readiness checks. */
    Readiness readiness();

    /** Comparing the feeds with the order events catalog-service implies, and repairing them. */
    Drift drift();

    interface Drift {

        /** Orders read from catalog-service per page, and drifted items repaired per page: at most catalog's lookup limit. */
        @WithDefault("500")
        @Min(1)
        @Max(1000)
        int pageSize();
    }

    interface Page {

        /** Items per page when the request names no {@code limit}. */
        @WithDefault("20")
        int defaultLimit();

        /** The largest {@code limit} a request may ask for. */
        @WithDefault("100")
        int maxLimit();
    }

    interface Cursor {

        /**
         * The HMAC-SHA256 key that signs cursors (env {@code FEED_CURSOR_SECRET}); at least 16
         * characters. Every replica must share it, or a cursor from one is refused by another.
         */
        String secret();
    }

    interface Activity {

        /** The largest {@code data} document accepted, in bytes of its JSON. */
        @WithDefault("16384")
        int maxDataBytes();
    }

    interface Readiness {

        /** How long a readiness check waits for a store before reporting it DOWN. */
        @WithDefault("2S")
        Duration timeout();
    }
}
