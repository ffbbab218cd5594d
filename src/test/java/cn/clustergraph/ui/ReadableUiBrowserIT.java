package cn.clustergraph.ui;

import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 14 in a real headless Chromium at 1440×900: one language at a time on every view (src/test/resources/ui/
 * language-check.js says what counts as a leak and what is allowed), names before codes, a chain map whose text stays
 * at least 12 px with the side panel open and whose edges never cross a node, a console graph whose labels do not
 * overlap, and an explorer that starts on the programme and its clusters. Screenshots under target/screenshots/.
 */
@GraphIntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableUiBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String check;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver fonts-noto-cjk)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        try (InputStream in = getClass().getResourceAsStream("/ui/language-check.js")) {
            check = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        profile = Files.createTempDirectory("cg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,900", "--lang=zh-CN",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        wait = HeadlessChromium.waitFor(driver, 30);
        Files.createDirectories(SCREENSHOTS);
        SignInPage.signIn(driver, base(), "admin", cn.clustergraph.Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void chinese() {
        if (driver != null) {
            js("localStorage.removeItem('cg.lang')");
        }
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    private void open(String route, String pattern) {
        driver.get("about:blank");
        driver.get(base() + "#" + route);
        waitFor(pattern);
    }

    private void waitFor(String pattern) {
        wait.until(d -> {
            WebElement main = d.findElement(By.id("main"));
            return "true".equals(main.getAttribute("data-ready")) && pattern.equals(main.getAttribute("data-route"));
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) {
        try {
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void language(String lang) {
        driver.get(base());
        js("localStorage.setItem('cg.lang', arguments[0])", lang);
    }

    /** Every view of the app (route, pattern), with the states that show more text (a panel open, a result, an error). */
    private Map<String, String> views() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("/", "/");
        v.put("/departments", "/departments");
        v.put("/departments/" + enc("市经信局"), "/departments/:name");
        v.put("/tasks", "/tasks");
        v.put("/tasks/52", "/tasks/:no");
        v.put("/indicators", "/indicators");
        v.put("/indicators/A1-02", "/indicators/:id");
        v.put("/indicators/A3-10", "/indicators/:id");
        v.put("/towns", "/towns");
        v.put("/towns/" + enc("经开区"), "/towns/:name");
        v.put("/consistency", "/consistency");
        v.put("/chains", "/chains");
        v.put("/chains/" + enc("光电通信") + "?segment=OPT-U06", "/chains/:name");
        v.put("/chains/" + enc("火星链"), "/chains/:name");
        v.put("/gaps", "/gaps");
        v.put("/enterprises", "/enterprises");
        v.put("/search?q=" + enc("经信局"), "/search");
        v.put("/search?q=" + enc("光电"), "/search");
        v.put("/explore", "/explore");
        v.put("/explore/Task/52", "/explore/:kind/:id");
        v.put("/reports", "/reports");
        v.put("/reports/town-breakdown?indicator=A3-10", "/reports/:name");
        v.put("/reports/chain-overview", "/reports/:name");
        v.put("/console", "/console");
        v.put("/upload", "/upload");
        v.put("/account", "/account");
        v.put("/audit", "/audit");
        v.put("/no/such/page", "notfound");
        return v;
    }

    @SuppressWarnings("unchecked")
    private List<String> sweep(String lang) {
        language(lang);
        open("/", "/");
        // the catalogue's Chinese labels that differ in English: none of them may stand alone on an English page
        Object zh = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/i18n.js').then(m => { const z = m.labels('zh'), e = m.labels('en');
                  done(Object.keys(z).filter(k => z[k] !== e[k]).map(k => z[k])); }).catch(e => done([]));""");
        Object labels = "en".equals(lang) ? zh : List.of();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, String> v : views().entrySet()) {
            open(v.getKey(), v.getValue());
            settle(v.getKey());
            ((List<String>) js(check, lang, labels)).forEach(l -> leaks.add(v.getKey() + ": " + l));
        }
        // the console's answers: a refusal, a result with a plan, a Cypher error
        open("/console", "/console");
        for (String q : List.of("CREATE (n:Hacked {x: 1}) RETURN n", "MATCH (t:Task {no: 52})-[r:LED_BY|CO_OWNED_BY]->(d:Department) RETURN t, r, d", "MATCH (n RETURN n")) {
            runConsole(q, "run");
            ((List<String>) js(check, lang, labels)).forEach(l -> leaks.add("/console «" + q + "»: " + l));
        }
        runConsole("MATCH (t:Task) RETURN count(t)", "profile");
        ((List<String>) js(check, lang, labels)).forEach(l -> leaks.add("/console (profile): " + l));
        // the enterprise page (a sample enterprise with segment shares)
        open("/enterprises", "/enterprises");
        driver.findElement(By.cssSelector("#ent-table tbody tr a")).click();
        waitFor("/enterprises/:id");
        ((List<String>) js(check, lang, labels)).forEach(l -> leaks.add("/enterprises/:id: " + l));
        return leaks;
    }

    /** Waits for what a view loads after it is shown (the report's rows, the chain's side panel). */
    private void settle(String route) {
        if (route.startsWith("/reports/")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-count, #report-result .notice")));
        }
        if (route.contains("segment=")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#seg-panel .cand-list, #seg-panel .ent-list")));
        }
    }

    private void runConsole(String query, String mode) {
        WebElement q = driver.findElement(By.id("cypher-query"));
        q.clear();
        q.sendKeys(query);
        driver.findElement(By.id("cypher-params")).clear();
        js("document.getElementById('console-result').innerHTML = ''");
        driver.findElement(By.id("cypher-" + mode)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#console-summary, .console-error")));
    }

    @Test
    void everyViewInChineseShowsNoEnglishPhrase() {
        List<String> leaks = sweep("zh");
        assertThat(leaks).as("English on Chinese pages (mark codes translate=\"no\", or put the words in the catalogue)").isEmpty();
    }

    @Test
    void everyViewInEnglishShowsNoChineseLabel() {
        List<String> leaks = sweep("en");
        assertThat(leaks).as("Chinese labels on English pages").isEmpty();
    }

    @Test
    void englishUnitsReadAsYuanNotAbbreviations() {
        language("en");
        open("/chains/" + enc("光电通信"), "/chains/:name");
        String text = driver.findElement(By.id("main")).getText();
        assertThat(text).contains("CNY").contains("billion").doesNotContain("100m yuan").doesNotContain("10k yuan");
        open("/enterprises", "/enterprises");
        assertThat(driver.findElement(By.cssSelector("#ent-table thead")).getText()).contains("Output (CNY 10,000)");
    }

    @Test
    void searchReasonsAndTheUnknownChainPageSpeakChinese() {
        open("/search?q=" + enc("经信局"), "/search");
        assertThat(driver.findElement(By.cssSelector(".search-group[data-kind='Department'] li[data-id='市经信局'] .why")).getText())
                .isEqualTo("简称/别名“经信局” → 市经信局");
        open("/chains/" + enc("火星链"), "/chains/:name");
        assertThat(driver.findElement(By.cssSelector("#main .error-text")).getText()).isEqualTo("没有名为“火星链”的产业链。");
        assertThat(driver.findElement(By.id("chain-list-link")).getAttribute("href")).endsWith("#/chains");
    }

    @Test
    void enterpriseListShowsSegmentNamesBeforeCodes() {
        open("/enterprises?chain=" + enc("新能源汽车"), "/enterprises");
        WebElement cell = driver.findElement(By.cssSelector("#ent-table tbody tr td.seg-names"));
        WebElement first = cell.findElement(By.cssSelector("a, span"));
        assertThat(first.getText()).as("the segment's name comes first").matches("[\\p{IsHan}（）A-Za-z0-9]+").doesNotMatch("NEV-[UMD]\\d+");
        assertThat(cell.findElement(By.cssSelector("[translate='no']")).getText()).matches("NEV-[UMDS]\\d+");
        screenshot("40-enterprises-names");
    }

    @Test
    @SuppressWarnings("unchecked")
    void chainMapTextStaysLegibleWithThePanelOpenAndEdgesNeverCrossANode() {
        open("/chains/" + enc("光电通信") + "?segment=OPT-U06", "/chains/:name");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#seg-panel .cand-list")));
        wait.until(d -> js("const b = document.getElementById('chain-graph'); return !!(b && b._cy && b.dataset.fontPx)") == Boolean.TRUE);
        js("document.getElementById('chain-graph').scrollIntoView({block: 'start'})");
        Map<String, Object> m = (Map<String, Object>) js("""
                const box = document.getElementById('chain-graph');
                const cy = box._cy;
                const z = cy.zoom();
                const font = Math.min(...cy.nodes().map(n => parseFloat(n.style('font-size')))) * z;
                // every node inside the box (fitted), in rendered pixels
                const out = cy.nodes().filter(n => { const b = n.renderedBoundingBox({includeLabels: true});
                  return b.x1 < -1 || b.y1 < -1 || b.x2 > box.clientWidth + 1 || b.y2 > box.clientHeight + 1; }).map(n => n.id());
                // no edge passes through a node other than its own ends: sample each drawn polyline
                const crossings = [];
                cy.edges().forEach(e => {
                  const pts = [e.sourceEndpoint()].concat(e.segmentPoints() || [], [e.targetEndpoint()]);
                  for (let i = 1; i < pts.length; i++) {
                    for (let k = 0; k <= 40; k++) {
                      const x = pts[i-1].x + (pts[i].x - pts[i-1].x) * k / 40, y = pts[i-1].y + (pts[i].y - pts[i-1].y) * k / 40;
                      cy.nodes().forEach(n => {
                        if (n.same(e.source()) || n.same(e.target())) return;
                        const b = n.boundingBox({includeLabels: true});
                        if (x > b.x1 + 1 && x < b.x2 - 1 && y > b.y1 + 1 && y < b.y2 - 1) crossings.push(e.id() + ' × ' + n.id());
                      });
                    }
                  }
                });
                return {font, out, crossings: [...new Set(crossings)], panel: !document.getElementById('seg-panel').hidden,
                        tools: [...document.querySelectorAll('.graph-tools button')].map(b => b.getAttribute('data-zoom') || b.getAttribute('data-download')),
                        png: cy.png({output: 'base64', full: true}).length};""");
        assertThat(m.get("panel")).isEqualTo(true);
        assertThat(((Number) m.get("font")).doubleValue()).as("rendered node text, px").isGreaterThanOrEqualTo(12.0);
        assertThat((List<String>) m.get("out")).as("nodes outside the box").isEmpty();
        assertThat((List<String>) m.get("crossings")).as("edges crossing a node's box or text").isEmpty();
        assertThat((List<String>) m.get("tools")).containsExactly("in", "out", "fit", "png", "svg");
        assertThat(((Number) m.get("png")).longValue()).isGreaterThan(1000);
        Object svg = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/graphtools.js').then(m => done(m.svg(document.getElementById('chain-graph')._cy))).catch(e => done(String(e)));""");
        assertThat(String.valueOf(svg)).startsWith("<svg").contains("光纤预制棒").contains("<polyline");
        screenshot("41-chain-map-panel-1440x900");
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleGraphHasACaptionInWordsAndLabelsThatDoNotOverlap() {
        open("/console", "/console");
        runConsole("MATCH (t:Task {no: 52})-[r:LED_BY|CO_OWNED_BY]->(d:Department) RETURN t, r, d", "run");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#console-graph canvas")));
        assertThat(driver.findElement(By.id("console-graph-caption")).getText()).isEqualTo("4 个节点 · 3 条关系");
        js("document.getElementById('console-graph').scrollIntoView({block: 'center'})");
        Map<String, Object> m = (Map<String, Object>) js("""
                const box = document.getElementById('console-graph');
                const cy = box._cy;
                const boxes = cy.nodes().map(n => ({id: n.id(), b: n.renderedBoundingBox({includeNodes: true, includeLabels: true, includeEdges: false})}));
                const overlaps = [];
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].b, b = boxes[j].b;
                  if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(boxes[i].id + '/' + boxes[j].id);
                }
                const clipped = cy.elements().filter(e => { const b = e.renderedBoundingBox({includeLabels: true});
                  return b.x1 < 0 || b.y1 < 0 || b.x2 > box.clientWidth || b.y2 > box.clientHeight; }).map(e => e.isNode() ? e.data('label') : e.data('type'));
                return {overlaps, clipped, font: parseFloat(cy.nodes()[0].style('font-size')) * cy.zoom()};""");
        assertThat((List<String>) m.get("overlaps")).as("overlapping node labels").isEmpty();
        assertThat((List<String>) m.get("clipped")).as("labels cut at the box's edge").isEmpty();
        assertThat(((Number) m.get("font")).doubleValue()).isGreaterThanOrEqualTo(11.0);
        assertThat(driver.findElements(By.id("console-csv"))).hasSize(1);
        assertThat(driver.findElements(By.id("console-xlsx"))).hasSize(1);
        screenshot("42-console-graph-1440x900");

        // saved queries: save, it is listed, load it back
        String name = "界面测试 " + System.nanoTime();
        driver.findElement(By.id("save-name")).sendKeys(name);
        driver.findElement(By.id("save-query")).click();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved-list li[data-saved='" + name + "']")));
        assertThat(driver.findElement(By.id("save-msg")).getText()).contains("已保存", name);
        WebElement q = driver.findElement(By.id("cypher-query"));
        q.clear();
        q.sendKeys("RETURN 1");
        item.findElement(By.cssSelector("[data-load]")).click();
        assertThat(driver.findElement(By.id("cypher-query")).getAttribute("value")).startsWith("MATCH (t:Task {no: 52})");
        driver.findElement(By.cssSelector("#saved-list li[data-saved='" + name + "'] [data-delete]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#saved-list li[data-saved='" + name + "']"), 0));
    }

    @Test
    void explorerStartsOnTheProgrammeAndItsFourClustersWithAHint() {
        open("/explore", "/explore");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#explore-graph canvas")));
        assertThat(driver.findElement(By.id("explore-hint")).getText()).contains("四个产业集群");
        assertThat(driver.findElements(By.cssSelector("#explore-table tr[data-kind='Programme']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#explore-table tr[data-kind='Cluster']"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#explore-table tr[data-kind='Chain']"))).hasSize(8);
        screenshot("43-explorer-start-1440x900");
    }
}
