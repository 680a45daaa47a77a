package shop.media;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** media-service's own settings ({@code media.*}). */
@ConfigMapping(prefix = "media")
public interface MediaConfig {

    /** The S3 bucket holding every product image (env {@code MEDIA_BUCKET}). */
    String bucket();

    /** The largest image accepted, by upload or presigned upload; past it the answer is 413. */
    @WithDefault("10M")
    MemorySize maxSize();

    /**
     * Where an upload is spooled while it is checked (magic number, size, SHA-256) before it goes
     * to S3; at most {@link #maxSize()} per upload in flight. Default: {@code media-spool} in the
     * JVM's temp directory.
     */
    Optional<String> spoolDir();

    /** Presigned direct uploads. */
    Uploads uploads();

    /** The scheduled sweep of objects no reference points at. */
    Orphans orphans();

    /** Readiness checks. */
    Readiness readiness();

    interface Uploads {

        /** How long a presigned PUT URL is valid; also the deadline for the PUT itself at completion. */
        @WithDefault("5M")
        Duration expiry();
    }

    interface Orphans {

        /** How often the sweep runs (a Quarkus {@code every} value: {@code 15m}; {@code off} disables it). */
        @WithDefault("15m")
        String every();

        /** How long after start-up the first sweep waits. */
        @WithDefault("1m")
        String delay();

        /** How old an object must be before the sweep may delete it: uploads in flight are never touched. */
        @WithDefault("1H")
        Duration grace();
    }

    interface Readiness {

        /** How long a readiness check waits for a store before reporting it DOWN. */
        @WithDefault("2S")
        Duration timeout();
    }
}
