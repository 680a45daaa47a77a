package shop.kit.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can go wrong, answered in the one dialect: {@code application/problem+json}
 * with {@code type https://polyglot-shop.dev/problems/<kind>}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, {@code requestId}, and {@code errors} for invalid input.
 */
@QuarkusTest
class ProblemAnswersTest {

    @TestHTTPResource("/")
    URI root;

    static Response assertProblem(Response response, ProblemType type, String path) {
        response.then().statusCode(type.status())
                .contentType("application/problem+json")
                .body("type", equalTo("https://polyglot-shop.dev/problems/" + type.kind()))
                .body("title", equalTo(type.title()))
                .body("status", equalTo(type.status()))
                .body("instance", equalTo(path))
                .body("answeredBy", equalTo("kit-test-shop"));
        assertThat(response.<String>path("detail")).isNotBlank();
        assertThat(response.<String>path("requestId")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
        return response;
    }

    @Test
    void malformedJsonIsInvalidInputNamingTheBody() {
        Response answer = given().contentType(ContentType.JSON).body("{\"note\": ").post("/shelf/orders");
        assertProblem(answer, ProblemType.INVALID_INPUT, "/shelf/orders")
                .then().body("errors[0].field", equalTo("body"));
        assertThat(answer.<String>path("errors[0].message")).startsWith("is not well-formed JSON");
    }

    @Test
    void aWrongTypeNamesTheFieldByItsJsonPath() {
        String body = "{\"note\":\"n\",\"items\":[{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":1.5}]}";
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/shelf/orders"),
                ProblemType.INVALID_INPUT, "/shelf/orders")
                .then().body("errors[0].field", equalTo("items[0].quantity"))
                .body("errors[0].message", equalTo("has the wrong type or format"));
    }

    @Test
    void onlyTheCanonicalFormOfAUuidIsAUuid() {
        for (String notCanonical : List.of("AAAAAAAAAAAAAAAAAAAAAA==", "1-2-3-4-5", "0", "")) {
            String body = "{\"note\":\"n\",\"items\":[{\"productId\":\"" + notCanonical + "\",\"quantity\":1}]}";
            assertProblem(given().contentType(ContentType.JSON).body(body).post("/shelf/orders"),
                    ProblemType.INVALID_INPUT, "/shelf/orders").then().body("errors.field", hasItem(
                            org.hamcrest.Matchers.startsWith("items[0].productId")));
        }
    }

    @Test
    void aBodyOfTheWrongShapeIsInvalidInput() {
        for (String wrong : List.of("[]", "\"text\"", "{\"note\":\"n\",\"items\":{}}", "{} {}")) {
            assertProblem(given().contentType(ContentType.JSON).body(wrong).post("/shelf/orders"),
                    ProblemType.INVALID_INPUT, "/shelf/orders");
        }
    }

    @Test
    void invalidValuesNameEachFieldSorted() {
        String body = "{\"note\":\"\",\"items\":[{\"productId\":null,\"quantity\":0}]}";
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/shelf/orders"),
                ProblemType.INVALID_INPUT, "/shelf/orders")
                .then().body("errors.field", equalTo(List.of("items[0].productId", "items[0].quantity", "note")));
    }

    @Test
    void aMissingBodyIsInvalidInput() {
        assertProblem(given().contentType(ContentType.JSON).post("/shelf/orders"), ProblemType.INVALID_INPUT,
                "/shelf/orders");
    }

    @Test
    void aBadPathOrQueryParameterIs400Never404() {
        assertProblem(given().get("/shelf/products/not-a-uuid"), ProblemType.INVALID_INPUT, "/shelf/products/not-a-uuid")
                .then().body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("must be a UUID"));
        assertProblem(given().get("/shelf/products/1-2-3-4-5"), ProblemType.INVALID_INPUT, "/shelf/products/1-2-3-4-5");
        // a blank segment names nothing (the bad-input corpus found it a 500: null reached the resource)
        assertProblem(given().urlEncodingEnabled(false).get("/shelf/products/%20"), ProblemType.INVALID_INPUT,
                "/shelf/products/%20").then().body("errors[0].field", equalTo("id"));
        assertProblem(given().queryParam("days", "abc").get("/shelf/report"), ProblemType.INVALID_INPUT, "/shelf/report")
                .then().body("errors[0].field", equalTo("days")).body("errors[0].message", equalTo("must be a whole number"));
        assertProblem(given().queryParam("days", "99999999999").get("/shelf/report"), ProblemType.INVALID_INPUT,
                "/shelf/report").then().body("errors[0].field", equalTo("days"));
        // an empty value is no value: the default applies
        given().get("/shelf/report?days=").then().statusCode(200).body("days", equalTo(30));
        assertProblem(given().queryParam("days", "0").get("/shelf/report"), ProblemType.INVALID_INPUT, "/shelf/report")
                .then().body("errors[0].field", equalTo("days"));
    }

    @Test
    void anUnknownPathIsNotFoundAndAWrongMethodSaysWhichAreAllowed() {
        assertProblem(given().get("/shelf/nothing-here"), ProblemType.NOT_FOUND, "/shelf/nothing-here");
        assertProblem(given().delete("/shelf/orders"), ProblemType.METHOD_NOT_ALLOWED, "/shelf/orders");
        given().options("/shelf/orders").then().header("Allow", org.hamcrest.Matchers.containsString("POST"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        assertProblem(given().contentType("text/plain").body("hello").post("/shelf/orders"),
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "/shelf/orders");
    }

    @Test
    void aBodyDeclaredTooLargeIs413BeforeItIsRead() {
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(given().contentType(ContentType.JSON).body(big).post("/shelf/orders"), ProblemType.TOO_LARGE,
                "/shelf/orders");
    }

    @Test
    void aChunkedBodyPastTheLimitIs413Too() throws Exception {
        // no Content-Length: the body streams, and is counted as it comes
        InputStream chunks = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"note\":\"".getBytes()),
                new ByteArrayInputStream("x".repeat(8192).getBytes()),
                new ByteArrayInputStream("\",\"items\":[]}".getBytes()))));
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(root.resolve("/shelf/orders")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunks)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"https://polyglot-shop.dev/problems/too-large\"");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws Exception {
        String order = "{\"note\":\"n\",\"items\":[{\"productId\":\"" + UUID.randomUUID() + "\",\"quantity\":2}]}";
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(root.resolve("/shelf/orders")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(order.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"lines\":1}");
    }

    @Test
    void everyKindOfProblemLeavesWithItsOwnTypeAndStatus() {
        for (ProblemType type : ProblemType.values()) {
            String path = "/shelf/problems/" + type.name();
            assertProblem(given().get(path), type, path);
        }
    }

    @Test
    void theUnexpectedIs500WithTheRequestIdAndNoTrace() {
        Response answer = given().header("X-Request-Id", "req-42").get("/shelf/boom");
        assertProblem(answer, ProblemType.INTERNAL_ERROR, "/shelf/boom").then().body("requestId", equalTo("req-42"));
        assertThat(answer.asString()).doesNotContain("secret");
    }

    @Test
    void aServiceCalledStraightGetsARequestIdMadeUpAndEchoed() {
        Response answer = given().get("/shelf/boom");
        assertThat(answer.header("X-Request-Id")).isEqualTo(answer.<String>path("requestId"));
    }

    @Test
    void aStoreThatDoesNotAnswerIs503WithRetryAfter() {
        assertProblem(given().get("/shelf/store-down"), ProblemType.UNAVAILABLE, "/shelf/store-down")
                .then().header("Retry-After", "5");
    }

    @Test
    void aServiceSaysWhatItsStoreErrorsMean() {
        assertProblem(given().get("/shelf/duplicate"), ProblemType.CONFLICT, "/shelf/duplicate");
    }

    @Test
    void theTypesAreDistinctUris() {
        assertThat(java.util.Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates();
        assertThat(ProblemType.ofStatus(418)).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(ProblemType.ofStatus(599)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }

    static Map<String, String> admin() {
        return Map.of("X-User-Id", UUID.randomUUID().toString(), "X-User-Roles", "admin");
    }
}
