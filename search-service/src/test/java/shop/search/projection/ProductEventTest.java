package shop.search.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the projection takes for an event, and what it dead-letters, without a server. */
class ProductEventTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String ID = "716867d2-da01-4bb6-9063-eaec4bc9114e";

    private static String event(String type, String version, String data) {
        return "{\"eventId\":\"e1\",\"type\":\"" + type + "\",\"aggregateId\":\"" + ID + "\",\"version\":" + version
                + ",\"occurredAt\":\"2026-11-27T09:38:20.394146Z\",\"data\":" + data + "}";
    }

    @Test
    void updatedEventBecomesAVersionedDocument() throws Exception {
        ProductEvent event = ProductEvent.parse(ID, event("product.updated", "3",
                "{\"id\":\"" + ID + "\",\"name\":\"Lamp\",\"price\":19.99,\"tags\":[\"home\"],\"extra\":1}"), JSON);
        assertThat(event.version()).isEqualTo(3);
        assertThat(event.write().document().toString())
                .isEqualTo("{\"id\":\"" + ID + "\",\"name\":\"Lamp\",\"price\":19.99,\"tags\":[\"home\"],\"version\":3}");
    }

    @Test
    void deletedEventBecomesATombstoneAtTheDeleteVersion() throws Exception {
        ProductEvent event = ProductEvent.parse(ID, event("product.deleted", "4", "{\"id\":\"" + ID + "\"}"), JSON);
        assertThat(event.write().version()).isEqualTo(4);
        assertThat(event.write().document().path("deleted").asBoolean()).isTrue();
    }

    @Test
    void malformedEventsSayWhy() {
        assertThatThrownBy(() -> ProductEvent.parse(ID, "{oops", JSON)).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> ProductEvent.parse(ID, event("product.renamed", "1", "{}"), JSON))
                .hasMessageStartingWith("unknown type");
        assertThatThrownBy(() -> ProductEvent.parse(ID, event("product.updated", "\"2\"", "{\"name\":\"a\",\"price\":1}"),
                JSON)).hasMessageStartingWith("version must be");
        assertThatThrownBy(() -> ProductEvent.parse(ID, event("product.updated", "1.5", "{\"name\":\"a\",\"price\":1}"),
                JSON)).hasMessageStartingWith("version must be");
        assertThatThrownBy(() -> ProductEvent.parse("other-key", event("product.updated", "1",
                "{\"name\":\"a\",\"price\":1}"), JSON)).hasMessageContaining("record key");
        assertThatThrownBy(() -> ProductEvent.parse(ID, event("product.created", "1", "{\"name\":\"a\"}"), JSON))
                .hasMessageStartingWith("data.price");
    }
}
