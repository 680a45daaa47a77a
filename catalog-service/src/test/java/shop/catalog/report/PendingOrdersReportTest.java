package shop.catalog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.asAdmin;
import static shop.catalog.support.Shop.customer;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class PendingOrdersReportTest {

    private static String place(UUID buyer, UUID productId, int quantity) {
        return as(buyer).body(Map.of("userId", buyer.toString(),
                        "items", List.of(Map.of("productId", productId.toString(), "quantity", quantity))))
                .post("/api/orders").then().statusCode(201).extract().path("id");
    }

    @Test
    void listsRecentPendingOrdersWithMoreThanMinItemsUnits() {
        UUID buyer = customer();
        UUID item = product("2.50", 100);
        String big = place(buyer, item, 4);
        String small = place(buyer, item, 3);
        String paid = place(buyer, item, 5);
        as(buyer).body(Map.of("amount", 12.50, "method", "card")).post("/api/orders/" + paid + "/payments").then()
                .statusCode(201);
        String cancelled = place(buyer, item, 6);
        as(buyer).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);

        List<Map<String, Object>> rows = asAdmin().queryParam("days", 30).queryParam("minItems", 3)
                .get("/api/reports/pending-orders").then().statusCode(200).extract().path("");
        List<Object> ids = rows.stream().map(r -> r.get("orderId")).toList();
        assertThat(ids).contains(big).doesNotContain(small, paid, cancelled);
        Map<String, Object> row = rows.stream().filter(r -> big.equals(r.get("orderId"))).findFirst().orElseThrow();
        assertThat(row.get("itemCount")).isEqualTo(4);
        assertThat(((Number) row.get("total")).doubleValue()).isEqualTo(10.0);
        assertThat((String) row.get("email")).endsWith("@shop.test");
    }

    @Test
    void reportsAreForAdminsAndCheckTheirParameters() {
        anonymous().get("/api/reports/pending-orders").then().statusCode(401)
                .body("type", equalTo(problemType("not-signed-in")));
        as(UUID.randomUUID()).get("/api/reports/pending-orders").then().statusCode(403)
                .body("type", equalTo(problemType("forbidden")));
        asAdmin().queryParam("days", 0).get("/api/reports/pending-orders").then().statusCode(400)
                .body("type", equalTo(problemType("invalid-input"))).body("errors.field", hasItem("days"));
        asAdmin().queryParam("minItems", -1).get("/api/reports/pending-orders").then().statusCode(400)
                .body("errors.field", hasItem("minItems"));
        asAdmin().queryParam("days", "abc").get("/api/reports/pending-orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("days"));
    }
}
