package shop.polyglot.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the suite's web pages (the storefront, the operations console, the gateway's
 * API documentation): Debian's {@code chromium}, headless, driven through Debian's
 * {@code chromium-driver}, both installed by {@code deploy/local/stack browser}
 * ({@link LocalStack#installBrowser()}), so nothing is downloaded at run time (Selenium Manager is
 * never asked: the driver's path is given). A module using it declares {@code selenium-java} (and,
 * for {@link #seriousViolations}, the {@code axe-core} WebJar with the system property
 * {@code axe-core.version}) in test scope.
 */
public final class Browser {

    public static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** A fresh headless browser, with a profile of its own (nothing carries over from another test). */
    public static WebDriver headless() {
        LocalStack.installBrowser();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: the tests may run as root (CI); the pages are our own, served from loopback
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1200", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Writes {@code dir}/{@code name}.png (the directory is made when missing) and returns it. */
    public static Path screenshot(WebDriver browser, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path shot = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                    StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot " + name, e);
        }
    }

    /**
     * axe-core (its WebJar, on the test classpath) run in the page as it is now: the violations whose
     * impact is serious or critical, each as "rule (impact): the elements", empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver browser) {
        String axe;
        String version = System.getProperty("axe-core.version");
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/" + version
                + "/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core " + version + " is not on the test classpath (the axe-core"
                        + " WebJar in test scope, and -Daxe-core.version)");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(axe);
        Object found = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return new ArrayList<>((List<String>) found);
    }
}
