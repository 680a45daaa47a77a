package shop.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code session.*}: every property can be overridden by its environment variable ({@code SESSION_TTL}, ...). */
@ConfigMapping(prefix = "session")
public interface SessionConfig {

    /** How long a session lives when the request names no {@code ttlSeconds}; also how far a touch extends it. */
    @WithDefault("24H")
    Duration ttl();

    /** How many live sessions one user may hold; creating one more ends the oldest. */
    @WithDefault("100")
    int maxPerUser();

    /** How long opening a notification stream waits for Redis to confirm the subscription (then 503). */
    @WithDefault("2S")
    Duration subscribeTimeout();
}
