package shop.catalog;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-service's own settings, {@code catalog.*} in application.properties. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The admin account created at start-up; none unless both email and password are set. */
    Admin admin();

    /** The Redis product cache. */
    Cache cache();

    /** Password hashing. */
    Passwords passwords();

    /** Where image references point. */
    Media media();

    /** The way out of the outbox, watched for its metrics (OutboxPipeline). */
    Outbox outbox();

    interface Outbox {

        /** The replication slot the outbox connector reads (its {@code slot.name}). */
        @WithDefault("catalog_outbox")
        String slot();

        /** The Debezium connector's name in Kafka Connect. */
        @WithDefault("catalog-outbox")
        String connector();

        /**
         * Kafka Connect's REST API (env {@code KAFKA_CONNECT_URL}); unset: the connector is not watched
         * (no {@code outbox_connector_running}), e.g. where only the operator may reach that API.
         */
        Optional<String> connectUrl();

        /** How often both are read. */
        @WithDefault("15S")
        Duration watchEvery();
    }

    interface Admin {
        /** The admin's email; empty: no admin account is created. */
        Optional<String> email();

        /** The admin's password (hashed before it is stored); empty: no admin account. */
        Optional<String> password();
    }

    interface Cache {
        /** How long a product stays in Redis after a read missed it. */
        @WithDefault("5M")
        Duration productTtl();

        /**
         * Prefix of the product keys in Redis. Tests use their own: emptying the cache after a lost
         * eviction (SCAN + DEL of prefix*) must never empty the running stack's cache.
         */
        @WithDefault("catalog:product:")
        String keyPrefix();

        /** How long a product read waits for Redis before it reads PostgreSQL instead (the hit path does not block). */
        @WithDefault("2S")
        Duration readTimeout();
    }

    interface Passwords {
        /** bcrypt cost (log2 rounds); 10 or more. */
        @WithDefault("10")
        int bcryptCost();
    }

    interface Media {
        /** The public base URL clients reach media through (the gateway); an image's url is this + /api/media/ + key. */
        @WithDefault("http://127.0.0.1:8080")
        String publicUrl();
    }
}
