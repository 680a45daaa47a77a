package shop.kit.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import shop.kit.problem.ProblemType;

/** Identity from the gateway's headers, through Quarkus Security: @Authenticated, @RolesAllowed, one's own or admin. */
@QuarkusTest
class GatewayIdentityTest {

    static final String VALID_ORDER = "{\"note\":\"n\",\"items\":[{\"productId\":\"" + UUID.randomUUID()
            + "\",\"quantity\":1}]}";

    @Test
    void theGatewaysHeadersAreTheCaller() {
        UUID me = UUID.randomUUID();
        given().header("X-User-Id", me.toString()).header("X-User-Roles", "customer").get("/shelf/me")
                .then().statusCode(200).body("id", equalTo(me.toString())).body("admin", equalTo(false));
        given().header("X-User-Id", me.toString()).header("X-User-Roles", "customer, admin").get("/shelf/me")
                .then().statusCode(200).body("admin", equalTo(true));
    }

    @Test
    void nobodySignedInIs401NotSignedIn() {
        given().get("/shelf/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(ProblemType.NOT_SIGNED_IN.uri().toString()));
        // a user id that is no UUID (or a short form of one) names nobody
        for (String notAUser : new String[] { "", "admin", "1-2-3-4-5", "' or 1=1" }) {
            given().header("X-User-Id", notAUser).header("X-User-Roles", "admin").get("/shelf/me")
                    .then().statusCode(401);
        }
    }

    @Test
    void aCustomerOnAnAdminRouteIs403() {
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer")
                .contentType(ContentType.JSON).body(VALID_ORDER).post("/shelf/admin/products")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.FORBIDDEN.uri().toString()));
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin")
                .contentType(ContentType.JSON).body(VALID_ORDER).post("/shelf/admin/products")
                .then().statusCode(200);
    }

    @Test
    void identityIsCheckedBeforeTheBodyIsRead() {
        // an invalid body from an anonymous caller is 401, from a customer 403: neither learns what a body needs
        given().contentType(ContentType.JSON).body("{not json").post("/shelf/admin/products").then().statusCode(401);
        given().header("X-User-Id", UUID.randomUUID().toString()).contentType(ContentType.JSON).body("{not json")
                .post("/shelf/admin/products").then().statusCode(403);
    }

    @Test
    void onesOwnOrAdminAnotherUsersIs404() {
        UUID me = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        given().header("X-User-Id", me.toString()).get("/shelf/users/" + me + "/orders").then().statusCode(200);
        given().header("X-User-Id", me.toString()).get("/shelf/users/" + someoneElse + "/orders")
                .then().statusCode(404).body("type", equalTo(ProblemType.NOT_FOUND.uri().toString()));
        given().header("X-User-Id", me.toString()).header("X-User-Roles", "admin")
                .get("/shelf/users/" + someoneElse + "/orders").then().statusCode(200);
    }
}
