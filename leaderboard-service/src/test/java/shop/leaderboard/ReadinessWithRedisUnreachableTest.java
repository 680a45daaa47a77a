package shop.leaderboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/**
 * With Redis unreachable the service says it is not ready, stays alive, and answers API calls
 * with a 503 problem rather than a 500 or a hang.
 */
@QuarkusTest
@TestProfile(ReadinessWithRedisUnreachableTest.RedisUnreachable.class)
class ReadinessWithRedisUnreachableTest extends StoreUnreachableContract {

    public static class RedisUnreachable extends Profile {
        public RedisUnreachable() {
            super("redis", "redis");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "Redis connection health check";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of();
    }

    @Test
    void leaderboardCallsAre503ProblemWhileRedisIsUnreachable() {
        String user = "0b8f4e1c-3b0a-4c9e-9a55-0123456789ab";
        given().get("/api/leaderboards/chess/top").then()
                .statusCode(503).contentType("application/problem+json").body("status", is(503));
        given().get("/api/leaderboards/chess/users/{u}", user).then().statusCode(503);
        given().header("X-User-Id", user).header("X-User-Roles", "admin").contentType(ContentType.JSON)
                .body(Map.of("delta", 1)).post("/api/leaderboards/chess/scores/{u}/increment", user)
                .then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void badInputIsStill400WhileRedisIsUnreachable() {
        given().get("/api/leaderboards/chess/top?count=0").then().statusCode(400)
                .body("errors[0].field", is("count"));
    }
}
