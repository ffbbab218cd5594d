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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department user in a real headless Chromium: signs in through /login, sees the plan form on a task its department
 * leads (task 8, 市经信局) and submits a plan there, and sees another department's task (task 2, led by
 * 市自然资源和规划局, co-owned by 市经信局) read-only. Skipped without Chromium.
 */
@GraphIntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleBrowserIT {

    static final String USER = "b-jingxin";
    static final String PASSWORD = "browser-pass-3";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        driver = HeadlessChromium.start("people");
        TestUsers.ensure(accounts, USER, PASSWORD,
                new AccountService.Profile("经信局 张三", EnumSet.of(Role.DEPARTMENT), "市经信局", null, List.of()));
        wait = HeadlessChromium.waitFor(driver, 30);
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

    private WebElement planState(int task) {
        driver.get("about:blank");
        driver.get(base() + "#/tasks/" + task);
        wait.until(d -> d.findElements(By.id("plan-state")).size() == 1);
        return driver.findElement(By.id("plan-state"));
    }

    @Test
    void aDepartmentUserEditsItsOwnTaskPlansAndSeesOthersReadOnly() {
        driver.get(base());
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        SignInPage.signIn(driver, base(), USER, PASSWORD);
        wait.until(d -> d.findElements(By.id("user-name")).size() == 1);
        assertThat(driver.findElement(By.id("user-name")).getText()).isEqualTo("经信局 张三");

        assertThat(planState(8).getAttribute("data-editable")).isEqualTo("true");
        assertThat(driver.findElements(By.id("plan-form"))).hasSize(1);
        WebElement form = driver.findElement(By.id("plan-form"));
        form.findElement(By.name("year")).clear();
        form.findElement(By.name("year")).sendKeys("2027");
        form.findElement(By.name("text")).sendKeys("培育专精特新企业");
        form.findElement(By.name("quantity")).sendKeys("5");
        form.findElement(By.name("unit")).sendKeys("家");
        form.findElement(By.id("plan-submit")).click();
        wait.until(d -> d.findElements(By.cssSelector("#plans-table tr[data-year='2027']")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#plans-table tr[data-year='2027']")).getText())
                .contains("培育专精特新企业").contains("5家").contains(USER);

        WebElement other = planState(2);
        assertThat(other.getAttribute("data-editable")).isEqualTo("false");
        assertThat(other.getText()).contains("市自然资源和规划局");
        assertThat(driver.findElements(By.id("plan-form"))).isEmpty();
    }
}
