package shop.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.polyglot.stack.Browser;
import shop.polyglot.stack.LocalStack;

/**
 * The API documentation page the gateway serves, /api/docs/: the OpenAPI document of every service
 * the gateway routes an API to (the six services and the operations console; public, read-only) and
 * Swagger UI over them, in a real browser: it loads, its selector lists them in the route table's
 * order, and choosing another one shows that service's operations. The storefront is routed too (its
 * page, /) but has no API, so no document. Screenshots of each step are kept in target/docs-page/.
 */
class DocsPageTest {

    static final List<String> SERVICES = List.of("catalog-service", "session-service", "search-service",
            "media-service", "feed-service", "leaderboard-service", "ops-console");
    /** A path each service's document has, and only that one. */
    static final Map<String, String> A_PATH = Map.of("catalog-service", "/api/products/{id}",
            "session-service", "/api/sessions/{token}", "search-service", "/api/search/suggest",
            "media-service", "/api/media/uploads", "feed-service", "/api/feed/{userId}",
            "leaderboard-service", "/api/leaderboards/{board}/top", "ops-console", "/api/ops/overview");
    static final Path SHOTS = Path.of("target", "docs-page");

    static WebDriver browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        if (System.getProperty("gateway.url", "").isBlank()) {
            // every service's document is read through the gateway: all of them run (the stack's
            // gateway tests start only three)
            Set<String> all = new LinkedHashSet<>(SERVICES);
            all.add("gateway");
            LocalStack.up(all);
        }
        Files.createDirectories(SHOTS);
        browser = Browser.headless();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void eachServicesDocumentIsServedReadOnly() {
        String client = Gateway.newClientAddress();
        JsonPath config = Gateway.client(client).get("/api/docs/swagger-config.json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(config.getList("urls.name", String.class)).containsExactlyElementsOf(SERVICES);
        assertThat(config.getList("urls.url", String.class))
                .containsExactlyElementsOf(SERVICES.stream().map(service -> service + ".json").toList());
        for (String service : SERVICES) {
            JsonPath document = Gateway.client(client).get("/api/docs/" + service + ".json").then().statusCode(200)
                    .contentType("application/json").extract().jsonPath();
            assertThat(document.getString("openapi")).as(service).startsWith("3.");
            assertThat(document.getString("info.title")).isEqualTo(service + " API");
            assertThat(document.getMap("paths")).as(service).containsKey(A_PATH.get(service));
            for (String method : List.of("POST", "PUT", "DELETE")) {
                Response refused = Gateway.client(client).request(method, "/api/docs/" + service + ".json");
                Gateway.assertGatewayProblem(refused, 404, "not-found");
            }
        }
        // routed, but a page and no API: nothing to document, so no document and not in the list
        assertThat(config.getList("urls.name", String.class)).doesNotContain("storefront");
        Gateway.assertGatewayProblem(Gateway.client(client).get("/api/docs/storefront.json"), 404, "not-found");
        given().baseUri(Gateway.baseUri()).redirects().follow(false).get("/api/docs")
                .then().statusCode(301).header("Location", "/api/docs/");
    }

    @Test
    void thePageListsEveryServiceAndShowsTheOneChosen() throws IOException {
        browser.get(Gateway.baseUri() + "/api/docs/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        WebElement selector = wait.until(page -> page.findElement(By.cssSelector(".topbar select")));
        assertThat(new Select(selector).getOptions().stream().map(WebElement::getText).toList())
                .containsExactlyElementsOf(SERVICES);
        assertThat(new Select(selector).getFirstSelectedOption().getText()).isEqualTo("catalog-service");
        showsOperationsOf("catalog-service", wait);
        screenshot("1-catalog-service");

        new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText("leaderboard-service");
        showsOperationsOf("leaderboard-service", wait);
        screenshot("2-leaderboard-service");

        // an admin operation: a bearer token to give ("Authorize"), and its problems as problem+json
        assertThat(browser.findElements(By.cssSelector(".auth-wrapper .authorize"))).isNotEmpty();
        browser.findElement(By.cssSelector(".opblock-put .opblock-summary")).click();
        WebElement put = wait.until(page -> page.findElement(By.cssSelector(".opblock-put .responses-table")));
        List<String> codes = put.findElements(By.cssSelector("tr.response")).stream()
                .map(row -> row.getAttribute("data-code")).toList();
        assertThat(codes).contains("401", "403", "404", "500", "503");
        assertThat(put.getText()).contains("application/problem+json");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", put);
        screenshot("3-leaderboard-service-admin-operation");

        new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText("session-service");
        showsOperationsOf("session-service", wait);
        screenshot("4-session-service");

        // the last of the table's order, the one service that is not a store's
        new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText("ops-console");
        showsOperationsOf("ops-console", wait);
        screenshot("5-ops-console");
    }

    /** The page shows this service's document: its title and its operations, no other service's. */
    private static void showsOperationsOf(String service, WebDriverWait wait) {
        wait.until(page -> page.findElements(By.cssSelector(".information-container .title")).stream()
                .anyMatch(title -> title.getText().startsWith(service + " API")));
        wait.until(page -> paths(page).contains(A_PATH.get(service)));
        List<String> paths = paths(browser);
        A_PATH.forEach((other, path) -> {
            if (!other.equals(service)) {
                assertThat(paths).as("%s's page", service).doesNotContain(path);
            }
        });
    }

    private static List<String> paths(WebDriver page) {
        return page.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(path -> path.getAttribute("data-path") != null ? path.getAttribute("data-path") : path.getText())
                .toList();
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
