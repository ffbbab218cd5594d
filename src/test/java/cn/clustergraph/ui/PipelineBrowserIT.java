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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 招商 user in a real headless Chromium: on the chain map of 光电通信 opens the 缺链 segment 光纤预制棒, turns its first
 * candidate into a lead ("转为线索"), moves the lead to 签约 on its page, and sees the dashed projection marker
 * "若已签约项目投产 → 弱链" on the segment's card (one more signed project than before) and in the city matrix. Skipped without Chromium.
 */
@GraphIntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineBrowserIT {

    static final String USER = "b-zhaoshang";
    static final String PASSWORD = "browser-pass-17";
    static final String SEGMENT = "OPT-U06";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        driver = HeadlessChromium.start("pipeline");
        TestUsers.ensure(accounts, USER, PASSWORD,
                new AccountService.Profile("招商 李四", EnumSet.of(Role.INVESTMENT), null, null, List.of()));
        wait = HeadlessChromium.waitFor(driver, 60);
        wait.ignoring(StaleElementReferenceException.class);  // the views re-render after each write
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    long signedOnSegment() {
        return client.query("MATCH (l:Lead)-[:TARGETS]->(:Segment {id: $s}) WHERE l.stage IN ['签约', '开工'] RETURN count(l)")
                .bind(SEGMENT).to("s").fetchAs(Long.class).one().orElseThrow();
    }

    void shot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCandidateBecomesALeadIsSignedAndTheGapMarkerShowsOnTheMap() throws IOException {
        long before = signedOnSegment();
        String base = "http://127.0.0.1:" + port + "/";
        String chain = URLEncoder.encode("光电通信", StandardCharsets.UTF_8);
        SignInPage.signIn(driver, base, USER, PASSWORD);
        driver.get(base + "#/chains/" + chain + "?segment=" + SEGMENT);
        WebElement toLead = wait.until(d -> d.findElements(By.cssSelector("[data-to-lead]")).stream().findFirst().orElse(null));
        String candidate = toLead.getAttribute("data-to-lead");
        toLead.click();
        WebElement link = wait.until(d -> d.findElements(By.cssSelector("[data-lead-link]")).stream().findFirst().orElse(null));
        String lead = link.getAttribute("data-lead-link");
        assertThat(client.query("MATCH (l:Lead {id: $id}) RETURN l.signalSegmentId + '/' + l.enterpriseId + '/' + l.origin")
                .bind(lead).to("id").fetchAs(String.class).one()).contains(SEGMENT + "/" + candidate + "/candidate");
        shot("pipeline-1-candidate-to-lead");
        link.click();
        WebElement stage = wait.until(d -> d.findElements(By.cssSelector("#lead-move select[name=stage]")).stream().findFirst().orElse(null));
        assertThat(driver.findElement(By.id("lead-signal")).getText()).contains("光纤预制棒");
        new Select(stage).selectByVisibleText("签约");
        driver.findElement(By.cssSelector("#lead-move button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("lead-stage")).stream().anyMatch(e -> e.getText().equals("签约")));
        assertThat(driver.findElement(By.id("lead-events")).getText()).contains("签约");
        shot("pipeline-2-lead-signed");
        assertThat(signedOnSegment()).isEqualTo(before + 1);
        driver.get(base + "#/chains/" + chain);
        WebElement marker = wait.until(d -> d.findElements(By.cssSelector(".seg-card[data-segment='" + SEGMENT + "'] .gap-projection"))
                .stream().filter(e -> String.valueOf(before + 1).equals(e.getAttribute("data-signed"))).findFirst().orElse(null));
        assertThat(marker.getAttribute("data-projected")).isEqualTo("弱链");
        assertThat(marker.getAttribute("title")).isEqualTo("若已签约项目投产：缺链 → 弱链 (if signed projects produce)");
        // the present status on the same card is still 缺链: the marker is a projection beside it
        assertThat(driver.findElement(By.cssSelector(".seg-card[data-segment='" + SEGMENT + "']")).getAttribute("data-status")).isEqualTo("缺链");
        shot("pipeline-3-chain-map-marker");
        driver.get(base + "#/gaps");
        WebElement cell = wait.until(d -> d.findElements(By.cssSelector("tr[data-chain='光电通信'] td[data-stage='上游'] .gap-projection"))
                .stream().findFirst().orElse(null));
        assertThat(cell.getAttribute("data-projected")).isIn("弱链", "有链");
        shot("pipeline-4-matrix-marker");
    }
}
