package shop.feed;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** feed-service's own settings ({@code feed.*}). */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** The DynamoDB table holding every user's feed items (env {@code FEED_TABLE}). */
    String table();

    /** Readiness checks. */
    Readiness readiness();

    interface Readiness {

        /** How long a readiness check waits for a store before reporting it DOWN. */
        @WithDefault("2S")
        Duration timeout();
    }
}
