package shop.feed;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/** With DynamoDB unreachable the service says it is not ready, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithDynamoDbUnreachableTest.DynamoDbUnreachable.class)
class ReadinessWithDynamoDbUnreachableTest extends StoreUnreachableContract {

    public static class DynamoDbUnreachable extends Profile {
        public DynamoDbUnreachable() {
            super("dynamodb,kafka", "dynamodb");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "DynamoDB feed table";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of("Kafka cluster");
    }
}
