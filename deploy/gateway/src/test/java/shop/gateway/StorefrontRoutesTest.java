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
 * The storefront through the gateway: the shop's page at {@code /} and its files under
 * {@code /assets/}, public and read-only, and nothing else of the storefront's. {@code /} is that
 * one path: a path no row names stays the gateway's 404, never the page.
 */
class StorefrontRoutesTest extends Personas {

    /** The storefront itself, which the gateway must hand on unchanged. */
    private String storefront;

    @BeforeAll
    void storefrontRuns() {
        if (System.getProperty("gateway.url", "").isBlank()) {
            // not among the components the other route tests need (Gateway.COMPONENTS): started here
            LocalStack.up(new LinkedHashSet<>(List.of("storefront", "gateway")));
        }
        storefront = "http://127.0.0.1:" + LocalStack.env().get("STACK_STOREFRONT_PORT");
    }

    @Test
    void thePageAndItsFilesArePublicAndComeFromTheStorefront() {
        Response page = anonymous.request().accept("text/html").get("/");
        assertThat(page.statusCode()).as(describe(page)).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        // the page's own bytes, whatever they are today: compared with the storefront's answer, not a copy
        assertThat(page.asByteArray()).isEqualTo(direct("/"));
        assertThat(page.header("X-Request-Id")).isNotBlank();
        assertThat(anonymous.request().accept("text/html").head("/").statusCode()).isEqualTo(200);
        // the query is never part of the match
        assertThat(anonymous.request().accept("text/html").get("/?q=lamp").statusCode()).isEqualTo(200);

        Response script = anonymous.request().accept("*/*").get("/assets/shop.js");
        assertThat(script.statusCode()).as(describe(script)).isEqualTo(200);
        assertThat(script.contentType()).matches("(text|application)/javascript.*");
        assertThat(script.asByteArray()).isEqualTo(direct("/assets/shop.js"));
        Response style = anonymous.request().accept("*/*").get("/assets/shop.css");
        assertThat(style.statusCode()).as(describe(style)).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        assertThat(style.asByteArray()).isEqualTo(direct("/assets/shop.css"));
        assertThat(anonymous.request().accept("*/*").head("/assets/shop.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenSentToThePageIsStillChecked() {
        // public still checks a token that is sent: the customer's passes, a forged one does not
        assertThat(customer.request().accept("text/html").get("/").statusCode()).isEqualTo(200);
        assertThat(customer.request().accept("*/*").get("/assets/shop.js").statusCode()).isEqualTo(200);
        Persona forger = new Persona(customer.userId(), "forged-" + UUID.randomUUID(), Gateway.newClientAddress());
        assertGatewayProblem(forger.request().accept("text/html").get("/"), 401, "not-signed-in");
        assertGatewayProblem(forger.request().accept("*/*").get("/assets/shop.css"), 401, "not-signed-in");
    }

    @Test
    void aFileTheStorefrontDoesNotHaveIsItsOwn404() {
        // forwarded (/assets/**), so the storefront's own problem
        Response missing = anonymous.request().accept("*/*").get("/assets/" + Gateway.unique("none") + ".js");
        assertThat(missing.statusCode()).as(describe(missing)).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.jsonPath().getString("answeredBy")).isEqualTo("storefront");
    }

    @Test
    void nothingButThePageAndItsFilesIsRouted() {
        // "/" is that path only: never a catch-all that would show the page for a path nobody routes
        for (String path : List.of("/nothing-here", "/index.html", "/assets", "/assets/", "/q/health", "/shop.js")) {
            assertGatewayProblem(anonymous.request().accept("text/html").get(path), 404, "not-found");
        }
        // read-only: only GET (and HEAD) is routed, whoever asks
        assertGatewayProblem(anonymous.request().post("/"), 404, "not-found");
        assertGatewayProblem(admin.request().post("/"), 404, "not-found");
        assertGatewayProblem(admin.request().put("/assets/shop.js"), 404, "not-found");
        assertGatewayProblem(anonymous.request().delete("/assets/shop.css"), 404, "not-found");
    }

    @Test
    void theAssetsCannotBeClimbedOutOf() {
        // nginx matches the decoded, normalized path (here /q/metrics, not routed), and what it forwards
        // decodes once, to a file name the storefront does not have
        assertGatewayProblem(anonymous.request().urlEncodingEnabled(false).get("/assets/%2e%2e/q/metrics"), 404,
                "not-found");
        // nor is the page's own file reached another way than at /
        assertGatewayProblem(anonymous.request().urlEncodingEnabled(false).accept("text/html").get("/assets/%2e%2e/index.html"),
                404, "not-found");
        Response twice = anonymous.request().urlEncodingEnabled(false).accept("*/*").get("/assets/%252e%252e/q/metrics");
        assertThat(twice.statusCode()).as(describe(twice)).isEqualTo(404);
        assertThat(twice.jsonPath().getString("answeredBy")).isEqualTo("storefront");
    }

    /** What the storefront itself answers for this path: the bytes the gateway must pass on. */
    private byte[] direct(String path) {
        return given().baseUri(storefront).get(path).then().statusCode(200).extract().asByteArray();
    }
}
