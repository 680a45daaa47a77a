package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.gateway.support.Gateway.assertGatewayProblem;
import static shop.gateway.support.Gateway.describe;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.gateway.support.Persona;
import shop.gateway.support.Personas;

/** Users, auth, products, orders, payments and reports, through the gateway to catalog-service. */
class CatalogRoutesTest extends Personas {

    @Test
    void anyoneRegistersAndSignsInButADuplicateEmailIsAConflict() {
        String email = Gateway.unique("dup") + "@shop.test";
        Map<String, String> body = Map.of("email", email, "name", "Dup", "password", "correct-horse-battery");
        Response first = anonymous.request().body(body).post("/api/users");
        assertThat(first.statusCode()).as(describe(first)).isEqualTo(201);
        assertThat(first.jsonPath().getString("role")).isEqualTo("customer");
        assertThat(anonymous.request().body(body).post("/api/users").statusCode()).isEqualTo(409);

        Response wrongPassword = anonymous.request().body(Map.of("email", email, "password", "wrong-password"))
                .post("/api/auth/login");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        Gateway.assertForwarded(wrongPassword);
    }

    @Test
    void aUserIsVisibleToThemselvesOnly() {
        assertGatewayProblem(anonymous.request().get("/api/users/" + customer.userId()), 401, "not-signed-in");
        assertThat(customer.request().get("/api/users/" + customer.userId()).statusCode()).isEqualTo(200);
        assertThat(otherCustomer.request().get("/api/users/" + customer.userId()).statusCode()).isEqualTo(404);
    }

