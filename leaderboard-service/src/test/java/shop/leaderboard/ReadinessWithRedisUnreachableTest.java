package shop.leaderboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.LocalStackResource;

/** "Ready" means usable: with Redis unreachable the service says so, quickly, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithRedisUnreachableTest.RedisUnreachable.class)
class ReadinessWithRedisUnreachableTest {

    /**
     * The stores from the stack, redis pointed where nothing listens. Its own test resource,
     * with the global ones disabled: two resources configuring the same key would race.
     */
    public static class RedisUnreachable implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStackResource.class, Map.of(
                    LocalStackResource.COMPONENTS, "redis",
                    LocalStackResource.UNREACHABLE, "redis")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void readinessIsDownWhileRedisIsUnreachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", is("DOWN"))
                .body(check("Redis connection health check"), is("DOWN"));
    }

    @Test
    void livenessStaysUpWhileRedisIsUnreachable() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    private static String check(String name) {
        return OperationsEndpointsTest.check(name);
    }
}
