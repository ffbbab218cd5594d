package cn.clustergraph.ui;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian Chromium the browser tests drive, started one way: headless, a fresh profile, 1440×900, Chinese, and no
 * name lookups beyond loopback (the machines' closed network refuses them). Skips the calling test without Chromium.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A new browser with its own profile folder named after {@code name}; the test is skipped where there is none. */
    static ChromeDriver start(String name) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs /usr/bin/chromium and /usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("cg-chromium-" + name + "-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,900", "--lang=zh-CN",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
    }

    /** A wait of up to {@code seconds} that looks every 100 ms (WebDriverWait's own default is every 500 ms). */
    static WebDriverWait waitFor(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }
}
