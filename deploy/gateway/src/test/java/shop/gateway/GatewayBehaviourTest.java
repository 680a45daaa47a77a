package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.gateway.support.Gateway.assertGatewayProblem;
import static shop.gateway.support.Gateway.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.gateway.support.Persona;
import shop.gateway.support.Personas;

/** What the gateway does to every request: authentication, identity headers, request ids, limits. */
class GatewayBehaviourTest extends Personas {

    @Test
    void aForgedTokenIsRefusedEvenOnOpenRoutes() {
        Persona forger = new Persona(customer.userId(), "forged-" + UUID.randomUUID(), Gateway.newClientAddress());
        assertGatewayProblem(forger.request().get("/api/products"), 401, "not-signed-in");
        assertGatewayProblem(forger.request().get("/api/users/" + customer.userId()), 401, "not-signed-in");
        Persona wellFormed = new Persona(customer.userId(), "A".repeat(43), Gateway.newClientAddress());
        assertGatewayProblem(wellFormed.request().get("/api/orders/" + UUID.randomUUID()), 401, "not-signed-in");
        Response basic = anonymous.request().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/products");
        assertGatewayProblem(basic, 401, "not-signed-in");
    }

    @Test
    void identityHeadersFromClientsAreIgnored() {
        // anonymous, claiming to be an admin and the customer: still anonymous
        Response spoofedAnonymous = anonymous.request().header("X-User-Id", customer.userId())
                .header("X-User-Roles", "admin").get("/api/users/" + customer.userId());
        assertGatewayProblem(spoofedAnonymous, 401, "not-signed-in");
        assertGatewayProblem(anonymous.request().header("X-User-Roles", "admin")
                .body(CatalogRoutesTest.product(Gateway.unique("SKU"))).post("/api/products"), 401, "not-signed-in");

        // signed in, claiming the admin role: still a customer
        Response spoofedRole = customer.request().header("X-User-Roles", "admin")
                .body(CatalogRoutesTest.product(Gateway.unique("SKU"))).post("/api/products");
        assertGatewayProblem(spoofedRole, 403, "forbidden");
        assertGatewayProblem(customer.request().header("x-user-roles", "admin").get("/api/reports/pending-orders"), 403,
                "forbidden");

        // signed in, claiming to be another user: the service sees the token's user, who is not that one
        Response spoofedUser = customer.request().header("X-User-Id", otherCustomer.userId())
                .get("/api/users/" + otherCustomer.userId());
        assertThat(spoofedUser.statusCode()).as(describe(spoofedUser)).isEqualTo(404);
        Response ownDespiteSpoof = customer.request().header("X-User-Id", otherCustomer.userId())
                .get("/api/users/" + customer.userId());
        assertThat(ownDespiteSpoof.statusCode()).isEqualTo(200);
        assertThat(ownDespiteSpoof.jsonPath().getString("id")).isEqualTo(customer.userId());
    }

    @Test
    void everyAnswerCarriesARequestIdAndAClientsOwnIsKept() {
        Response routed = anonymous.request().get("/api/products");
        Response refused = anonymous.request().get("/api/reports/pending-orders");
        Response unknown = anonymous.request().get("/api/nothing-here");
        for (Response response : List.of(routed, refused, unknown)) {
            assertThat(response.header("X-Request-Id")).as(describe(response)).matches("[A-Za-z0-9._:-]{16,}");
        }
        assertThat(routed.header("X-Request-Id")).isNotEqualTo(refused.header("X-Request-Id"));
        assertThat(unknown.jsonPath().getString("requestId")).isEqualTo(unknown.header("X-Request-Id"));

        String mine = "checkout-" + UUID.randomUUID();
        assertThat(anonymous.request().header("X-Request-Id", mine).get("/api/products").header("X-Request-Id"))
                .isEqualTo(mine);
        // not something to write into logs as is
        String hostile = "x\" injected=1 <script>";
        assertThat(anonymous.request().header("X-Request-Id", hostile).get("/api/products").header("X-Request-Id"))
                .isNotEqualTo(hostile).matches("[A-Za-z0-9._:-]{16,}");
    }

    @Test
    void whatTheContractDoesNotRouteIsNotFound() {
        // "/" is the storefront's page now (StorefrontRoutesTest): a path beside it is still nobody's
        assertGatewayProblem(anonymous.request().get("/nothing-here"), 404, "not-found");
        assertGatewayProblem(anonymous.request().post("/"), 404, "not-found");
        assertGatewayProblem(anonymous.request().get("/q/health/ready"), 404, "not-found");
        assertGatewayProblem(anonymous.request().get("/q/metrics"), 404, "not-found");
        assertGatewayProblem(anonymous.request().get("/api/unknown"), 404, "not-found");
        assertGatewayProblem(anonymous.request().patch("/api/products"), 404, "not-found");
        assertGatewayProblem(customer.request().get("/api/products/" + UUID.randomUUID() + "/images/"
                + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void aBodyLargerThanTheRouteTakesIsRefusedAndChangesNothing() {
        String email = Gateway.unique("big") + "@shop.test";
        Map<String, Object> body = Map.of("email", email, "name", "x".repeat(70_000), "password", "correct-horse-battery");
        assertGatewayProblem(anonymous.request().body(body).post("/api/users"), 413, "too-large");
        // nothing was created: the email is still free
        Response created = anonymous.request()
                .body(Map.of("email", email, "name", "Small", "password", "correct-horse-battery")).post("/api/users");
        assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
    }

    @Test
    void aClientPastItsRateIsToldToRetryLaterWhileOthersGoOn() throws Exception {
        Persona greedy = Persona.anonymous();
        // far more than the burst (STACK_GATEWAY_BURST, 100) at once, on a route the gateway answers
        // itself (401 without a token), so only the gateway is loaded; 600 exceed burst + refill
        // (50/s) unless the box sends fewer than ~60 requests a second
        List<Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                calls.add(pool.submit(() -> greedy.request().get("/api/reports/pending-orders")));
            }
            for (Future<Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Response> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        Response first = limited.get(0);
        assertGatewayProblem(first, 429, "rate-limited");
        assertThat(Integer.parseInt(first.header("Retry-After"))).isPositive();
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(401, 429));

        // another client is not limited by the first one's excess
        Response other = Persona.anonymous().request().get("/api/products");
        assertThat(other.statusCode()).as(describe(other)).isEqualTo(200);
    }
}
