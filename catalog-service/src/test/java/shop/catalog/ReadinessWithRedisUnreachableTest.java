package shop.catalog;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/** With Redis unreachable the service says it is not ready, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithRedisUnreachableTest.RedisUnreachable.class)
class ReadinessWithRedisUnreachableTest extends StoreUnreachableContract {

    public static class RedisUnreachable extends Profile {
        public RedisUnreachable() {
            super("postgres,redis", "redis");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "Redis connection health check";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of("Database connections health check");
    }
}
