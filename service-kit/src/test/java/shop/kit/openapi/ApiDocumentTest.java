package shop.kit.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's filter on the test application's document: problem responses and who may call, per operation. */
@QuarkusTest
class ApiDocumentTest {

    private JsonPath document;

    /** Read in each test: rest-assured has the application's random port only once a test runs. */
    @BeforeEach
    void read() {
        document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBodyMeansInvalidInputTooLargeAndUnsupportedMediaType() {
        assertThat(problems("/shelf/orders", "post")).containsExactly("400", "413", "415", "500", "503");
    }

    @Test
    void aPathParameterMeansNotFoundAndInvalidInput() {
        assertThat(problems("/shelf/products/{id}", "get")).containsExactly("400", "404", "500", "503");
    }

    @Test
    void noInputStillMeansInternalErrorAndUnavailable() {
        assertThat(problems("/shelf/boom", "get")).containsExactly("500", "503");
        assertThat(operation("/shelf/boom", "get")).doesNotContainKey("security");
    }

    @Test
    void signedInIsTheSessionTokenWithoutRolesAnd401Only() {
        assertThat(security("/shelf/me", "get")).isEqualTo(List.of(Map.of(ApiDocs.SESSION_TOKEN, List.of())));
        assertThat(problems("/shelf/me", "get")).containsExactly("401", "500", "503");
    }

    @Test
    void adminIsTheSessionTokenWithTheAdminRoleAnd401And403() {
        assertThat(security("/shelf/admin/products", "post"))
                .isEqualTo(List.of(Map.of(ApiDocs.SESSION_TOKEN, List.of("admin"))));
        assertThat(problems("/shelf/admin/products", "post"))
                .containsExactly("400", "401", "403", "413", "415", "500", "503");
    }

    @Test
    void aRequirementSaidByAnnotationCountsAndADeclaredProblemKeepsItsWords() {
        assertThat(security("/shelf/gated", "get")).isEqualTo(List.of(Map.of(ApiDocs.SESSION_TOKEN, List.of())));
        assertThat(problems("/shelf/gated", "get")).containsExactly("401", "409", "500", "503");
        assertThat(document.getString("paths.'/shelf/gated'.get.responses.'409'.description"))
                .isEqualTo("the shelf is being restocked");
    }

    @Test
    void everyProblemIsTheOneProblemSchemaAsProblemJson() {
        assertThat(document.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status",
                "detail", "instance", "requestId", "errors", "answeredBy");
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = responses(path, method);
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(document.getString(at(path, method) + ".responses.'" + code
                            + "'.content.'application/problem+json'.schema.$ref"))
                            .as("%s %s %s", method, path, code).isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
        assertThat(document.getString("components.securitySchemes." + ApiDocs.SESSION_TOKEN + ".scheme"))
                .isEqualTo("bearer");
    }

    @Test
    void eachProblemsExampleIsOfItsOwnKindAtItsPath() {
        String example = at("/shelf/admin/products", "post") + ".responses.'%s'.content.'application/problem+json'.example";
        assertThat(document.getMap(example.formatted("401"))).containsEntry("status", 401)
                .containsEntry("type", "https://polyglot-shop.dev/problems/not-signed-in")
                .containsEntry("instance", "/shelf/admin/products").containsEntry("answeredBy", "kit-test-shop");
        assertThat(document.getMap(example.formatted("400"))).containsEntry("status", 400).containsKey("errors");
        assertThat(document.getMap(at("/shelf/gated", "get") + ".responses.'409'.content.'application/problem+json'.example"))
                .containsEntry("type", "https://polyglot-shop.dev/problems/conflict")
                .containsEntry("detail", "the shelf is being restocked");
    }

    @Test
    void anInternalOperationSaysSo() {
        assertThat(operation("/shelf/internal/stock", "post")).containsEntry(ApiDocs.INTERNAL, true);
        assertThat((String) operation("/shelf/internal/stock", "post").get("description")).startsWith("**Internal**");
    }

    private String at(String path, String method) {
        return "paths.'" + path + "'." + method;
    }

    private Map<String, Object> operation(String path, String method) {
        Map<String, Object> operation = document.getMap(at(path, method));
        assertThat(operation).as("%s %s", method, path).isNotNull();
        return operation;
    }

    private Map<String, Map<String, Object>> responses(String path, String method) {
        return document.getMap(at(path, method) + ".responses");
    }

    private List<String> problems(String path, String method) {
        return responses(path, method).keySet().stream().filter(code -> code.compareTo("400") >= 0).sorted().toList();
    }

    private Object security(String path, String method) {
        return operation(path, method).get("security");
    }
}
