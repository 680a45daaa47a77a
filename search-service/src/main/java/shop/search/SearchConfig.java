package shop.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** search-service's own settings ({@code search.*}). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** The Elasticsearch index behind its alias. */
    Index index();

    /** What a search request may ask for. */
    Query query();

    /** Rebuilding the index from catalog-service. */
    Rebuild rebuild();

    /** Comparing the index with catalog-service, and repairing it. */
    Drift drift();

    /** Reaching Elasticsearch, beyond {@code quarkus.elasticsearch.*}. */
    Elasticsearch elasticsearch();

    interface Index {

        /** The alias every search reads; its indices are named {@code <alias>-v<N>}. */
        @WithDefault("products")
        String alias();

        /** The mapping file (resources/elasticsearch/<mapping>.json) new indices are created from. */
        @WithDefault("products-v2")
        String mapping();
    }

    interface Query {

        /** The longest query string accepted, in characters. */
        @WithDefault("256")
        int maxLength();

        /** The largest page. */
        @WithDefault("100")
        int maxSize();

        /** How deep paging may go: (page + 1) * size may not exceed it (Elasticsearch's max_result_window). */
        @WithDefault("10000")
        int maxDepth();

        /** How many autocomplete suggestions at most. */
        @WithDefault("10")
        int maxSuggestions();
    }

    interface Rebuild {

        /** Products read from catalog-service per page. */
        @WithDefault("500")
        int pageSize();

        /** How long the old index lives after the alias left it, for searches that resolved it just before. */
        @WithDefault("2S")
        Duration grace();
    }

    interface Drift {

        /**
         * Products (and documents) read per page, from catalog-service and from the index alike, and
         * repaired per page: at most catalog's lookup limit.
         */
        @WithDefault("1000")
        @Min(1)
        @Max(1000)
        int pageSize();
    }

    interface Elasticsearch {

        /**
         * A PEM file of the certificates to trust for Elasticsearch over HTTPS (e.g. ECK's CA,
         * {@code ca.crt} of {@code <cluster>-es-http-certs-public}), instead of the JVM's trust store.
         * Unset: the JVM's trust store (shop.search.index.ElasticsearchTrust).
         */
        Optional<Path> caFile();
    }
}
