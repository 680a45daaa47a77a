package shop.media;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.media.support.MediaStack;
import shop.polyglot.stack.ApiDocumentContract;

/** Every operation of this service's OpenAPI document: its problems, and who may call it as routes.tsv says. */
@QuarkusTest
@QuarkusTestResource(value = MediaStack.class, initArgs = @ResourceArg(name = "components", value = MediaStack.COMPONENTS))
class ApiDocumentTest extends ApiDocumentContract {
}