    @Test
    void productsAreOpenToReadAndWrittenByAdminsOnly() {
        Map<String, Object> draft = product(Gateway.unique("SKU"));
        assertGatewayProblem(anonymous.request().body(draft).post("/api/products"), 401, "not-signed-in");
        assertGatewayProblem(customer.request().body(draft).post("/api/products"), 403, "forbidden");
        Response created = admin.request().body(draft).post("/api/products");
        assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
        String id = created.path("id");

        assertThat(anonymous.request().get("/api/products/" + id).statusCode()).isEqualTo(200);
        assertThat(anonymous.request().queryParam("page", 0).queryParam("size", 5).get("/api/products").statusCode())
                .isEqualTo(200);
        assertThat(anonymous.request().get("/api/products/" + id + "/images").statusCode()).isEqualTo(200);

        assertGatewayProblem(anonymous.request().body(draft).put("/api/products/" + id), 401, "not-signed-in");
        assertGatewayProblem(customer.request().body(draft).put("/api/products/" + id), 403, "forbidden");
        assertThat(admin.request().body(draft).put("/api/products/" + id).statusCode()).isEqualTo(200);

        Map<String, Object> image = Map.of("key", "products/" + id + "/a.png", "contentType", "image/png", "size", 10);
        assertGatewayProblem(customer.request().body(image).post("/api/products/" + id + "/images"), 403, "forbidden");

        assertGatewayProblem(customer.request().delete("/api/products/" + id), 403, "forbidden");
        assertThat(admin.request().delete("/api/products/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void ordersAndPaymentsAreTheOwnersOnly() {
        String productId = admin.request().body(product(Gateway.unique("SKU"))).post("/api/products")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> order = Map.of("userId", customer.userId(),
                "items", List.of(Map.of("productId", productId, "quantity", 2)));

        assertGatewayProblem(anonymous.request().body(order).post("/api/orders"), 401, "not-signed-in");
        Response placed = customer.request().body(order).post("/api/orders");
        assertThat(placed.statusCode()).as(describe(placed)).isEqualTo(201);
        String orderId = placed.path("id");
        BigDecimal total = new BigDecimal(placed.jsonPath().getString("total"));

        assertGatewayProblem(anonymous.request().get("/api/orders/" + orderId), 401, "not-signed-in");
        assertThat(customer.request().get("/api/orders/" + orderId).statusCode()).isEqualTo(200);
        assertThat(otherCustomer.request().get("/api/orders/" + orderId).statusCode()).isEqualTo(404);
        assertThat(admin.request().get("/api/orders/" + orderId).statusCode()).isEqualTo(200);
        assertThat(customer.request().get("/api/users/" + customer.userId() + "/orders").statusCode()).isEqualTo(200);
        assertThat(otherCustomer.request().get("/api/users/" + customer.userId() + "/orders").statusCode())
                .isEqualTo(404);

        Map<String, Object> payment = Map.of("amount", total, "method", "card");
        assertGatewayProblem(anonymous.request().body(payment).post("/api/orders/" + orderId + "/payments"), 401,
                "not-signed-in");
        assertThat(otherCustomer.request().body(payment).post("/api/orders/" + orderId + "/payments").statusCode())
                .isEqualTo(404);
        Response paid = customer.request().header("Idempotency-Key", Gateway.unique("pay")).body(payment)
                .post("/api/orders/" + orderId + "/payments");
        assertThat(paid.statusCode()).as(describe(paid)).isEqualTo(201);

        String second = customer.request().body(order).post("/api/orders").then().statusCode(201).extract().path("id");
        assertGatewayProblem(anonymous.request().post("/api/orders/" + second + "/cancel"), 401, "not-signed-in");
        assertThat(otherCustomer.request().post("/api/orders/" + second + "/cancel").statusCode()).isEqualTo(404);
        Response cancelled = customer.request().post("/api/orders/" + second + "/cancel");
        assertThat(cancelled.statusCode()).as(describe(cancelled)).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void reportsAreForAdminsOnly() {
        String path = "/api/reports/pending-orders";
        assertGatewayProblem(anonymous.request().get(path), 401, "not-signed-in");
        assertGatewayProblem(customer.request().get(path), 403, "forbidden");
        Response report = admin.request().queryParam("days", 30).queryParam("minItems", 3).get(path);
        assertThat(report.statusCode()).as(describe(report)).isEqualTo(200);
    }

    @Test
    void afterLogoutTheTokenIsRefused() {
        String email = Gateway.unique("bye") + "@shop.test";
        String password = "correct-horse-battery";
        anonymous.request().body(Map.of("email", email, "name", "Bye", "password", password))
                .post("/api/users").then().statusCode(201);
        Persona leaving = Persona.signIn(email, password, Gateway.newClientAddress());
        assertThat(leaving.request().get("/api/users/" + leaving.userId()).statusCode()).isEqualTo(200);

        assertGatewayProblem(anonymous.request().post("/api/auth/logout"), 401, "not-signed-in");
        assertThat(leaving.request().post("/api/auth/logout").statusCode()).isEqualTo(204);
        // the very next request: the gateway asks session-service about every token, it keeps no answer
        assertGatewayProblem(leaving.request().get("/api/users/" + leaving.userId()), 401, "not-signed-in");
    }

    @Test
    void afterLogoutEverywhereEveryTokenOfTheUserIsRefusedAtOnce() {
        String email = Gateway.unique("stolen") + "@shop.test";
        String password = "correct-horse-battery";
        anonymous.request().body(Map.of("email", email, "name", "Stolen", "password", password))
                .post("/api/users").then().statusCode(201);
        List<Persona> sessions = List.of(Persona.signIn(email, password, Gateway.newClientAddress()),
                Persona.signIn(email, password, Gateway.newClientAddress()),
                Persona.signIn(email, password, Gateway.newClientAddress()));
        String orders = "/api/users/" + sessions.get(0).userId() + "/orders";
        for (Persona session : sessions) {
            assertThat(session.request().get(orders).statusCode()).isEqualTo(200);
        }
        Response ended = sessions.get(1).request().delete("/api/sessions/by-user/" + sessions.get(1).userId());
        assertThat(ended.statusCode()).as(describe(ended)).isEqualTo(204);
        for (Persona session : sessions) {
            assertGatewayProblem(session.request().get(orders), 401, "not-signed-in");
        }
    }

    static Map<String, Object> product(String sku) {
        return Map.of("sku", sku, "name", "Gateway headphones " + sku, "description", "Through the gateway",
                "brand", "Acme", "price", new BigDecimal("49.50"), "tags", List.of("audio"), "stock", 50);
    }
}
