package shop.search.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch requests for a search and for autocomplete, built as JSON trees: the client's
 * text is only ever a JSON string value of a {@code multi_match} (never {@code query_string}
 * syntax), so it cannot change the query's shape. And the answers read back.
 */
public final class SearchRequests {

    /** The price facet's buckets (api-contract.md): below 50, 50 to 200, 200 and above. */
    record PriceBucket(String key, BigDecimal from, BigDecimal to) {
    }

    static final List<PriceBucket> PRICE_BUCKETS = List.of(
            new PriceBucket("<50", null, new BigDecimal("50")),
            new PriceBucket("50–200", new BigDecimal("50"), new BigDecimal("200")),
            new PriceBucket("200+", new BigDecimal("200"), null));

    private static final String[] SEARCHED = {"name^3", "description", "tags", "brand"};
    private static final int BRAND_FACET_SIZE = 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The name of the search request's term suggestion. */
    private static final String SUGGESTION = "didYouMean";

    private SearchRequests() {
    }

    /** How many of the typed words a product must hold (each typo-tolerant). */
    public enum Words {
        /** Every word: what a shopper who types two words means, and what keeps a search cheap. */
        EVERY,
        /** Any word, ranked by how many it holds: the fallback when no product holds every word. */
        ANY
    }

    public static ObjectNode search(SearchQuery query) {
        return search(query, Words.EVERY);
    }

    public static ObjectNode search(SearchQuery query, Words words) {
        ObjectNode request = JSON.objectNode();
        request.put("from", query.page() * query.size());
        request.put("size", query.size());
        request.put("track_total_hits", true);
        request.put("track_scores", true);
        request.putArray("_source").add("id").add("name").add("brand").add("price").add("version");

        ObjectNode bool = request.putObject("query").putObject("bool");
        if (query.q() == null) {
            bool.putArray("must").addObject().putObject("match_all");
        } else {
            // What matches: each word, typo-tolerant, in `spelling` (name, description, tags and
            // brand copied into one field). Lucene builds a Levenshtein automaton per field and
            // word, so one fuzzy field instead of four halves Elasticsearch's time for a text
            // search (took p50 4 -> 2 ms, p90 8 -> 3 ms over 50,000 products) and finds the same.
            ObjectNode fuzzy = bool.putArray("must").addObject().putObject("match").putObject("spelling");
            fuzzy.put("query", query.q());
            fuzzy.put("fuzziness", "AUTO");
            // typos are rarely in a word's first letter: keeping it exact cuts the terms a fuzzy
            // word expands to (median took 16 -> 10 ms over 50,000 products here)
            fuzzy.put("prefix_length", 1);
            // every word by default: with a real vocabulary a common word is in most descriptions, so
            // "any word" matched nearly the whole catalogue, and scoring and counting facets over it
            // was most of a search's time (ES took p99 28 -> 17 ms over 50,000 realistic products)
            fuzzy.put("operator", words == Words.EVERY ? "and" : "or");
            // How it ranks: the words as typed, weighted by the field they are found in (a name
            // counts most), so exact matches come before near ones.
            ObjectNode exact = bool.putArray("should").addObject().putObject("multi_match");
            exact.put("query", query.q());
            ArrayNode fields = exact.putArray("fields");
            for (String field : SEARCHED) {
                fields.add(field);
            }
        }
        ArrayNode filters = bool.putArray("filter");
        if (query.tag() != null) {
            filters.addObject().putObject("term").put("tags.keyword", query.tag());
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject("price");
            if (query.minPrice() != null) {
                range.put("gte", query.minPrice());
            }
            if (query.maxPrice() != null) {
                range.put("lte", query.maxPrice());
            }
        }
        bool.putArray("must_not").addObject().putObject("term").put("deleted", true);

        // the brand filter applies after the facets are counted: the brand facet still shows the
        // other brands; the price facet counts within the chosen brand
        ObjectNode brandFilter = JSON.objectNode();
        if (query.brand() != null) {
            brandFilter.putObject("term").put("brand.keyword", query.brand());
            request.set("post_filter", brandFilter);
        }
        ObjectNode aggs = request.putObject("aggs");
        aggs.putObject("brand").putObject("terms").put("field", "brand.keyword").put("size", BRAND_FACET_SIZE);
        if (query.brand() != null) {
            // the chosen brand is counted even when it is not among the top brands of the query
            aggs.putObject("chosenBrand").putObject("filter").putObject("term").put("brand.keyword", query.brand());
        }
        // the price facet counts within the chosen brand; with no brand chosen it is a top-level range
        // aggregation: wrapped in a match_all filter it cost Elasticsearch ~4x as much (1.0 -> 0.25 ms a search)
        ObjectNode ranges;
        if (query.brand() == null) {
            ranges = aggs.putObject("price").putObject("range");
        } else {
            ObjectNode price = aggs.putObject("price");
            price.set("filter", brandFilter);
            ranges = price.putObject("aggs").putObject("ranges").putObject("range");
        }
        ranges.put("field", "price");
        ArrayNode buckets = ranges.putArray("ranges");
        for (PriceBucket bucket : PRICE_BUCKETS) {
            ObjectNode b = buckets.addObject().put("key", bucket.key());
            if (bucket.from() != null) {
                b.put("from", bucket.from());
            }
            if (bucket.to() != null) {
                b.put("to", bucket.to());
            }
        }

        highlight(request, query.q());
        if (query.q() != null) {
            // the correction rides in the same request: the term suggester looks at the words
            // Elasticsearch does not know (suggest_mode missing, in the spelling field every word
            // of a product is copied to), so a word of the catalogue is never corrected, and a
            // typo is corrected however many products its fuzzy match found
            request.putObject("suggest").putObject(SUGGESTION).put("text", query.q()).putObject("term")
                    .put("field", "spelling").put("suggest_mode", "missing").put("size", 1)
                    // as the fuzzy match: a typo is rarely in a word's first letter
                    .put("prefix_length", 1);
        }

        request.set("sort", sort(query.sort()));

        return request;
    }

