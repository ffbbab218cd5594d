package cn.clustergraph.ui;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 in a real headless Chromium: a department signs in and files a report on a task it leads (task 13, 市经信局,
 * 2026Q4: 滞后 40% → red), the coordinator sees it red on the dashboard and returns it with a comment, the department finds
 * the returned report in its workspace and corrects it (按序推进 95%), and the dashboard light turns green.
 */
@GraphIntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingBrowserIT {

    static final String DEPT = "b-tr-jxj";
    static final String COORD = "b-tr-coord";
    static final String PASSWORD = "browser-track-4";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        driver = HeadlessChromium.start("tracking");
        TestUsers.ensure(accounts, DEPT, PASSWORD,
                new AccountService.Profile("经信局 李四", EnumSet.of(Role.DEPARTMENT), "市经信局", null, List.of()));
        TestUsers.ensure(accounts, COORD, PASSWORD,
                new AccountService.Profile("工业强市办 王五", EnumSet.of(Role.COORDINATOR), null, null, List.of()));
        wait = HeadlessChromium.waitFor(driver, 40);
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

    private void signInAs(String user) {
        driver.get(base() + "login");
        driver.manage().deleteAllCookies();
        SignInPage.signIn(driver, base(), user, PASSWORD);
        wait.until(d -> d.findElements(By.id("user-name")).size() == 1);
    }

    private void open(String hash, String waitFor) {
        driver.get("about:blank");
        driver.get(base() + hash);
        wait.until(d -> d.findElements(By.cssSelector(waitFor)).size() >= 1);
    }

    private String dashboardLight() {
        open("#/tracking?period=2026Q4", "#task-row-13");
        return driver.findElement(By.id("task-row-13")).getAttribute("data-colour");
    }

    private void fileReport(String status, String percent, String progress) {
        WebElement form = driver.findElement(By.id("report-form"));
        new Select(form.findElement(By.name("status"))).selectByVisibleText(status);
        form.findElement(By.name("percent")).clear();
        form.findElement(By.name("percent")).sendKeys(percent);
        form.findElement(By.name("progress")).clear();
        form.findElement(By.name("progress")).sendKeys(progress);
        driver.findElement(By.id("report-submit")).click();
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // screenshots are a convenience
        }
    }

    @Test
    void departmentFilesCoordinatorReturnsDepartmentCorrectsDashboardLightChanges() {
        // the department files its report: 滞后, 40% of the year's plan at year end (schedule 100%) → 60 points behind
        signInAs(DEPT);
        open("#/tracking/tasks/13?period=2026Q4", "#report-form");
        assertThat(driver.findElement(By.id("task-state")).getAttribute("data-editable")).isEqualTo("true");
        fileReport("滞后", "40", "技改项目推进慢于计划");
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tr[data-version='1']")).size() == 1);
        screenshot("tracking-task-filed");

        // the coordinator sees it red and returns it with a comment
        signInAs(COORD);
        assertThat(dashboardLight()).isEqualTo("RED");
        screenshot("tracking-dashboard-red");
        open("#/tracking/tasks/13?period=2026Q4", "#review-form");
        driver.findElement(By.cssSelector("#review-form input[name='comment']")).sendKeys("请补充项目清单和投资额");
        driver.findElement(By.id("review-return")).click();
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tr[data-version='1'][data-review='returned']")).size() == 1);

        // the department finds the returned report in its workspace and corrects it
        signInAs(DEPT);
        open("#/workspace?period=2026Q4", "#ws-tasks");
        WebElement returned = wait.until(d -> d.findElement(By.cssSelector("#ws-returned li[data-task='13']")));
        assertThat(returned.getText()).contains("请补充项目清单和投资额");
        screenshot("tracking-workspace-returned");
        returned.findElement(By.tagName("a")).click();
        wait.until(d -> d.findElements(By.id("report-form")).size() == 1);
        fileReport("按序推进", "95", "已补充项目清单：12 个技改项目，总投资 8.6 亿元");
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tr[data-version='2']")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#reports-table tr[data-version='1']")).getAttribute("data-current")).isEqualTo("false");

        // the dashboard light changes: 100 − 95 = 5 points behind → green
        signInAs(COORD);
        assertThat(dashboardLight()).isEqualTo("GREEN");
        screenshot("tracking-dashboard-green");
        open("#/scorecards?period=2024Q4", "#sc-towns");
        assertThat(driver.findElements(By.cssSelector("#sc-towns tbody tr"))).hasSize(8);
        open("#/tracking/indicators/A1-02", "#indicator-series canvas");
        screenshot("tracking-indicator");
    }
}
