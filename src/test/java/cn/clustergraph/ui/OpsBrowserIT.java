package cn.clustergraph.ui;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page 备份 in a real headless Chromium: the admin finds it from the header, takes a backup with 立即备份 and
 * sees the new file listed (a download link); a viewer has no link, gets an error page at #/backup instead of the
 * button, and the API refuses the action (403). Skipped without Chromium.
 */
@GraphIntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsBrowserIT {

    static final String VIEWER = "b-ops-viewer";
    static final String PASSWORD = "browser-pass-ops-7";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        driver = HeadlessChromium.start("ops");
        TestUsers.ensure(accounts, VIEWER, PASSWORD,
                new AccountService.Profile("只读 王五", EnumSet.of(Role.VIEWER), null, null, List.of()));
        wait = HeadlessChromium.waitFor(driver, 60);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    @Test
    void anAdminTakesABackupOnThePageAndSeesItListed() {
        driver.manage().deleteAllCookies();
        SignInPage.signIn(driver, base(), "admin", "test-admin-password-1");
        wait.until(d -> d.findElements(By.id("backup-link")).size() == 1);
        driver.findElement(By.id("backup-link")).click();
        wait.until(d -> d.findElements(By.id("backup-now")).size() == 1);
        assertThat(driver.findElement(By.id("backup-guarantee")).getText()).startsWith("consistent");

        driver.findElement(By.id("backup-now")).click();
        wait.until(d -> d.findElement(By.id("backup-result")).getText().contains("备份完成"));
        Matcher m = Pattern.compile("(cluster-graph-\\S+?\\.backup\\.jsonl\\.gz)").matcher(driver.findElement(By.id("backup-result")).getText());
        assertThat(m.find()).as(driver.findElement(By.id("backup-result")).getText()).isTrue();
        String name = m.group(1);
        assertThat(name).endsWith("-manual.backup.jsonl.gz");
        wait.until(d -> !d.findElements(By.linkText(name)).isEmpty());
        assertThat(driver.findElement(By.linkText(name)).getAttribute("href")).endsWith("/api/admin/backups/" + name);
    }

    @Test
    void aViewerHasNoBackupPageNorAction() {
        driver.manage().deleteAllCookies();
        SignInPage.signIn(driver, base(), VIEWER, PASSWORD);
        wait.until(d -> d.findElements(By.id("user-name")).size() == 1);
        assertThat(driver.findElements(By.id("backup-link"))).isEmpty();

        driver.get(base() + "#/backup");
        wait.until(d -> !d.findElements(By.cssSelector("#main .error-text")).isEmpty());
        assertThat(driver.findElements(By.id("backup-now"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#main .error-text")).getText()).isNotBlank();

        Api viewer = new Api(port).as(Api.token(port, VIEWER, PASSWORD));
        assertThat(viewer.post("/api/admin/backups", "").status()).isEqualTo(403);
        assertThat(viewer.get("/api/admin/backups").status()).isEqualTo(403);
    }
}
