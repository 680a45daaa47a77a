package shop.catalog.access;

import static org.hamcrest.Matchers.equalTo;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.as;
import static shop.catalog.support.Shop.customer;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStackResource;

/**
 * Who may do what (api-contract.md), from the gateway's headers: nobody signed in is 401, a
 * customer sees their own and nothing of others (404), acts for nobody else (403) and is no admin
 * (403); an admin, among other roles or not, may do all of it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class WhoMayDoWhatTest {

    private static final String REPORT = "/api/reports/pending-orders";

    private static RequestSpecification withRoles(String userId, String roles) {
        return anonymous().header("X-User-Id", userId).header("X-User-Roles", roles);
    }

    private static Map<String, Object> orderFor(UUID userId) {
        return Map.of("userId", userId.toString(),
                "items", List.of(Map.of("productId", product("1.00", 1).toString(), "quantity", 1)));
    }

    @Test
    void nobodySignedInIs401ForAnythingThatNeedsSignIn() {
        UUID someone = customer();
        anonymous().get("/api/users/" + someone).then().statusCode(401)
                .body("type", equalTo(problemType("not-signed-in")));
        anonymous().get(REPORT).then().statusCode(401).body("type", equalTo(problemType("not-signed-in")));
        // an order that does not exist is 401 too: nothing is disclosed before sign-in
        anonymous().get("/api/orders/" + UUID.randomUUID()).then().statusCode(401);
        // a user id that is not a UUID, or only a short form of one, names nobody, whatever the roles
        withRoles("not-a-uuid", "admin").get(REPORT).then().statusCode(401);
        withRoles("1-1-1-1-1", "admin").get(REPORT).then().statusCode(401);
    }

    @Test
    void aCustomerSeesTheirOwnAndNothingOfOthers() {
        UUID me = customer();
        UUID other = customer();
        as(me).get("/api/users/" + me).then().statusCode(200).body("id", equalTo(me.toString()));
        as(me).get("/api/users/" + other).then().statusCode(404).body("type", equalTo(problemType("not-found")));
        as(me).body(orderFor(other)).post("/api/orders").then().statusCode(403)
                .body("type", equalTo(problemType("forbidden")));
        as(me).get(REPORT).then().statusCode(403).body("type", equalTo(problemType("forbidden")));
        as(other).get("/api/users/" + other + "/orders").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anAdminAmongSeveralRolesMayDoAnything() {
        UUID customer = customer();
        String admin = UUID.randomUUID().toString();
        withRoles(admin, "customer, admin").get(REPORT).then().statusCode(200);
        withRoles(admin, "customer, admin").get("/api/users/" + customer).then().statusCode(200);
        withRoles(admin, "customer, admin").body(orderFor(customer)).post("/api/orders").then().statusCode(201)
                .body("userId", equalTo(customer.toString()));
        // a role is named exactly: "administrator" is not "admin"
        withRoles(admin, "administrator").get(REPORT).then().statusCode(403);
    }
}
