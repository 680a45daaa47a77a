package shop.catalog.user;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static shop.catalog.support.Shop.anonymous;
import static shop.catalog.support.Shop.problemType;
import static shop.catalog.support.Shop.unique;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.StoreUnreachableContract;

/** session-service unreachable: login and logout answer 503 problem+json, quickly, never 500. */
@QuarkusTest
@TestProfile(LoginWithSessionServiceDownTest.SessionServiceDown.class)
class LoginWithSessionServiceDownTest {

    /** Only these servers (no global test resources), the one named pointed where nothing listens. */
    public static class SessionServiceDown extends StoreUnreachableContract.Profile {
        public SessionServiceDown() {
            super("postgres,redis,session-service", "session-service");
        }
    }

    @Test
    void loginIs503WhenSessionServiceIsDown() {
        String email = unique("down") + "@shop.test";
        anonymous().body(Map.of("email", email, "name", "Dee", "password", "correct-horse")).post("/api/users").then()
                .statusCode(201);
        anonymous().body(Map.of("email", email, "password", "correct-horse")).post("/api/auth/login").then()
                .statusCode(503).contentType("application/problem+json").body("status", equalTo(503))
                .body("type", equalTo(problemType("unavailable"))).header("Retry-After", notNullValue());
        // a wrong password is still 401: it never gets as far as session-service
        anonymous().body(Map.of("email", email, "password", "wrong-horse")).post("/api/auth/login").then()
                .statusCode(401);
    }

    @Test
    void logoutIs503WhenSessionServiceIsDown() {
        anonymous().header("Authorization", "Bearer some-token").post("/api/auth/logout").then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo(problemType("unavailable")))
                .header("Retry-After", notNullValue());
    }
}
