package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SearchStoreScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyKindOfTheMixIsValidJsonWithTheServicesShape() throws Exception {
        for (long i = 0; i < 4; i++) {
            SearchMix q = SearchMix.of(i, 50_000);
            JsonNode request = JSON.readTree(SearchStoreScenario.request(q));
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
    void aBrandIsAPostFilterAndThePriceFacetCountsWithinIt() throws Exception {
        SearchMix filtered = SearchMix.of(2, 50_000);
        JsonNode request = JSON.readTree(SearchStoreScenario.request(filtered));
        assertEquals(filtered.brand(), request.path("post_filter").path("term").path("brand.keyword").asText());
        assertTrue(request.path("aggs").path("price").has("filter"));
        assertTrue(request.path("aggs").has("chosenBrand"));

        JsonNode exact = JSON.readTree(SearchStoreScenario.request(SearchMix.of(0, 50_000)));
        assertFalse(exact.has("post_filter"));
        assertEquals("price", exact.path("aggs").path("price").path("range").path("field").asText());
    }
}
