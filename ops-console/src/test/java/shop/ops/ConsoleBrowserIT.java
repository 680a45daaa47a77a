package shop.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import shop.polyglot.stack.Browser;
import shop.polyglot.stack.LocalStack;

/**
 * The operations console in a real browser, through the gateway, against the whole local stack,
 * as an operator uses it: signing in, the suite healthy, Elasticsearch stopped and started again,
 * drift made behind search-service's back found and repaired from the page, accessibility (axe-core)
 * and the keyboard alone. Screenshots of each state go to target/screenshots/.
 */
class ConsoleBrowserIT {

    /** Everything the page shows: all stores, all services, the gateway and the console itself. */
    static final Set<String> SUITE = Set.of("zipkin", "prometheus", "postgres", "redis", "kafka", "connect",
            "elasticsearch", "s3", "dynamodb", "catalog-service", "session-service", "search-service", "media-service",
            "feed-service", "leaderboard-service", "ops-console", "storefront", "gateway");
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> env;
    private static String gateway;
    private static String elasticsearch;
    private static String searchService;
    private WebDriver browser;

    @BeforeAll
    static void stack() {
        LocalStack.installBrowser();
        LocalStack.up(SUITE);
        env = LocalStack.env();
        gateway = "http://127.0.0.1:" + env.get("STACK_GATEWAY_PORT");
        elasticsearch = "http://127.0.0.1:" + env.get("STACK_ES_PORT");
        searchService = "http://127.0.0.1:" + env.get("STACK_SEARCH_PORT");
    }

    @BeforeEach
    void open() {
        browser = Browser.headless();
        browser.get(gateway + "/console/");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerIsTurnedAwayAndThePageSaysWhy() {
        String email = "console-customer-" + UUID.randomUUID() + "@shop.test";
        given().baseUri(gateway).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Not an operator", "password", "customer-password-1"))
                .post("/api/users").then().statusCode(201);

        signIn(email, "customer-password-1");

        onPage().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(text(By.id("sign-in-message")))
                .contains("not an administrator").contains("403"));
        assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();
        Browser.screenshot(browser, SCREENSHOTS, "console-customer-403");
    }