    /**
     * Marks {@code <em>} on the words of {@code words} in name and description: the words as typed,
     * or the corrected query. Not the fuzzy query: a fuzzy query is highlighted by building its
     * Levenshtein automata again for every hit (~50 ms a hit on 50,000 products here).
     */
    private static void highlight(ObjectNode request, String words) {
        ObjectNode highlight = request.putObject("highlight");
        highlight.putArray("pre_tags").add("<em>");
        highlight.putArray("post_tags").add("</em>");
        if (words != null) {
            ObjectNode match = highlight.putObject("highlight_query").putObject("multi_match");
            match.put("query", words);
            match.putArray("fields").add("name").add("description");
        }
        ObjectNode highlighted = highlight.putObject("fields");
        highlighted.putObject("name").put("number_of_fragments", 0);
        highlighted.putObject("description").put("fragment_size", 150).put("number_of_fragments", 1);
    }

    /**
     * The highlights of products already found, for the corrected query (typed words that are in
     * the catalogue stay in it, so they are marked too): a second request only when the search
     * answered a correction, for the page's hits alone, without a query to score or facets to count.
     */
    public static ObjectNode highlights(List<String> ids, String corrected) {
        ObjectNode request = JSON.objectNode();
        request.put("size", ids.size());
        request.put("track_total_hits", false);
        request.put("_source", false);
        ArrayNode values = request.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        highlight(request, corrected);
        return request;
    }

    private static ArrayNode sort(SearchQuery.Sort sort) {
        ArrayNode order = JSON.arrayNode();
        switch (sort) {
            case RELEVANCE -> order.addObject().put("_score", "desc");
            case PRICE_ASC -> order.addObject().put("price", "asc");
            case PRICE_DESC -> order.addObject().put("price", "desc");
            case NEWEST -> order.addObject().putObject("createdAt").put("order", "desc").put("missing", "_last");
        }
        // a stable order across pages
        order.addObject().put("id", "asc");
        return order;
    }

    /** Autocomplete: product names matching the words typed so far, the last one as a prefix; one per name. */
    public static ObjectNode suggest(String prefix, int max) {
        ObjectNode request = JSON.objectNode();
        request.put("size", max);
        request.putArray("_source").add("name");
        ObjectNode bool = request.putObject("query").putObject("bool");
        // the last word as a prefix (name has index_prefixes), the others as words; analysed, so case-insensitive
        // every word must match: "wireless keyb" suggests wireless keyboards, not everything wireless
        bool.putArray("must").addObject().putObject("match_bool_prefix").putObject("name").put("query", prefix)
                .put("operator", "and");
        bool.putArray("must_not").addObject().putObject("term").put("deleted", true);
        request.putObject("collapse").put("field", "name.keyword");
        return request;
    }

