package shop.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code search} scenario's query mix straight at Elasticsearch (alias {@code products}),
 * as search-service sends it, with no service in between. Since 2026-12-04 it mirrors the service
 * as issue 22 left it ({@code shop.search.query.ProductSearch#search}): first the search request
 * of {@code SearchRequests#search} (fuzzy {@code match} on {@code spelling} ranked by a weighted
 * {@code multi_match}, filters, brand {@code post_filter}, brand and price facets, highlight of the
 * words as typed, the term suggester {@code didYouMean} for a text query, sort); then, only when
 * that answer holds a correction (a word the catalogue does not know, replaced by the suggester's
 * option) and hits, a second request, {@code SearchRequests#highlights}: the page's hits
 * highlighted with the corrected words. Before 2026-12-04 it sent the search request alone,
 * without the suggester, as the service did before issue 22.
 * <p>
 * Two tables: the latency the harness sees (of both requests when there are two, and of reading the
 * first answer in between), and Elasticsearch's own {@code took} for the same queries (both
 * requests' summed, as the service's {@code search.elasticsearch.took} does). Beside a
 * {@code search} run at the same rate they split a search's time between Elasticsearch, the HTTP
 * hop and search-service. Reads the products the {@code search} scenario seeded (of the same
 * {@code --catalogue}).
 */
final class SearchStoreScenario implements Scenario {

    static final int ES_PORT = 9200;
    private static final int MAX_PRODUCTS = 50_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The name of the search request's term suggestion, as search-service names it. */
    static final String SUGGESTION = "didYouMean";
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\p{Punct}]+");
    private static final String[] SEARCHED = {"name^3", "description", "tags", "brand"};
    private static final int BRAND_FACET_SIZE = 20;

    @Override
    public String name() {
        return "search-store";
    }

    @Override
    public String summary() {
        return "the search query mix straight at Elasticsearch, as search-service sends it: latency and ES took";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int products = Math.min(args.users(), MAX_PRODUCTS);
        Catalogue catalogue = Catalogue.named(args.catalogue());
        Http es = new Http(ES_PORT);
        report.line("elasticsearch %s, alias products, query mix over %,d products (SearchMix), machine: %d cores",
                es.base(), products, Runtime.getRuntime().availableProcessors());
        report.line("catalogue %s", catalogue.description());
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(call(es, products, catalogue, new Latencies(), new LongAdder()), args.rate(),
                    args.warmupSeconds(), 32, System.err);
        }
        report.line("load average before: %s", Machine.loadAverage());
        Latencies took = new Latencies();
        LongAdder corrected = new LongAdder();
        Load.Result result = Load.fixedRate(call(es, products, catalogue, took, corrected), args.rate(),
                args.durationSeconds(), 32, System.err);
        report.phase(String.format("POST /products/_search, query mix (exact, misspelled, filtered, faceted) as "
                + "search-service sends it: the search with the term suggester, and when its answer holds a "
                + "correction and hits, a second request highlighting them with the corrected words; fixed rate "
                + "%d req/s for %d s (latency from the intended send time to the last answer)",
                args.rate(), args.durationSeconds()), result);
        report.line("%,d of the %,d searches were answered with a correction and hits: two requests each",
                corrected.sum(), result.latencies().count());
        report.phase("the same searches, Elasticsearch's own \"took\" (whole ms: from the request parsed to the "
                + "answer built, no HTTP, no JSON of the answer; both requests' summed when there were two)",
                new Load.Result(took, result.seconds(), 0, result.workers()));
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    /**
     * One search of the mix, as search-service makes it: the search request and, when its answer
     * holds a correction and hits, the highlights of those hits for the corrected words. Each
     * search's {@code took} (summed over its requests) goes into {@code took}; each search that took
     * a second request is counted in {@code corrected}.
     */
    static Call call(Http es, int products, Catalogue catalogue, Latencies took, LongAdder corrected) {
        return i -> {
            SearchMix q = SearchMix.of(i, products, catalogue);
            HttpResponse<String> found = send(es, request(q, true));
            JsonBody answer = JsonBody.of(found.body()); // parsed on its first read
            if (found.statusCode() != 200 || q.text() == null) {
                return outcome(q, found, answer, null, took, 0);
            }
            long earlierTook = 0;
            // Read inside the latency sample, unlike every other answer the harness reads (Call.Outcome):
            // whether a second request goes out, and for which hits, is in this answer, so search-service
            // parses it before it can ask again, and so must this. Every text search's answer is read
            // here (parsed whole, as the service's client does: tens of microseconds), since only reading
            // it tells whether there is a correction; the browse (no text, no suggester) is still read
            // after the sample, and so is the second answer.
            String correction;
            List<String> ids;
            try {
                if (answer.number("hits.total.value") == 0 && severalWords(q.text())) {
                    // no product holds every word: search-service asks again for any word
                    earlierTook = answer.number("took");
                    found = send(es, request(q, false));
                    answer = JsonBody.of(found.body());
                    if (found.statusCode() != 200) {
                        return outcome(q, found, answer, null, took, earlierTook);
                    }
                }
                correction = correction(answer.tree("suggest." + SUGGESTION), q.text());
                ids = correction == null ? List.of() : ids(answer.tree("hits.hits"));
            } catch (IllegalStateException notJson) {
                return new Call.Outcome(q.kind(), false);
            }
            if (ids.isEmpty()) {
                return outcome(q, found, answer, null, took, earlierTook);
            }
            corrected.increment();
            return outcome(q, found, answer, send(es, highlights(ids, correction).toString()), took, earlierTook);
        };
    }

    private static HttpResponse<String> send(Http es, String request) throws IOException, InterruptedException {
        return es.send(es.request("/products/_search")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What a search came to: both requests answered 200; then, read once the latency is taken
     * (Call.Outcome#succeeded: the answers are parsed whole, hits, highlights, facets, a few KB, to
     * reach "took"), the search found something, and its took is recorded, both answers' summed.
     */
    private static Call.Outcome outcome(SearchMix q, HttpResponse<String> found, JsonBody answer,
            HttpResponse<String> marked, Latencies took, long earlierTook) {
        boolean ok = found.statusCode() == 200 && (marked == null || marked.statusCode() == 200);
        return new Call.Outcome(q.kind(), ok, () -> {
            if (answer.number("hits.total.value") <= 0) {
                return false;
            }
            long millis = earlierTook + answer.number("took")
                    + (marked == null ? 0 : JsonBody.of(marked.body()).number("took"));
            took.record(q.kind(), TimeUnit.MILLISECONDS.toNanos(millis), true);
            return true;
        });
    }

    /** The body of the search request for {@code q}, as sent: {@link #search}'s JSON. */
    static String request(SearchMix q, boolean everyWord) {
        return search(q, everyWord).toString();
    }

    /** Whether the text holds more than one word (as search-service's ProductSearch.severalWords). */
    static boolean severalWords(String text) {
        return WORD_BREAKS.splitAsStream(text.strip()).filter(word -> !word.isEmpty()).count() > 1;
    }

    /**
     * What search-service sends first for {@code q}, every word required, and again for any word when
     * no product holds them all (keep in step with its SearchRequests.search).
     */
    static ObjectNode search(SearchMix q, boolean everyWord) {
        ObjectNode request = JSON.objectNode();
        request.put("from", q.page() * SearchMix.PAGE_SIZE);
        request.put("size", SearchMix.PAGE_SIZE);
        request.put("track_total_hits", true);
        request.put("track_scores", true);
        request.putArray("_source").add("id").add("name").add("brand").add("price").add("version");

        ObjectNode bool = request.putObject("query").putObject("bool");
        if (q.text() == null) {
            bool.putArray("must").addObject().putObject("match_all");
        } else {
            ObjectNode fuzzy = bool.putArray("must").addObject().putObject("match").putObject("spelling");
            fuzzy.put("query", q.text()).put("fuzziness", "AUTO").put("prefix_length", 1)
                    .put("operator", everyWord ? "and" : "or");
            ObjectNode exact = bool.putArray("should").addObject().putObject("multi_match");
            exact.put("query", q.text());
            ArrayNode fields = exact.putArray("fields");
            for (String field : SEARCHED) {
                fields.add(field);
            }
        }
        ArrayNode filters = bool.putArray("filter");
        if (q.tag() != null) {
            filters.addObject().putObject("term").put("tags.keyword", q.tag());
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject("price");
            if (q.minPrice() != null) {
                range.put("gte", q.minPrice());
            }
            if (q.maxPrice() != null) {
                range.put("lte", q.maxPrice());
            }
        }
        bool.putArray("must_not").addObject().putObject("term").put("deleted", true);

        // the brand is a post_filter: the brand facet still counts the other brands, the price facet
        // counts within the chosen one
        ObjectNode brandFilter = JSON.objectNode();
        if (q.brand() != null) {
            brandFilter.putObject("term").put("brand.keyword", q.brand());
            request.set("post_filter", brandFilter);
        }
        ObjectNode aggs = request.putObject("aggs");
        aggs.putObject("brand").putObject("terms").put("field", "brand.keyword").put("size", BRAND_FACET_SIZE);
        if (q.brand() != null) {
            aggs.putObject("chosenBrand").putObject("filter").putObject("term").put("brand.keyword", q.brand());
        }
        ObjectNode ranges;
        if (q.brand() == null) {
            ranges = aggs.putObject("price").putObject("range");
        } else {
            ObjectNode price = aggs.putObject("price");
            price.set("filter", brandFilter);
            ranges = price.putObject("aggs").putObject("ranges").putObject("range");
        }
        ranges.put("field", "price");
        ArrayNode buckets = ranges.putArray("ranges");
        buckets.addObject().put("key", "<50").put("to", 50);
        buckets.addObject().put("key", "50–200").put("from", 50).put("to", 200);
        buckets.addObject().put("key", "200+").put("from", 200);

        highlight(request, q.text());
        if (q.text() != null) {
            // the term suggester: corrections of the words Elasticsearch does not know (suggest_mode
            // missing), one option each, first letter exact
            request.putObject("suggest").putObject(SUGGESTION).put("text", q.text()).putObject("term")
                    .put("field", "spelling").put("suggest_mode", "missing").put("size", 1)
                    .put("prefix_length", 1);
        }

        ArrayNode sort = request.putArray("sort");
        switch (q.sort()) {
            case "price_asc" -> sort.addObject().put("price", "asc");
            case "price_desc" -> sort.addObject().put("price", "desc");
            case "newest" -> sort.addObject().putObject("createdAt").put("order", "desc").put("missing", "_last");
            default -> sort.addObject().put("_score", "desc");
        }
        sort.addObject().put("id", "asc");
        return request;
    }

    /**
     * What search-service sends second, only when the first answer holds a correction and hits (keep
     * in step with its SearchRequests.highlights): those hits, by id, highlighted with the corrected
     * words; no scoring, no facets, no source.
     */
    static ObjectNode highlights(List<String> ids, String corrected) {
        ObjectNode request = JSON.objectNode();
        request.put("size", ids.size());
        request.put("track_total_hits", false);
        request.put("_source", false);
        ArrayNode values = request.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        highlight(request, corrected);
        return request;
    }

    /** {@code <em>} around {@code words} (as typed, or corrected) in name and description, as the service's SearchRequests.highlight. */
    private static void highlight(ObjectNode request, String words) {
        ObjectNode highlight = request.putObject("highlight");
        highlight.putArray("pre_tags").add("<em>");
        highlight.putArray("post_tags").add("</em>");
        if (words != null) {
            ObjectNode match = highlight.putObject("highlight_query").putObject("multi_match");
            match.put("query", words);
            match.putArray("fields").add("name").add("description");
        }
        ObjectNode fields = highlight.putObject("fields");
        fields.putObject("name").put("number_of_fragments", 0);
        fields.putObject("description").put("fragment_size", 150).put("number_of_fragments", 1);
    }

    /**
     * The query with each word the suggester returned an option for replaced by that option, in the
     * case it was typed in; the other words and everything between them as typed; null when no word
     * was corrected. search-service's SearchRequests.correction, line for line: a copy on purpose, as
     * the rest of this request mirror is (the harness runs against a deployed suite and does not link
     * a service's module); SearchStoreScenarioTest holds it to the service's DidYouMeanTest cases.
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

    /** The ids of a page's hits, as the service reads them: the source's id, else the document's. */
    static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            ids.add(hit.path("_source").path("id").asText(hit.path("_id").asText()));
        }
        return ids;
    }
}
