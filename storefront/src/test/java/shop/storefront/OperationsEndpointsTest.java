package shop.storefront;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.OperationsEndpointsContract;

/**
 * Health, metrics, OpenAPI and Swagger UI, as every service of the suite serves them. The storefront
 * reaches no store (the visitor's browser calls the API through the gateway): nothing to be ready for.
 */
@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected List<String> storeChecks() {
        return List.of();
    }
}
