package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class SearchStoreScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An Elasticsearch 8 answer to the search request for {@code wirelss  mover keybord!}: the term
     * suggester's entries as search-service's DidYouMeanTest has them (mover: a known word, no option).
     */
    private static final String ANSWER_WITH_SUGGESTIONS = """
            {"took":9,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
               {"_index":"products-1","_id":"p-1","_score":4.2,"_source":{"id":"p-1","name":"Wireless Keyboard",
                "brand":"Acme","price":49.9,"version":3},"sort":[4.2,"p-1"]},
               {"_index":"products-1","_id":"p-2","_score":3.1,"_source":{"name":"Mover's Keyboard","brand":"Acme",
                "price":59.0,"version":1},"sort":[3.1,"p-2"]}]},
             "aggregations":{"brand":{"buckets":[{"key":"Acme","doc_count":2}]},"price":{"buckets":[]}},
             "suggest":{"didYouMean":[
               {"text":"wirelss","offset":0,"length":7,"options":[{"text":"wireless","score":0.857,"freq":5045}]},
               {"text":"mover","offset":9,"length":5,"options":[]},
               {"text":"keybord","offset":15,"length":7,"options":[{"text":"keyboard","score":0.857,"freq":1627}]}]}}
            """;

    @Test
    void everyKindOfTheMixIsValidJsonWithTheServicesShape() throws Exception {
        for (long i = 0; i < 4; i++) {
            SearchMix q = SearchMix.of(i, 50_000);
            JsonNode request = JSON.readTree(SearchStoreScenario.request(q, true));
            assertEquals(q.page() * SearchMix.PAGE_SIZE, request.path("from").asInt(), q.kind());
            assertTrue(request.path("track_total_hits").asBoolean(), q.kind());
            assertTrue(request.path("aggs").has("brand"), q.kind());
            JsonNode price = request.path("aggs").path("price");
            JsonNode range = q.brand() == null ? price.path("range") : price.path("aggs").path("ranges").path("range");
            assertEquals(3, range.path("ranges").size(), q.kind());
            assertEquals("id", request.path("sort").path(1).fieldNames().next(), q.kind());
            JsonNode bool = request.path("query").path("bool");
            assertEquals(q.text() != null, bool.path("must").path(0).path("match").has("spelling"), q.kind());
            assertEquals(q.text() != null, bool.path("should").path(0).has("multi_match"), q.kind());
        }
    }

    @Test
    void everyWordIsRequiredFirstAndAnyWordInTheFallback() throws Exception {
        SearchMix exact = SearchMix.of(0, 50_000);
        assertEquals("and", JSON.readTree(SearchStoreScenario.request(exact, true))
                .at("/query/bool/must/0/match/spelling/operator").asText());
        assertEquals("or", JSON.readTree(SearchStoreScenario.request(exact, false))
                .at("/query/bool/must/0/match/spelling/operator").asText());
        assertTrue(SearchStoreScenario.severalWords("desk lamp"));
        assertTrue(SearchStoreScenario.severalWords("usb-c"));
        assertFalse(SearchStoreScenario.severalWords("  lamp "));
    }

    @Test
    void aBrandIsAPostFilterAndThePriceFacetCountsWithinIt() throws Exception {
        SearchMix filtered = SearchMix.of(2, 50_000);
        JsonNode request = JSON.readTree(SearchStoreScenario.request(filtered, true));
        assertEquals(filtered.brand(), request.path("post_filter").path("term").path("brand.keyword").asText());
        assertTrue(request.path("aggs").path("price").has("filter"));
        assertTrue(request.path("aggs").has("chosenBrand"));
        assertEquals(20, request.path("query").path("bool").path("filter").path(0).path("range").path("price")
                .path("gte").asInt());

        JsonNode exact = JSON.readTree(SearchStoreScenario.request(SearchMix.of(0, 50_000), true));
        assertFalse(exact.has("post_filter"));
        assertEquals("price", exact.path("aggs").path("price").path("range").path("field").asText());
    }

    @Test
    void onlyATextSearchCarriesTheTermSuggesterAndItsHighlightQuery() throws Exception {
        for (long i = 0; i < 4; i++) {
            SearchMix q = SearchMix.of(i, 50_000);
            JsonNode request = JSON.readTree(SearchStoreScenario.request(q, true));
            if (q.text() == null) {
                assertFalse(request.has("suggest"), q.kind());
                assertEquals(highlight(null), request.path("highlight"), q.kind());
                continue;
            }
            // SearchRequests.search: suggest.didYouMean, the text as typed, a term suggester on
            // spelling for the missing words only, one option each, the first letter exact
            assertEquals(JSON.readTree("""
                    {"didYouMean":{"text":"%s","term":{"field":"spelling","suggest_mode":"missing","size":1,
                     "prefix_length":1}}}""".formatted(q.text())), request.path("suggest"), q.kind());
            assertEquals(highlight(q.text()), request.path("highlight"), q.kind());
        }
    }

    @Test
    void theCorrectionIsTheServicesEachWordWithAnOptionReplacedTheRestAsTyped() {
        JsonBody answer = JsonBody.of(ANSWER_WITH_SUGGESTIONS);
        JsonNode suggestion = answer.tree("suggest." + SearchStoreScenario.SUGGESTION);

        // search-service's DidYouMeanTest, case for case
        assertEquals("wireless  mover keyboard!", SearchStoreScenario.correction(suggestion, "wirelss  mover keybord!"));
        assertNull(SearchStoreScenario.correction(answer.tree("suggest.none"), "mover"), "no suggest section");
        JsonNode typed = JsonBody.of("""
                {"suggest":{"didYouMean":[{"text":"wirelss","offset":0,"length":7,"options":[{"text":"wireless"}]},
                 {"text":"keybord","offset":8,"length":7,"options":[{"text":"keyboard"}]}]}}
                """).tree("suggest.didYouMean");
        assertEquals("Wireless KEYBOARD", SearchStoreScenario.correction(typed, "Wirelss KEYBORD"));
        assertEquals("wireless keyboard", SearchStoreScenario.correction(typed, "wirelss keybord"));
        assertNull(SearchStoreScenario.correction(JsonBody.of("""
                {"suggest":{"didYouMean":[{"text":"mover","offset":0,"length":5,"options":[]}]}}
                """).tree("suggest.didYouMean"), "mover"));
        assertNull(SearchStoreScenario.correction(JsonBody.of("{\"suggest\":{\"didYouMean\":[]}}")
                .tree("suggest.didYouMean"), "mover"));

        // the page's hits as the service reads them: the source's id, else the document's
        assertEquals(List.of("p-1", "p-2"), SearchStoreScenario.ids(answer.tree("hits.hits")));
    }

    @Test
    void theSecondRequestIsTheServicesHighlightsOfThePageForTheCorrectedWords() throws Exception {
        JsonNode request = JSON.readTree(
                SearchStoreScenario.highlights(List.of("p-1", "p-2"), "wireless  mover keyboard!").toString());

        // SearchRequests.highlights, field by field: as many hits as ids, no total, no source, an ids
        // query, and the search's highlight section with the corrected words as its highlight_query
        assertEquals(2, request.path("size").asInt());
        assertTrue(request.path("track_total_hits").isBoolean() && !request.path("track_total_hits").asBoolean());
        assertTrue(request.path("_source").isBoolean() && !request.path("_source").asBoolean());
        assertEquals(JSON.readTree("{\"ids\":{\"values\":[\"p-1\",\"p-2\"]}}"), request.path("query"));
        assertEquals(highlight("wireless  mover keyboard!"), request.path("highlight"));
        List<String> fields = new ArrayList<>();
        request.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("size", "track_total_hits", "_source", "query", "highlight"), fields,
                "nothing to score, count or sort");
    }

    @Test
    void aSearchAnsweredWithACorrectionSendsTheSecondRequestAndSumsBothTooks() throws Exception {
        // an Elasticsearch stand-in on an ephemeral port of this test's own: corrects the mix's
        // misspelled queries (every word: "x" + the word), no other text, and answers the highlights
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer stub = HttpServer.create(new InetSocketAddress(Args.HOST, 0), 16);
        stub.createContext("/products/_search", exchange -> answer(exchange, received));
        stub.start();
        try {
            Http es = new Http(stub.getAddress().getPort());
            Latencies took = new Latencies();
            LongAdder corrected = new LongAdder();
            Call call = SearchStoreScenario.call(es, 50_000, SimpleCatalogue.INSTANCE, took, corrected);

            SearchMix misspelled = SearchMix.of(1, 50_000);
            Call.Outcome outcome = call.run(1);
            assertEquals("misspelled", outcome.label());
            assertTrue(outcome.succeeded());
            assertEquals(2, received.size(), "the search, then the highlights");
            String words = misspelled.text().replaceAll("(\\S+)", "x$1");
            assertEquals(JSON.readTree(SearchStoreScenario.highlights(List.of("p-1", "p-2"), words).toString()),
                    JSON.readTree(received.get(1)));
            assertEquals(1, corrected.sum());
            assertEquals(7 + 5, took.percentileMillis("misspelled", 100), 0.05, "both tooks summed");

            received.clear();
            assertTrue(call.run(0).succeeded()); // exact: spelt right, nothing to correct
            assertEquals(1, received.size());
            assertEquals(7, took.percentileMillis("exact", 100), 0.05);
            received.clear();
            assertTrue(call.run(3).succeeded()); // faceted: no text, no suggester
            assertEquals(1, received.size());
            assertFalse(JSON.readTree(received.get(0)).has("suggest"));
            assertEquals(1, corrected.sum());
        } finally {
            stub.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, List<String> received) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(body);
        JsonNode request = JSON.readTree(body);
        String answer;
        if (request.path("query").has("ids")) {
            answer = "{\"took\":5,\"hits\":{\"hits\":[{\"_id\":\"p-1\",\"highlight\":{\"name\":[\"<em>x</em>\"]}}]}}";
        } else {
            StringBuilder entries = new StringBuilder();
            String text = request.path("suggest").path("didYouMean").path("text").asText(null);
            if (text != null) {
                int offset = 0;
                for (String word : text.split(" ")) {
                    String option = SearchProducts.MISSPELLED.contains(text) ? "{\"text\":\"x" + word + "\"}" : "";
                    entries.append(entries.isEmpty() ? "" : ",").append("{\"text\":\"").append(word)
                            .append("\",\"offset\":").append(offset).append(",\"length\":").append(word.length())
                            .append(",\"options\":[").append(option).append("]}");
                    offset += word.length() + 1;
                }
            }
            answer = "{\"took\":7,\"hits\":{\"total\":{\"value\":2},\"hits\":[{\"_id\":\"p-1\",\"_source\":{\"id\":"
                    + "\"p-1\"}},{\"_id\":\"p-2\",\"_source\":{\"id\":\"p-2\"}}]}"
                    + (text == null ? "" : ",\"suggest\":{\"didYouMean\":[" + entries + "]}") + "}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The highlight section SearchRequests.highlight builds, for {@code words} (null: the words as typed are none). */
    private static JsonNode highlight(String words) throws IOException {
        String query = words == null ? "" : """
                "highlight_query":{"multi_match":{"query":"%s","fields":["name","description"]}},""".formatted(words);
        return JSON.readTree("""
                {"pre_tags":["<em>"],"post_tags":["</em>"],%s
                 "fields":{"name":{"number_of_fragments":0},"description":{"fragment_size":150,"number_of_fragments":1}}}
                """.formatted(query));
    }
}
