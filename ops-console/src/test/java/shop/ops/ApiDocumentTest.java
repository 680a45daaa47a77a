package shop.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.ApiDocumentContract;
import shop.polyglot.stack.LocalStackResource;

/** Every operation of the console's OpenAPI document: its problems, and who may call it as routes.tsv says. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka"))
class ApiDocumentTest extends ApiDocumentContract {
}
