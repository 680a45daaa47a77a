package shop.search.query;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /api/search} answers (api-contract.md). */
public record SearchAnswer(long total, List<Hit> hits, Facets facets, String didYouMean) {

    /** One product found; {@code version} is the product version the index holds. */
    public record Hit(String id, String name, String brand, BigDecimal price, Double score, Highlight highlight,
            long version) {
    }

    /** The matched words marked with {@code <em>}; a field that did not match is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Highlight(String name, String description) {
    }

    public record Facets(List<BrandCount> brand, List<PriceCount> price) {
    }

    public record BrandCount(String value, long count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PriceCount(String key, BigDecimal from, BigDecimal to, long count) {
    }
}
