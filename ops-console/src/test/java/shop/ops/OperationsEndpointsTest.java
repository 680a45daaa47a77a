package shop.ops;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.OperationsEndpointsContract;

/**
 * Health, metrics, OpenAPI and Swagger UI. The console is ready whatever the rest of the suite does:
 * showing what is down is its job, so no store is a readiness check of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka"))
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected List<String> storeChecks() {
        return List.of();
    }
}
