package shop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Each type's schema takes its example (examples/, as a consumer reads it) and refuses what breaks the contract. */
class EventSchemasTest {

    static final List<String> TYPES = EventSchemas.TYPES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void theExampleOfEachTypeConformsToItsSchema(String type) {
        assertThat(EventSchemas.validate(type, example(type))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void anExampleOfAnotherTypeDoesNot(String type) {
        String other = TYPES.get((TYPES.indexOf(type) + 1) % TYPES.size());
        assertThat(EventSchemas.validate(type, example(other))).isNotEmpty();
    }

    @Test
    void everyOrderEventHasTheOneOrderShape() {
        // placed and paid differ in status, version and the payment, nothing else
        String paid = example("order.paid");
        assertThat(EventSchemas.validate("order.paid", paid)).isEmpty();
        assertThat(EventSchemas.validate("order.paid", paid.replaceFirst(",\\s*\"payment\": \\{[^}]*}", "")))
                .anySatisfy(v -> assertThat(v).contains("payment"));
        assertThat(EventSchemas.validate("order.placed", example("order.placed")
                .replace("\"createdAt\": \"2026-12-03T18:20:11.838748Z\"}}",
                        "\"createdAt\": \"2026-12-03T18:20:11.838748Z\", \"payment\": " + payment() + "}}")))
                .as("a payment only when PAID").isNotEmpty();
    }

    @Test
    void theRetiredOrderPaidShapeIsNotTheCurrentOneButStillDocumented() {
        String retired = example("legacy/order.paid.order-and-payment");
        assertThat(EventSchemas.validateLegacy("order.paid", retired)).isEmpty();
        assertThat(EventSchemas.validate("order.paid", retired)).isNotEmpty();
        assertThat(EventSchemas.validateLegacy("order.paid", example("order.paid"))).isNotEmpty();
        assertThat(EventSchemas.validateLegacy("order.placed", example("order.placed"))).singleElement()
                .asString().contains("no retired shape");
    }

    @ParameterizedTest(name = "{0}: {1} → {2} names {3}")
    @CsvSource(delimiter = '|', value = {
            "user.registered|\"version\": 1,|\"version\": 0,|/version",
            "user.registered|\"role\": \"customer\"|\"role\": \"root\"|/data/role",
            "user.registered|\"name\": \"Ada\"|\"name\": \"Ada\", \"passwordHash\": \"$2a$10$x\"|passwordHash",
            "product.created|\"price\": 49.5|\"price\": \"49.50\"|/data/price",
            "product.created|\"price\": 49.5|\"price\": -1|/data/price",
            "product.created|\"currency\": \"USD\"|\"currency\": \"usd\"|/data/currency",
            "product.created|\"tags\": [\"computer\"]|\"tags\": []|/data/tags",
            "product.updated|\"version\": 2, \"occurredAt\"|\"version\": 1, \"occurredAt\"|/version",
            "product.deleted|\"sku\": \"kb-1\", |''|sku",
            "order.placed|\"status\": \"PENDING\"|\"status\": \"PAID\"|/data/status",
            "order.placed|\"quantity\": 2|\"quantity\": 0|/data/items/0/quantity",
            "order.placed|\"userId\": \"a72a70c8-1968-4ca6-a4eb-a160e1ea0bf7\"|\"userId\": \"a72a70c8\"|/data/userId",
            "order.cancelled|\"occurredAt\": \"2026-12-03T19:03:37.132972Z\"|\"occurredAt\": \"yesterday\"|/occurredAt",
            "order.cancelled|\"status\": \"CANCELLED\"|\"status\": \"CANCELLED\", \"reason\": \"undocumented\"|reason"})
    void aBrokenFieldIsNamed(String type, String field, String broken, String named) {
        String event = example(type);
        assertThat(event).contains(field);
        assertThat(EventSchemas.validate(type, event.replaceFirst(Pattern.quote(field), Matcher.quoteReplacement(broken))))
                .anySatisfy(violation -> assertThat(violation).contains(named));
    }

    @Test
    void aDeletedProductsOrderLineMayHaveNoProductId() {
        assertThat(EventSchemas.validate("order.cancelled", example("order.cancelled"))).isEmpty();
        assertThat(example("order.cancelled")).doesNotContain("productId");
        assertThat(EventSchemas.validate("order.cancelled", example("order.cancelled")
                .replace("\"name\": \"Probe lamp\"", "\"productId\": null, \"name\": \"Probe lamp\""))).isEmpty();
    }

    @Test
    void unknownTypesAndNonJsonAreViolations() {
        assertThat(EventSchemas.validate("order.shipped", example("order.paid"))).singleElement().asString()
                .contains("no schema for event type");
        assertThat(EventSchemas.validate("order.paid", "{not json")).singleElement().asString().startsWith("not JSON");
        assertThatThrownBy(() -> EventSchemas.assertValid("order.paid", example("order.placed")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not a valid order.paid event")
                .hasMessageContaining("/type");
    }

    private static String payment() {
        String paid = example("order.paid");
        return paid.substring(paid.indexOf("{", paid.indexOf("\"payment\"")), paid.indexOf("}", paid.indexOf("\"payment\"")) + 1);
    }

    static String example(String name) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
