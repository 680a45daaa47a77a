package shop.search.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import shop.kit.problem.Problem;
import shop.search.SearchConfig;
import shop.search.index.ProductIndex;

/** Searches, autocomplete and what the index holds of a product, read through the alias. */
@ApplicationScoped
public class ProductSearch {

    private final ProductIndex index;
    private final SearchConfig.Query config;
    private final SearchQuery.Limits limits;
    private final Timer took;

    ProductSearch(ProductIndex index, SearchConfig config, MeterRegistry registry) {
        this.index = index;
        this.config = config.query();
        this.limits = new SearchQuery.Limits(this.config.maxLength(), this.config.maxSize(), this.config.maxDepth());
        // beside http_server_requests_seconds{uri="/api/search"} it splits a search's time between
        // Elasticsearch and the rest (HTTP hop, JSON, this service), in production as in a benchmark
        this.took = Timer.builder("search.elasticsearch.took")
                .description("Elasticsearch's own time for a search request (its answer's took), without the HTTP hop")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public SearchAnswer search(String q, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice,
            SearchQuery.Sort sort, Integer page, Integer size) {
        SearchQuery query = SearchQuery.of(q, brand, tag, minPrice, maxPrice, sort, page, size, limits);
        SearchAnswer answer = SearchRequests.answer(timed(index.search(SearchRequests.search(query))), query);
        if (query.q() == null || answer.total() >= config.didYouMeanBelow()) {
            return answer;
        }
        String correction = SearchRequests.correction(index.search(SearchRequests.didYouMean(query.q())), query.q());
        return new SearchAnswer(answer.total(), answer.hits(), answer.facets(), correction);
    }

    private JsonNode timed(JsonNode response) {
        took.record(response.path("took").asLong(), TimeUnit.MILLISECONDS);
        return response;
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

    public record IndexedVersion(String id, long indexedVersion) {
    }

    /** Which version of a product the index holds; 404 when it holds none (unknown, not yet indexed, or deleted). */
    public IndexedVersion indexedVersion(UUID id) {
        return index.indexedVersion(id.toString()).map(version -> new IndexedVersion(id.toString(), version))
                .orElseThrow(() -> Problem.notFound("the index holds no product " + id));
    }
}
