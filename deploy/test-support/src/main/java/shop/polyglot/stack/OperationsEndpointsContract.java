package shop.polyglot.stack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * The operations surface every service serves, checked against its real stores: readiness UP
 * with a named check per store, liveness, Prometheus metrics, OpenAPI and Swagger UI. A
 * service's {@code @QuarkusTest} extends this and names its stores' readiness checks.
 */
public abstract class OperationsEndpointsContract {

    /** The names of the readiness checks of the stores this service uses. */
    protected abstract List<String> storeChecks();

    @Test
    void readinessIsUpAgainstRealStores() {
        ValidatableResponse ready = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"));
        storeChecks().forEach(name -> ready.body(check(name), is("UP")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    /** service-kit's liveness check {@code build} says which service and which release answers. */
    @Test
    void livenessNamesTheBuild() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body(check("build"), is("UP"))
                .body("checks.find { it.name == 'build' }.data.name", not(emptyOrNullString()))
                .body("checks.find { it.name == 'build' }.data.version", matchesPattern("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void openApiDescribesTheService() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger-ui"));
    }

    /** A rest-assured path to the status of the named check in a health response. */
    static String check(String name) {
        return "checks.find { it.name == '" + name + "' }.status";
    }
}
