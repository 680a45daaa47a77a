package shop.kit.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.polyglot.stack.Zipkin.hex;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.Zipkin;

/**
 * A service's spans reach a real Zipkin (the local stack's) through the kit's exporter, in the trace
 * the caller's {@code traceparent} names; a malformed one starts a new trace and is never an error.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "components", value = "zipkin"))
class SpansReachZipkinTest {

    @Test
    void aRequestIsASpanOfTheCallersTraceInZipkin() {
        String traceId = hex(16);
        String parentId = hex(8);
        UUID id = UUID.randomUUID();
        given().header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                .get("/shelf/products/{id}", id).then().statusCode(200);

        List<Map<String, Object>> spans = Zipkin.awaitTrace(traceId, trace -> Zipkin.has(trace, "kit-test-shop", "SERVER"));
        assertThat(spans).anySatisfy(span -> {
            assertThat(span).containsEntry("kind", "SERVER").containsEntry("parentId", parentId);
            assertThat(Zipkin.tags(span)).containsEntry("http.route", "/shelf/products/{id}");
        });
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndIsNoError() {
        for (String bad : List.of("garbage", "00-" + "0".repeat(32) + "-" + hex(8) + "-01", "00-" + hex(16) + "-" + hex(8),
                "00-" + hex(16) + "-" + hex(8) + "-01" + "x".repeat(8_000))) {
            given().header("traceparent", bad).header("tracestate", "=,=;" + "y".repeat(600))
                    .get("/shelf/products/{id}", UUID.randomUUID()).then().statusCode(200);
        }
    }
}
