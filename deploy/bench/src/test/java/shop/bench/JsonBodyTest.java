package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final String SESSION = "{\"token\":\"k3J9x_-abc\",\"sessionId\":\"s-1\",\"userId\":\"u-1\","
            + "\"expiresAt\":\"2026-11-27T10:00:00Z\"}";
    private static final String ES_ANSWER = "{\"took\":7,\"timed_out\":false,\"hits\":{\"total\":{\"value\":42,"
            + "\"relation\":\"eq\"},\"hits\":[{\"_id\":\"a\"}]}}";
    private static final String SEARCH_PAGE = "{\"total\":2,\"hits\":["
            + "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"Desk\","
            + "\"highlight\":{\"name\":\"<em>Desk</em>\"}},"
            + "{\"id\":\"22222222-2222-2222-2222-222222222222\",\"name\":\"Lamp\"}],"
            + "\"facets\":{\"brand\":[{\"value\":\"Bench\",\"count\":2}]},\"didYouMean\":null}";

    @Test
    void aTopLevelFieldIsReadAsTextOrNumber() {
        assertEquals("k3J9x_-abc", JsonBody.of(SESSION).text("token"));
        assertEquals(2, JsonBody.of(SEARCH_PAGE).number("total"));
    }

    @Test
    void aNestedPathWalksObjectsAndArrayIndexes() {
        JsonBody answer = JsonBody.of(ES_ANSWER);
        assertEquals(42, answer.number("hits.total.value"));
        assertEquals(7, answer.number("took"));
        assertEquals("a", answer.text("hits.hits.0._id"));
    }

    @Test
    void eachElementsFieldOfAnArrayIsReadInOrder() {
        assertEquals(List.of("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"),
                JsonBody.of(SEARCH_PAGE).texts("hits", "id"));
        assertEquals(List.of(), JsonBody.of("{\"total\":0,\"hits\":[]}").texts("hits", "id"));
    }

    @Test
    void aTreeIsThePartAtAPathOrAMissingNodeButABodyThatIsNotJsonStillFails() {
        JsonBody answer = JsonBody.of(ES_ANSWER);
        assertEquals("a", answer.tree("hits.hits").path(0).path("_id").asText());
        assertTrue(answer.tree("suggest.didYouMean").isMissingNode());
        IllegalStateException html = assertThrows(IllegalStateException.class,
                () -> JsonBody.of("<html>502 Bad Gateway</html>").tree("hits.hits"));
        assertTrue(html.getMessage().contains("\"hits.hits\""), html.getMessage());
    }

    @Test
    void aMissingFieldFailsNamingItAndTheStartOfTheBody() {
        String body = "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + "x".repeat(300) + "\"}";

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsonBody.of(body).text("token"));

        assertTrue(e.getMessage().contains("\"token\""), e.getMessage());
        assertTrue(e.getMessage().contains(body.substring(0, 200)), e.getMessage());
        assertFalse(e.getMessage().contains(body.substring(0, 201)), "only the body's start: " + e.getMessage());
    }

    @Test
    void nullAWrongTypeAndABodyThatIsNotJsonFailToo() {
        assertTrue(assertThrows(IllegalStateException.class, () -> JsonBody.of(SEARCH_PAGE).text("didYouMean"))
                .getMessage().contains("no \"didYouMean\""));
        assertTrue(assertThrows(IllegalStateException.class, () -> JsonBody.of(SEARCH_PAGE).text("total"))
                .getMessage().contains("\"total\" is not text"));
        assertTrue(assertThrows(IllegalStateException.class, () -> JsonBody.of(SESSION).number("token"))
                .getMessage().contains("\"token\" is not a whole number"));
        IllegalStateException html = assertThrows(IllegalStateException.class,
                () -> JsonBody.of("<html>502 Bad Gateway</html>").number("total"));
        assertTrue(html.getMessage().contains("\"total\"") && html.getMessage().contains("<html>502 Bad Gateway"),
                html.getMessage());
    }
}
