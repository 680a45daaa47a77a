package shop.search.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.search.SearchConfig;
import shop.search.index.ProductIndex;

/** Searches, autocomplete and what the index holds of a product, read through the alias. */
@ApplicationScoped
public class ProductSearch {

    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\p{Punct}]+");

    private final ProductIndex index;
    private final SearchConfig.Query config;
    private final SearchQuery.Limits limits;
    private final Timer took;
    private final IndexedVersionWaits waits;

    ProductSearch(ProductIndex index, SearchConfig config, MeterRegistry registry, IndexedVersionWaits waits) {
        this.index = index;
        this.waits = waits;
        this.config = config.query();
        this.limits = new SearchQuery.Limits(this.config.maxLength(), this.config.maxSize(), this.config.maxDepth());
        // beside http_server_requests_seconds{uri="/api/search"} it splits a search's time between
        // Elasticsearch and the rest (HTTP hop, JSON, this service), in production as in a benchmark
        this.took = Timer.builder("search.elasticsearch.took")
                .description("Elasticsearch's own time for a search (its answers' took, summed when it asked more than once), without the HTTP hop")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /**
     * One request to Elasticsearch: the products holding every word typed (each typo-tolerant), the
     * facets and the correction of the words the catalogue does not know (didYouMean). When no product
     * holds every word of a query of several, the same request for any word, so a shopper who typed one
     * word too many still finds something. Only when there is a correction and a page of hits, a
     * small request more: the page's highlights for the corrected words, which the fuzzy match found
     * but the words as typed cannot mark.
     */
    public SearchAnswer search(String q, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice,
            SearchQuery.Sort sort, Integer page, Integer size) {
        SearchQuery query = SearchQuery.of(q, brand, tag, minPrice, maxPrice, sort, page, size, limits);
        long tookMs = 0;
        JsonNode found = index.search(SearchRequests.search(query, SearchRequests.Words.EVERY));
        tookMs += found.path("took").asLong();
        SearchAnswer answer = SearchRequests.answer(found, query);
        if (answer.total() == 0 && severalWords(query.q())) {
            found = index.search(SearchRequests.search(query, SearchRequests.Words.ANY));
            tookMs += found.path("took").asLong();
            answer = SearchRequests.answer(found, query);
        }
        if (answer.didYouMean() != null && !answer.hits().isEmpty()) {
            List<String> ids = answer.hits().stream().map(SearchAnswer.Hit::id).toList();
            JsonNode marked = index.search(SearchRequests.highlights(ids, answer.didYouMean()));
            tookMs += marked.path("took").asLong();
            answer = answer.highlightedWith(SearchRequests.highlighted(marked));
        }
        took.record(tookMs, TimeUnit.MILLISECONDS);
        return answer;
    }

    /** Whether the text holds more than one word (as Elasticsearch's analyser splits: on spaces and punctuation). */
    static boolean severalWords(String q) {
        return q != null && WORD_BREAKS.splitAsStream(q.strip()).filter(word -> !word.isEmpty()).count() > 1;
    }

    public Map<String, List<String>> suggest(String prefix) {
        if (prefix != null && prefix.length() > config.maxLength()) {
            throw Problem.invalid("prefix", "at most " + config.maxLength() + " characters");
        }
        if (prefix == null || prefix.isBlank()) {
            return Map.of("suggestions", List.of());
        }
        return Map.of("suggestions",
                SearchRequests.suggestions(index.search(SearchRequests.suggest(prefix.strip(), config.maxSuggestions()))));
    }

    /**
     * Which version of a product the index holds; {@code stale} only when a reader asked for a
     * version (minVersion): true when the answer came at the deadline without it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexedVersion(String id, Long indexedVersion, Boolean stale) {
    }

    /** Which version of a product the index holds; 404 when it holds none (unknown, not yet indexed, or deleted). */
    public IndexedVersion indexedVersion(UUID id) {
        return index.indexedVersion(id.toString()).map(version -> new IndexedVersion(id.toString(), version, null))
                .orElseThrow(() -> Problem.notFound("the index holds no product " + id));
    }

    /**
     * Read your own writes: the index's version of the product as soon as it is {@code minVersion} or
     * newer, or at the deadline ({@code waitMs}, at most 5,000) whatever it holds, with {@code stale:
     * true}. Waits on a signal from the projection and re-reads every 250 ms (another replica may
     * index it): no thread is held while it waits (kit's Arrivals).
     */
    public Uni<IndexedVersion> indexedVersion(UUID id, long minVersion, int waitMs) {
        return waits.await(id.toString(), version -> version >= minVersion, () -> versionOf(id),
                held -> held.isPresent() && held.get() >= minVersion, Duration.ofMillis(waitMs))
                .map(answer -> new IndexedVersion(id.toString(), answer.view().orElse(null), !answer.reached()));
    }

    /** The index's version of the product, read on a worker thread (the client blocks). */
    private Uni<Optional<Long>> versionOf(UUID id) {
        return Uni.createFrom().item(() -> index.indexedVersion(id.toString()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
