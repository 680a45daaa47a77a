package shop.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** search-service's own settings ({@code search.*}). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Readiness checks. */
    Readiness readiness();

    interface Readiness {

        /** How long a readiness check waits for a store before reporting it DOWN. */
        @WithDefault("2S")
        Duration timeout();
    }
}
