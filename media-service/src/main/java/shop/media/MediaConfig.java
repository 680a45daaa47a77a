package shop.media;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** media-service's own settings ({@code media.*}). */
@ConfigMapping(prefix = "media")
public interface MediaConfig {

    /** The S3 bucket holding every product image (env {@code MEDIA_BUCKET}). */
    String bucket();

    /** Readiness checks. */
    Readiness readiness();

    interface Readiness {

        /** How long a readiness check waits for a store before reporting it DOWN. */
        @WithDefault("2S")
        Duration timeout();
    }
}
