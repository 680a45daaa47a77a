package shop.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How the term suggester's answer becomes didYouMean, without a server (the answers are Elasticsearch 8.19's). */
class DidYouMeanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachUnknownWordIsReplacedAndTheRestStaysAsTyped() {
        JsonNode suggestion = json("""
                [{"text":"wirelss","offset":0,"length":7,"options":[{"text":"wireless","score":0.857,"freq":5045}]},
                 {"text":"mover","offset":9,"length":5,"options":[]},
                 {"text":"keybord","offset":15,"length":7,"options":[{"text":"keyboard","score":0.857,"freq":1627}]}]
                """);
        assertThat(SearchRequests.correction(suggestion, "wirelss  mover keybord!"))
                .isEqualTo("wireless  mover keyboard!");
    }

    @Test
    void aCorrectionKeepsTheCaseTheWordWasTypedIn() {
        JsonNode suggestion = json("""
                [{"text":"wirelss","offset":0,"length":7,"options":[{"text":"wireless"}]},
                 {"text":"keybord","offset":8,"length":7,"options":[{"text":"keyboard"}]}]
                """);
        assertThat(SearchRequests.correction(suggestion, "Wirelss KEYBORD")).isEqualTo("Wireless KEYBOARD");
        assertThat(SearchRequests.correction(suggestion, "wirelss keybord")).isEqualTo("wireless keyboard");
    }

    @Test
    void noCorrectionIsNull() {
        assertThat(SearchRequests.correction(json("""
                [{"text":"mover","offset":0,"length":5,"options":[]}]
                """), "mover")).isNull();
        assertThat(SearchRequests.correction(json("[]"), "mover")).isNull();
        assertThat(SearchRequests.correction(JSON.missingNode(), "mover")).isNull();
    }

    @Test
    void theSearchAsksForCorrectionsOfUnknownWordsOnly() {
        SearchQuery query = SearchQuery.of("wirelss", null, null, null, null, null, null, null,
                new SearchQuery.Limits(256, 100, 10_000));
        JsonNode term = SearchRequests.search(query).path("suggest").path("didYouMean").path("term");
        assertThat(term.path("field").asText()).isEqualTo("spelling");
        assertThat(term.path("suggest_mode").asText()).isEqualTo("missing");
        SearchQuery browse = SearchQuery.of(null, null, "audio", null, null, null, null, null,
                new SearchQuery.Limits(256, 100, 10_000));
        assertThat(SearchRequests.search(browse).has("suggest")).isFalse();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