    @Test
    void theAdminSeesEveryComponentHealthy() {
        signInAsAdmin();

        onPage().atMost(SETTLE).untilAsserted(() -> {
            List<Map<String, String>> services = rows("#services");
            assertThat(services).extracting(row -> row.get("key")).containsExactly("catalog-service", "feed-service",
                    "leaderboard-service", "media-service", "search-service", "session-service", "storefront");
            for (Map<String, String> row : services) {
                assertThat(row.get("badge")).as(row.get("key")).isEqualTo("ready");
                assertThat(row.get("cell2")).as("version of " + row.get("key")).matches("\\d+\\.\\d+\\.\\d+.*");
            }
            List<Map<String, String>> stores = rows("#stores");
            assertThat(stores).extracting(row -> row.get("key")).containsExactly("PostgreSQL", "Redis",
                    "Kafka", "Kafka Connect", "Elasticsearch", "S3", "DynamoDB", "Zipkin", "Prometheus");
            for (Map<String, String> row : stores) {
                assertThat(row.get("badge")).as(row.get("key")).isEqualTo("healthy");
            }
            for (Map<String, String> hop : rows("#pipeline")) {
                assertThat(hop.get("class")).as(hop.get("key")).doesNotContain("down", "unknown");
            }
        });
        // each view's lag chart draws a line (the history from Prometheus, then what the page sees)
        onPage().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat((Long) ((JavascriptExecutor) browser)
                .executeScript("return Math.min(...[...document.querySelectorAll('[data-view] .lag-line')]"
                        + ".map(l => l.getAttribute('points').trim().split(' ').filter(p => p).length))"))
                .isGreaterThanOrEqualTo(2));
        assertThat(rows("#pipeline")).extracting(hop -> hop.get("key")).containsExactly("postgres", "slot", "connector", "topics", "consumers", "view-feed", "view-search");
        assertThat(browser.findElement(By.cssSelector("[data-view=search] a")).getAttribute("href"))
                .contains("/zipkin/").contains("serviceName=search-service");
        Browser.screenshot(browser, SCREENSHOTS, "console-healthy");
    }

    @Test
    void elasticsearchStoppedShowsWithinTenSecondsAndRecoversWithoutAReload() throws Exception {
        signInAsAdmin();
        onPage().atMost(SETTLE).untilAsserted(() -> assertThat(storeBadge("Elasticsearch")).isEqualTo("healthy"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");
        try {
            LocalStack.stop("elasticsearch");
            long stopped = System.nanoTime();
            // an event that search-service cannot apply while its store is down: its lag grows
            createProduct(adminToken(), "console-es-down");

            onPage().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(storeBadge("Elasticsearch")).isEqualTo("down");
                assertThat(searchLagMs()).isPositive();
            });
            long first = searchLagMs();
            onPage().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(searchLagMs()).isGreaterThan(first));
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(20));
            Browser.screenshot(browser, SCREENSHOTS, "console-elasticsearch-down");
        } finally {
            LocalStack.restart("elasticsearch");
        }
        onPage().atMost(SETTLE).untilAsserted(() -> {
            assertThat(storeBadge("Elasticsearch")).isEqualTo("healthy");
            assertThat(searchLagMs()).isLessThan(5_000);
        });
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true")).isEqualTo(true);
        Browser.screenshot(browser, SCREENSHOTS, "console-recovered");
    }

    @Test
    void driftMadeBehindSearchServicesBackIsFoundAndRepairedFromThePage() throws Exception {
        String admin = adminToken();
        String product = createProduct(admin, "console-drift");
        await().atMost(SETTLE).until(() -> given().baseUri(elasticsearch).get("/products/_doc/" + product)
                .statusCode() == 200);
        // A check waits on each difference for as long as an event may still be on its way: the grace plus
        // the view's lag (the current one, the last event's, the last minute's p99). A stack just started
        // replays the product topic with lags of minutes, which would keep the page's check waiting past
        // the gateway's timeout: that is lag, not drift. So the view settles first (our product's event
        // is its last, and the replay leaves the last minute).
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
            JsonPath status = given().baseUri(gateway).get("/api/search/status").then().statusCode(200).extract()
                    .jsonPath();
            return status.getLong("recordsBehind") == 0 && status.getLong("currentLagMs") < 1_000
                    && status.getLong("lastEventLagMs") < 5_000
                    && (status.get("lagP99Ms") == null || status.getLong("lagP99Ms") < 5_000);
        });
        // a clean start: whatever drift earlier tests left is repaired first, so what the page finds is ours
        // (straight at search-service: with many differences the check may outlast the gateway's timeout)
        given().baseUri(searchService).header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin")
                .post("/api/search/drift?repair=true").then().statusCode(200);
        long version = JSON.readTree(given().baseUri(elasticsearch).get("/products/_doc/" + product).asString())
                .path("_version").asLong();
        // lost, as a lost write would leave it: deleted at its own version (not above it)
        given().baseUri(elasticsearch).delete("/products/_doc/" + product + "?refresh=true&version_type=external_gte&version="
                + version).then().statusCode(200);

        signInAsAdmin();
        WebElement search = browser.findElement(By.cssSelector("[data-view=search]"));
        search.findElement(By.cssSelector("[data-action=check]")).click();
        onPage().atMost(SETTLE).untilAsserted(() -> assertThat(search.findElement(By.className("result")).getText())
                .startsWith("Drift check:").contains("1 missing").contains(product));
        Browser.screenshot(browser, SCREENSHOTS, "console-drift-found");

        search.findElement(By.cssSelector("[data-action=repair]")).click();
        WebElement dialog = browser.findElement(By.id("confirm"));
        onPage().atMost(Duration.ofSeconds(5)).until(dialog::isDisplayed);
        assertThat(dialog.getText()).contains("rewrite every document or item that differs");
        browser.findElement(By.id("confirm-ok")).click();
        onPage().atMost(SETTLE).untilAsserted(() -> assertThat(search.findElement(By.className("result")).getText())
                .startsWith("Repair:").contains("1 repaired"));
        assertThat(given().baseUri(elasticsearch).get("/products/_doc/" + product).statusCode()).isEqualTo(200);
        // the view's card shows the last check too, from search-service's own status
        onPage().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(search.findElement(By.className("drift"))
                .getText()).contains("1 repaired"));
        Browser.screenshot(browser, SCREENSHOTS, "console-drift-repaired");

        // a fresh event, so the last minute's hops are not empty: the card says where its lag went
        String another = createProduct(admin, "console-hops");
        await().atMost(SETTLE).until(() -> given().baseUri(elasticsearch).get("/products/_doc/" + another).statusCode() == 200);
        onPage().atMost(SETTLE).untilAsserted(() -> assertThat(search.findElement(By.cssSelector("[data-figure=lag-hops]"))
                .getText()).matches("\\d+(\\.\\d)? m?s / \\d+(\\.\\d)? m?s / \\d+(\\.\\d)? m?s"));
        Browser.screenshot(browser, SCREENSHOTS, "console-lag-hops");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationSignedOutOrIn() {
        assertThat(Browser.seriousViolations(browser)).as("the sign-in form").isEmpty();
        signInAsAdmin();
        onPage().atMost(SETTLE).until(() -> !browser.findElements(By.cssSelector("[data-view=search] [data-figure]")).isEmpty());
        assertThat(Browser.seriousViolations(browser)).as("the console").isEmpty();
    }

    @Test
    void theKeyboardAloneSignsInAndRunsADriftCheck() {
        Actions keys = new Actions(browser);
        tabTo(keys, "email", 6);
        keys.sendKeys(env.get("STACK_ADMIN_EMAIL")).sendKeys(Keys.TAB).sendKeys(env.get("STACK_ADMIN_PASSWORD"))
                .sendKeys(Keys.ENTER).perform();
        onPage().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("console")).isDisplayed()
                && !browser.findElements(By.cssSelector("[data-view=feed] [data-action=check]")).isEmpty());

        tabTo(keys, "feed:check", 60);
        keys.sendKeys(Keys.ENTER).perform();
        WebElement feed = browser.findElement(By.cssSelector("[data-view=feed]"));
        onPage().atMost(SETTLE).untilAsserted(() -> assertThat(feed.findElement(By.className("result")).getText())
                .startsWith("Drift check:").contains("checked"));

        // a confirmation is dismissed with Escape, and nothing is done
        tabTo(keys, "feed:repair", 5);
        keys.sendKeys(Keys.ENTER).perform();
        onPage().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("confirm")).isDisplayed());
        keys.sendKeys(Keys.ESCAPE).perform();
        onPage().atMost(Duration.ofSeconds(5)).until(() -> !browser.findElement(By.id("confirm")).isDisplayed());
        assertThat(feed.findElement(By.className("result")).getText()).startsWith("Drift check:");
        Browser.screenshot(browser, SCREENSHOTS, "console-keyboard");
    }

    // ---------- the page ----------

    private void signInAsAdmin() {
        signIn(env.get("STACK_ADMIN_EMAIL"), env.get("STACK_ADMIN_PASSWORD"));
        onPage().atMost(Duration.ofSeconds(15)).until(() -> browser.findElement(By.id("console")).isDisplayed());
    }

    private void signIn(String email, String password) {
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    /** Presses Tab until the focused element is {@code target} (an id, or view:action for a view's button). */
    private void tabTo(Actions keys, String target, int most) {
        for (int i = 0; i < most; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object focused = ((JavascriptExecutor) browser).executeScript("const e = document.activeElement;"
                    + " const view = e.closest('[data-view]');"
                    + " return e.dataset.action && view ? view.dataset.view + ':' + e.dataset.action : e.id;");
            if (target.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " in " + most + " presses");
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    /**
     * The rows of a table (or the pipeline's hops) as the page shows them now, read in one script: the
     * page redraws them every two seconds, so elements found one call earlier may be gone.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> rows(String container) {
        return (List<Map<String, String>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0] + ' tbody tr, ' + arguments[0] + ' [data-hop]')].map(r => {"
                        + " const row = {key: r.dataset.service || r.dataset.store || r.dataset.hop, class: r.className,"
                        + " badge: (r.querySelector('.badge') || {textContent: ''}).textContent.trim().toLowerCase()};"
                        + " [...r.querySelectorAll('th, td')].forEach((c, i) => row['cell' + i] = c.textContent.trim());"
                        + " return row; });", container);
    }

    /**
     * Waits on what the page shows: it redraws its cards every few seconds, so an element found a moment
     * ago may be gone by the time its text is read (stale); the next poll reads the new one.
     */
    private static ConditionFactory onPage() {
        return await().ignoreException(StaleElementReferenceException.class);
    }

    private String storeBadge(String store) {
        return rows("#stores").stream().filter(row -> store.equals(row.get("key"))).map(row -> row.get("badge"))
                .findFirst().orElse("absent from the page");
    }

    private long searchLagMs() {
        Object ms = ((JavascriptExecutor) browser).executeScript("const f = document.querySelector("
                + "'[data-view=search] [data-figure=lag-now]'); return f ? f.dataset.ms || null : null;");
        return ms == null ? -1 : Long.parseLong(ms.toString());
    }

    // ---------- the API, through the gateway ----------

    private static String adminToken() {
        return given().baseUri(gateway).contentType(ContentType.JSON)
                .body(Map.of("email", env.get("STACK_ADMIN_EMAIL"), "password", env.get("STACK_ADMIN_PASSWORD")))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    private static String createProduct(String admin, String prefix) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return given().baseUri(gateway).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Console probe " + sku, "description", "made by ConsoleBrowserIT",
                        "brand", "Probe", "price", 9.5, "tags", List.of("console-test"), "stock", 1))
                .post("/api/products").then().statusCode(201).extract().path("id");
    }
}
