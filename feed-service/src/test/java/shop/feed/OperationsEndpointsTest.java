package shop.feed;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.OperationsEndpointsContract;

/** Health, metrics, OpenAPI and Swagger UI, against the real stores of deploy/local/stack. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "components", value = "dynamodb,kafka"))
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected List<String> storeChecks() {
        return List.of("DynamoDB feed table", "Kafka cluster");
    }
}