    public static SearchAnswer answer(JsonNode response, SearchQuery query) {
        long total = response.path("hits").path("total").path("value").asLong();
        List<SearchAnswer.Hit> hits = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            SearchAnswer.Highlight highlight = highlight(hit.path("highlight"));
            hits.add(new SearchAnswer.Hit(source.path("id").asText(hit.path("_id").asText()),
                    source.path("name").asText(null), source.path("brand").asText(null), money(source.path("price")),
                    hit.path("_score").isNumber() ? hit.path("_score").asDouble() : null, highlight,
                    source.path("version").asLong()));
        }
        List<SearchAnswer.BrandCount> brands = new ArrayList<>();
        for (JsonNode bucket : response.path("aggregations").path("brand").path("buckets")) {
            brands.add(new SearchAnswer.BrandCount(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
        }
        long chosen = response.path("aggregations").path("chosenBrand").path("doc_count").asLong();
        if (query.brand() != null && chosen > 0 && brands.stream().noneMatch(b -> b.value().equals(query.brand()))) {
            brands.add(new SearchAnswer.BrandCount(query.brand(), chosen));
        }
        List<SearchAnswer.PriceCount> prices = new ArrayList<>();
        JsonNode price = response.path("aggregations").path("price");
        JsonNode priceBuckets = (query.brand() == null ? price : price.path("ranges")).path("buckets");
        for (PriceBucket bucket : PRICE_BUCKETS) {
            long count = 0;
            for (JsonNode counted : priceBuckets) {
                if (counted.path("key").asText().equals(bucket.key())) {
                    count = counted.path("doc_count").asLong();
                }
            }
            prices.add(new SearchAnswer.PriceCount(bucket.key(), bucket.from(), bucket.to(), count));
        }
        return new SearchAnswer(total, hits, new SearchAnswer.Facets(brands, prices),
                query.q() == null ? null : correction(response.path("suggest").path(SUGGESTION), query.q()));
    }

    /**
     * The query with each word the catalogue does not know replaced by the suggester's closest one
     * that it does (case as typed: {@code Wirelss} becomes {@code Wireless}); the other words and
     * everything between them stay as typed. Null when no word was corrected.
     */
    static String correction(JsonNode suggestion, String q) {
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        for (JsonNode word : suggestion) {
            String replacement = word.path("options").path(0).path("text").asText(null);
            int offset = word.path("offset").asInt(-1);
            int end = offset + word.path("length").asInt();
            if (replacement == null || offset < copied || end > q.length()) {
                continue;
            }
            corrected.append(q, copied, offset).append(casedAs(q.substring(offset, end), replacement));
            copied = end;
        }
        if (copied == 0) {
            return null;
        }
        return corrected.append(q.substring(copied)).toString();
    }

    /** {@code word} in the case {@code typed} was written in: all capitals, a capital first, or as it is. */
    private static String casedAs(String typed, String word) {
        if (typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT))
                && !typed.equals(typed.toLowerCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(typed.codePointAt(0))) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
        return word;
    }

    /** Each found product's highlight (answer to {@link #highlights}), by id. */
    public static Map<String, SearchAnswer.Highlight> highlighted(JsonNode response) {
        Map<String, SearchAnswer.Highlight> marked = new HashMap<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            marked.put(hit.path("_id").asText(), highlight(hit.path("highlight")));
        }
        return marked;
    }

    public static List<String> suggestions(JsonNode response) {
        List<String> names = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            String name = hit.path("_source").path("name").asText(null);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static SearchAnswer.Highlight highlight(JsonNode marked) {
        return new SearchAnswer.Highlight(first(marked.path("name")), first(marked.path("description")));
    }

    private static String first(JsonNode fragments) {
        return fragments.isArray() && !fragments.isEmpty() ? fragments.get(0).asText() : null;
    }

    private static BigDecimal money(JsonNode price) {
        return price.isNumber() ? price.decimalValue().setScale(2, RoundingMode.HALF_UP) : null;
    }
}
