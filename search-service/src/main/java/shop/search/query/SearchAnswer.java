package shop.search.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /api/search} answers (api-contract.md). */
public record SearchAnswer(long total, List<Hit> hits, Facets facets, String didYouMean) {

    /** The same answer, each hit's highlight replaced by the one {@code marked} holds for its id (if any). */
    public SearchAnswer highlightedWith(Map<String, Highlight> marked) {
        List<Hit> highlighted = hits.stream()
                .map(hit -> new Hit(hit.id(), hit.name(), hit.brand(), hit.price(), hit.score(),
                        marked.getOrDefault(hit.id(), hit.highlight()), hit.version()))
                .toList();
        return new SearchAnswer(total, highlighted, facets, didYouMean);
    }

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
