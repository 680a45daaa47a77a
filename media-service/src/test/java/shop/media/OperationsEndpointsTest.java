package shop.media;

import java.util.List;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.media.support.MediaStack;
import shop.polyglot.stack.OperationsEndpointsContract;

/** Health, metrics, OpenAPI and Swagger UI, against the real stores of deploy/local/stack. */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected List<String> storeChecks() {
        return List.of("S3 media bucket");
    }
}
