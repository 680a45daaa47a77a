package shop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * The {@code search} scenario's query mix straight at Elasticsearch (alias {@code products}),
 * as search-service sends it ({@code shop.search.query.SearchRequests#search}: fuzzy
 * {@code multi_match}, filters, brand {@code post_filter}, brand and price facets, highlight of
 * the words as typed, sort), with no service in between. Two tables: the latency the harness
 * sees, and Elasticsearch's own {@code took} for the same requests. Beside a {@code search} run
 * at the same rate they split a search's time between Elasticsearch, the HTTP hop and
 * search-service. Reads the products the {@code search} scenario seeded (of the same
 * {@code --catalogue}).
 */
final class SearchStoreScenario implements Scenario {

    static final int ES_PORT = 9200;
    private static final int MAX_PRODUCTS = 50_000;

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
            Load.fixedRate(call(es, products, catalogue, new Latencies()), args.rate(), args.warmupSeconds(), 32,
                    System.err);
        }
        report.line("load average before: %s", Machine.loadAverage());
        Latencies took = new Latencies();
        Load.Result result = Load.fixedRate(call(es, products, catalogue, took), args.rate(), args.durationSeconds(),
                32, System.err);
        report.phase(String.format("POST /products/_search, query mix (exact, misspelled, filtered, faceted) as "
                + "search-service sends it, fixed rate %d req/s for %d s (latency from the intended send time)",
                args.rate(), args.durationSeconds()), result);
        report.phase("the same requests, Elasticsearch's own \"took\" (whole ms: from the request parsed to the "
                + "answer built, no HTTP, no JSON of the answer)", new Load.Result(took, result.seconds(), 0,
                        result.workers()));
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    /** One search of the mix; each answer's {@code took} goes into {@code took}. */
    private static Call call(Http es, int products, Catalogue catalogue, Latencies took) {
        return i -> {
            SearchMix q = SearchMix.of(i, products, catalogue);
            HttpResponse<String> answer = es.send(es.request("/products/_search")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request(q))),
                    HttpResponse.BodyHandlers.ofString());
            // read once the latency is taken (Call.Outcome#succeeded): the whole answer is parsed (hits,
            // highlights, facets: a few KB) to reach "took", tens of microseconds that would otherwise
            // widen both tables; the worker spends them between requests, and 32 workers have room for it
            return new Call.Outcome(q.kind(), answer.statusCode() == 200, () -> {
                JsonBody body = JsonBody.of(answer.body());
                if (body.number("hits.total.value") <= 0) {
                    return false;
                }
                took.record(q.kind(), TimeUnit.MILLISECONDS.toNanos(body.number("took")), true);
                return true;
            });
        };
    }

    /**
     * What search-service sends for {@code q} (keep in step with its SearchRequests.search), as
     * text: the mix's words are plain letters, so nothing needs escaping.
     */
    static String request(SearchMix q) {
        StringBuilder r = new StringBuilder("{\"from\":").append(q.page() * SearchMix.PAGE_SIZE)
                .append(",\"size\":").append(SearchMix.PAGE_SIZE)
                .append(",\"track_total_hits\":true,\"track_scores\":true,")
                .append("\"_source\":[\"id\",\"name\",\"brand\",\"price\",\"version\"],\"query\":{\"bool\":{\"must\":[");
        if (q.text() == null) {
            r.append("{\"match_all\":{}}");
        } else {
            r.append("{\"match\":{\"spelling\":{\"query\":\"").append(q.text())
                    .append("\",\"fuzziness\":\"AUTO\",\"prefix_length\":1}}}],\"should\":[")
                    .append("{\"multi_match\":{\"query\":\"").append(q.text())
                    .append("\",\"fields\":[\"name^3\",\"description\",\"tags\",\"brand\"]}}");
        }
        r.append("],\"filter\":[");
        if (q.tag() != null) {
            r.append("{\"term\":{\"tags.keyword\":\"").append(q.tag()).append("\"}}");
        }
        if (q.minPrice() != null) {
            r.append(q.tag() != null ? "," : "").append("{\"range\":{\"price\":{\"gte\":").append(q.minPrice())
                    .append(",\"lte\":").append(q.maxPrice()).append("}}}");
        }
        r.append("],\"must_not\":[{\"term\":{\"deleted\":true}}]}},");
        String ranges = "\"ranges\":[{\"key\":\"<50\",\"to\":50},{\"key\":\"50–200\",\"from\":50,\"to\":200},"
                + "{\"key\":\"200+\",\"from\":200}]";
        r.append("\"aggs\":{\"brand\":{\"terms\":{\"field\":\"brand.keyword\",\"size\":20}},");
        if (q.brand() == null) {
            r.append("\"price\":{\"range\":{\"field\":\"price\",").append(ranges).append("}}},");
        } else {
            String brand = "{\"term\":{\"brand.keyword\":\"" + q.brand() + "\"}}";
            r.append("\"chosenBrand\":{\"filter\":").append(brand).append("},\"price\":{\"filter\":").append(brand)
                    .append(",\"aggs\":{\"ranges\":{\"range\":{\"field\":\"price\",").append(ranges).append("}}}}},")
                    .append("\"post_filter\":").append(brand).append(",");
        }
        r.append("\"highlight\":{\"pre_tags\":[\"<em>\"],\"post_tags\":[\"</em>\"],");
        if (q.text() != null) {
            r.append("\"highlight_query\":{\"multi_match\":{\"query\":\"").append(q.text())
                    .append("\",\"fields\":[\"name\",\"description\"]}},");
        }
        r.append("\"fields\":{\"name\":{\"number_of_fragments\":0},")
                .append("\"description\":{\"fragment_size\":150,\"number_of_fragments\":1}}},\"sort\":[");
        r.append(switch (q.sort()) {
            case "price_asc" -> "{\"price\":\"asc\"}";
            case "price_desc" -> "{\"price\":\"desc\"}";
            case "newest" -> "{\"createdAt\":{\"order\":\"desc\",\"missing\":\"_last\"}}";
            default -> "{\"_score\":\"desc\"}";
        });
        return r.append(",{\"id\":\"asc\"}]}").toString();
    }
}
