package shop.gateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import shop.polyglot.stack.LocalStack;

/**
 * A real browser for the pages the gateway serves: Debian's headless {@code chromium}, driven
 * through Debian's {@code chromium-driver}, both from /usr/bin so Selenium downloads nothing. When
 * they are missing they are installed with the local stack's apt helper ({@code apt_install} of
 * deploy/local/lib/common.sh: as root, as CI runs; anyone else is told the command).
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> PACKAGES = List.of("chromium", "chromium-driver");

    private Browser() {
    }

    /** A fresh headless browser with a profile of its own under {@code profile}. */
    public static WebDriver headless(Path profile) throws IOException, InterruptedException {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1400",
                "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        Path repo = LocalStack.script().getParent().getParent().getParent();
        Process install = new ProcessBuilder("bash", "-c",
                "source deploy/local/lib/common.sh && apt_install " + String.join(" ", PACKAGES))
                .directory(repo.toFile()).redirectErrorStream(true).start();
        // read to the end first (the pipe must not fill), then the exit code
        String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!install.waitFor(1, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            throw new IllegalStateException("installing " + PACKAGES + " did not end:\n" + out);
        }
        if (install.exitValue() != 0 || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser test needs " + PACKAGES + " (apt-get install -y "
                    + String.join(" ", PACKAGES) + "):\n" + out);
        }
    }
}
