package shop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static shop.gateway.support.Gateway.assertGatewayProblem;
import static shop.gateway.support.Gateway.describe;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.gateway.support.Persona;
import shop.gateway.support.Personas;
import shop.polyglot.stack.LocalStack;

/**
 * The operations console through the gateway: its page and files public (they hold no data), its
 * read-only API {@code /api/ops/} for admins only, and {@code /console} (no slash) sent to the page,
 * whose files are relative to {@code /console/}.
 */
class OpsConsoleRoutesTest extends Personas {

    /** The page straight from ops-console: what the gateway must hand on unchanged. */
    private String directPage;

    @BeforeAll
    void consoleRuns() {
        if (System.getProperty("gateway.url", "").isBlank()) {
            // not among the components the other route tests need (Gateway.COMPONENTS): started here
            LocalStack.up(new LinkedHashSet<>(List.of("ops-console", "gateway")));
        }
        directPage = given().baseUri("http://127.0.0.1:" + LocalStack.env().get("STACK_OPS_CONSOLE_PORT"))
                .get("/console/").then().statusCode(200).extract().asString();
    }

    @Test
    void thePageAndItsFilesArePublicAndComeFromTheConsole() {
        Response page = anonymous.request().accept("text/html").get("/console/");
        assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).isEqualTo(directPage).contains("<script src=\"console.js\"");
        assertThat(page.header("X-Request-Id")).isNotBlank();
        assertThat(anonymous.request().accept("text/html").head("/console/").statusCode()).isEqualTo(200);

        Response script = anonymous.request().accept("*/*").get("/console/console.js");
        assertThat(script.statusCode()).as(describe(script)).isEqualTo(200);
        assertThat(script.contentType()).matches("(text|application)/javascript.*");
        Response style = anonymous.request().accept("*/*").get("/console/console.css");
        assertThat(style.statusCode()).as(describe(style)).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");

        // public still checks a token that is sent: the customer's passes, a forged one does not
        assertThat(customer.request().accept("text/html").get("/console/").statusCode()).isEqualTo(200);
        Persona forger = new Persona(customer.userId(), "forged-" + UUID.randomUUID(), Gateway.newClientAddress());
        assertGatewayProblem(forger.request().accept("text/html").get("/console/"), 401, "not-signed-in");

        // a file the console does not have: forwarded (/console/**), so the console's own 404
        Response missing = anonymous.request().accept("*/*").get("/console/" + Gateway.unique("none") + ".js");
        assertThat(missing.statusCode()).as(describe(missing)).isEqualTo(404);
        assertThat(missing.jsonPath().getString("answeredBy")).isEqualTo("ops-console");

        // a public catch-all must not reach past the console: nginx matches the decoded, normalized
        // path (here /q/metrics, not routed), and what it forwards decodes once, to a file name
        assertGatewayProblem(anonymous.request().urlEncodingEnabled(false).get("/console/%2e%2e/q/metrics"), 404,
                "not-found");
        Response twice = anonymous.request().urlEncodingEnabled(false).accept("*/*").get("/console/%252e%252e/q/metrics");
        assertThat(twice.statusCode()).as(describe(twice)).isEqualTo(404);
        assertThat(twice.jsonPath().getString("answeredBy")).isEqualTo("ops-console");
    }

    @Test
    void thePathWithoutItsSlashIsSentToThePageForItsMethodsOnly() {
        // without the slash the page's relative console.js would be /console.js: a 301, not the page
        given().baseUri(Gateway.baseUri()).header("X-Forwarded-For", anonymous.address()).redirects().follow(false)
                .get("/console").then().statusCode(301).header("Location", "/console/");
        given().baseUri(Gateway.baseUri()).header("X-Forwarded-For", anonymous.address()).redirects().follow(false)
                .get("/console?view=pipeline").then().statusCode(301).header("Location", "/console/?view=pipeline");
        assertGatewayProblem(anonymous.request().post("/console"), 404, "not-found");
        // only GET is routed below /console/ (the page writes nothing)
        assertGatewayProblem(admin.request().post("/console/"), 404, "not-found");
        assertGatewayProblem(admin.request().put("/console/console.js"), 404, "not-found");
    }

    @Test
    void theApiIsForAdminsOnlyAndReadOnly() {
        Response none = anonymous.request().get("/api/ops/overview");
        assertGatewayProblem(none, 401, "not-signed-in");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertGatewayProblem(customer.request().get("/api/ops/overview"), 403, "forbidden");
        // a customer claiming the role is still a customer
        assertGatewayProblem(customer.request().header("X-User-Roles", "admin").get("/api/ops/suite"), 403,
                "forbidden");

        Response overview = admin.request().get("/api/ops/overview");
        assertThat(overview.statusCode()).as(describe(overview)).isEqualTo(200);
        assertThat(overview.contentType()).startsWith("application/json");
        assertThat(overview.jsonPath().getMap("")).containsKeys("readAt", "suite", "pipeline");
        for (String part : List.of("/api/ops/suite", "/api/ops/pipeline", "/api/ops/lag?minutes=15")) {
            Response read = admin.request().get(part);
            assertThat(read.statusCode()).as(part + ": " + describe(read)).isEqualTo(200);
            assertThat(read.contentType()).startsWith("application/json");
        }
        // the query reaches the console as sent: its own validation answers
        Response badWindow = admin.request().get("/api/ops/lag?minutes=abc");
        assertThat(badWindow.statusCode()).as(describe(badWindow)).isEqualTo(400);
        assertThat(badWindow.jsonPath().getString("answeredBy")).isEqualTo("ops-console");

        // read-only: no other method is routed, whoever asks
        assertGatewayProblem(admin.request().post("/api/ops/overview"), 404, "not-found");
        assertGatewayProblem(anonymous.request().delete("/api/ops/overview"), 404, "not-found");
        assertGatewayProblem(admin.request().get("/api/ops"), 404, "not-found");
    }
}
