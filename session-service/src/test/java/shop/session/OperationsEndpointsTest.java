package shop.session;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.OperationsEndpointsContract;

/** Health, metrics, OpenAPI and Swagger UI, against the real stores of deploy/local/stack. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "redis"))
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected List<String> storeChecks() {
        return List.of("Redis connection health check");
    }
}
