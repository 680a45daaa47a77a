package shop.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.customer;
import static shop.catalog.support.Shop.product;
import static shop.catalog.support.Shop.productBody;
import static shop.catalog.support.Shop.unique;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import shop.catalog.support.OutboxEvents;
import shop.events.EventSchemas;
import shop.polyglot.stack.LocalStackResource;

/**
 * The producer's side of the event contract: every type catalog-service publishes, driven through
 * its API and read back from Kafka as consumers read it (through Debezium), conforms to its JSON
 * Schema (support/OutboxEvents checks each), and all order.* events carry one data shape.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class EventContractTest {

    @Test
    void everyEventTypeCatalogPublishesConformsToItsSchema() {
        try (OutboxEvents events = OutboxEvents.of("user", "product", "order")) {
            everyTypeConforms(events);
        }
    }

    private static void everyTypeConforms(OutboxEvents events) {
        List<OutboxEvents.Event> published = new ArrayList<>();
        UUID buyer = customer();
        published.addAll(events.until(buyer, "user.registered", 1));

        String sku = unique("SKU");
        String product = asAdmin().body(productBody(sku, "19.90", 10)).post("/api/products").then().statusCode(201)
                .extract().path("id");
        asAdmin().body(Map.of("sku", sku, "name", "Renamed", "price", new BigDecimal("20.00"), "stock", 10))
                .put("/api/products/" + product).then().statusCode(200);
        String paid = as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", product, "quantity", 2)))).post("/api/orders").then()
                .statusCode(201).extract().path("id");
        as(buyer).body(Map.of("amount", new BigDecimal("40.00"), "method", "card"))
                .post("/api/orders/" + paid + "/payments").then().statusCode(201);
        String cancelled = as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", product, "quantity", 1)))).post("/api/orders").then()
                .statusCode(201).extract().path("id");
        asAdmin().delete("/api/products/" + product).then().statusCode(204);
        as(buyer).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);

        published.addAll(events.until(paid, "order.paid", 2));
        published.addAll(events.until(cancelled, "order.cancelled", 2));
        published.addAll(events.until(product, e -> e.type().equals("product.deleted")));

        Set<String> types = new TreeSet<>();
        published.forEach(e -> types.add(e.type()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(EventSchemas.TYPES);
        // each event was checked against its schema when read; say so once more, all in one place
        assertThat(published).allSatisfy(e -> assertThat(EventSchemas.validate(e.type(), e.record().value()))
                .as(e.record().value()).isEmpty());
    }

    @Test
    void allOrderEventsShareOneShapeAndOnlyAPaidOrderCarriesItsPayment() {
        try (OutboxEvents events = OutboxEvents.of("order")) {
            oneOrderShape(events);
        }
    }

    private static void oneOrderShape(OutboxEvents events) {
        UUID buyer = customer();
        UUID product = product("12.50", 5);
        String order = as(buyer).body(Map.of("userId", buyer.toString(),
                "items", List.of(Map.of("productId", product.toString(), "quantity", 2)))).post("/api/orders").then()
                .statusCode(201).extract().path("id");
        String payment = as(buyer).body(Map.of("amount", new BigDecimal("25.00"), "method", "card"))
                .post("/api/orders/" + order + "/payments").then().statusCode(201).extract().path("id");

        List<OutboxEvents.Event> seen = events.until(order, "order.paid", 2);
        JsonNode placed = seen.get(0).data();
        JsonNode paid = seen.get(1).data();
        assertThat(paid.path("payment").path("id").asText()).isEqualTo(payment);
        assertThat(placed.has("payment")).isFalse();
        // apart from what paying changes, order.paid's data is order.placed's: the same fields, the same values
        ObjectNode paidOrder = paid.deepCopy();
        paidOrder.remove("payment");
        paidOrder.put("status", "PENDING").put("version", 1);
        assertThat(paidOrder).isEqualTo(placed);
    }
}
