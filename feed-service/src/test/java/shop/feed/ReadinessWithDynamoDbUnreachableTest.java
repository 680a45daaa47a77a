package shop.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.LocalStackResource;

/** "Ready" means usable: with DynamoDb unreachable the service says so, quickly, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithDynamoDbUnreachableTest.DynamoDbUnreachable.class)
class ReadinessWithDynamoDbUnreachableTest {

    /**
     * The stores from the stack, dynamodb pointed where nothing listens. Its own test resource,
     * with the global ones disabled: two resources configuring the same key would race.
     */
    public static class DynamoDbUnreachable implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStackResource.class, Map.of(
                    LocalStackResource.COMPONENTS, "dynamodb,kafka",
                    LocalStackResource.UNREACHABLE, "dynamodb")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void readinessIsDownWhileDynamoDbIsUnreachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", is("DOWN"))
                .body(check("DynamoDB feed table"), is("DOWN"))
                .body(check("Kafka cluster"), is("UP"));
    }

    @Test
    void livenessStaysUpWhileDynamoDbIsUnreachable() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    private static String check(String name) {
        return OperationsEndpointsTest.check(name);
    }
}
