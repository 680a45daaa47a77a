package shop.kit.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;

/**
 * A service's spans reach a real Zipkin (the local stack's) through the kit's exporter, in the trace
 * the caller's {@code traceparent} names; a malformed one starts a new trace and is never an error.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "components", value = "zipkin"))
class SpansReachZipkinTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRequestIsASpanOfTheCallersTraceInZipkin() {
        String traceId = hex(16);
        String parentId = hex(8);
        UUID id = UUID.randomUUID();
        given().header("traceparent", "00-" + traceId + "-" + parentId + "-01")
                .get("/shelf/products/{id}", id).then().statusCode(200);

        List<Map<String, Object>> spans = awaitTrace(traceId);
        assertThat(spans).anySatisfy(span -> {
            assertThat(span).containsEntry("kind", "SERVER").containsEntry("parentId", parentId);
            assertThat(span.get("localEndpoint")).asString().contains("kit-test-shop");
            assertThat(span.get("tags")).asString().contains("/shelf/products/" + id);
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

    /** The trace's spans once Zipkin has the server span (the exporter sends in batches, every few seconds). */
    static List<Map<String, Object>> awaitTrace(String traceId) {
        URI uri = URI.create("http://127.0.0.1:" + LocalStack.env().get("STACK_ZIPKIN_PORT") + "/api/v2/trace/" + traceId);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200
                    ? JSON.readValue(answer.body(), new TypeReference<List<Map<String, Object>>>() { })
                    : List.<Map<String, Object>>of();
        }, spans -> spans.stream().anyMatch(span -> "SERVER".equals(span.get("kind"))));
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
