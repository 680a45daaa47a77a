package shop.catalog.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.unique;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStackResource;

/** Login and logout against the real session-service. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,redis,kafka,connect,session-service"))
class LoginTest {

    @ConfigProperty(name = "quarkus.rest-client.session-service.url")
    String sessionService;

    private String registered(String password) {
        String email = unique("login") + "@shop.test";
        anonymous().body(Map.of("email", email, "name", "Lee", "password", password)).post("/api/users").then()
                .statusCode(201);
        return email;
    }

    @Test
    void theRightPasswordStartsASessionInSessionService() {
        String email = registered("correct-horse");
        var login = anonymous().body(Map.of("email", email.toUpperCase(), "password", "correct-horse"))
                .post("/api/auth/login").then().statusCode(200)
                .body("token", notNullValue()).body("userId", notNullValue()).body("expiresAt", notNullValue())
                .extract();
        String token = login.path("token");
        given().baseUri(sessionService).header("X-User-Id", login.<String>path("userId"))
                .get("/api/sessions/" + token).then().statusCode(200).body("userId", equalTo(login.path("userId")));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSame401() {
        String email = registered("correct-horse");
        // one request id for both: a problem echoes it, and it is all that may tell the two answers apart
        String requestId = unique("login");
        var wrong = anonymous().header("X-Request-Id", requestId)
                .body(Map.of("email", email, "password", "wrong-horse")).post("/api/auth/login")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(problemType("not-signed-in"))).extract().asString();
        var unknown = anonymous().header("X-Request-Id", requestId)
                .body(Map.of("email", unique("nobody") + "@shop.test", "password", "wrong-horse"))
                .post("/api/auth/login").then().statusCode(401).extract().asString();
        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void theConfiguredAdminCanLogIn() {
        anonymous().body(Map.of("email", "admin@shop.local", "password", "admin-local-only")).post("/api/auth/login")
                .then().statusCode(200).body("token", notNullValue());
    }

    @Test
    void loggingOutEndsTheSession() {
        String email = registered("correct-horse");
        var login = anonymous().body(Map.of("email", email, "password", "correct-horse")).post("/api/auth/login")
                .then().statusCode(200).extract();
        String token = login.path("token");
        anonymous().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        given().baseUri(sessionService).header("X-User-Id", login.<String>path("userId"))
                .get("/api/sessions/" + token).then().statusCode(404);
        // already gone: still 204
        anonymous().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void loggingOutWithoutABearerTokenIs401() {
        anonymous().post("/api/auth/logout").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(problemType("not-signed-in")));
    }

    @Test
    void anEmptyLoginIs400() {
        anonymous().body(Map.of("email", "")).post("/api/auth/login").then().statusCode(400)
                .body("type", equalTo(problemType("invalid-input")))
                .body("errors.field", org.hamcrest.Matchers.hasItems("email", "password"));
    }
}
