package cn.clustergraph.tracking;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 on the sample tracking history and its outputs: the sample itself, scorecard points adding up to the score,
 * the bulletin's DOCX and XLSX read back with POI against the board's counts, the XLSX template round trip and a broken
 * template rejected naming the cell, 督办 from a red item.
 */
@GraphIntegrationTest
class TrackingOutputsIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void people() {
        TrackingPeople.ensure(accounts);
    }

    @Test
    void theSampleHistoryIsThereAndMarkedSample() {
        JsonNode board = new Api(port).get("/api/tracking?period=2024Q2").json();
        assertThat(board.get("dataNotice").get("sample").asBoolean()).isTrue();
        assertThat(board.get("tasks")).hasSize(62);
        JsonNode c = board.get("taskCounts");
        assertThat(c.get("green").asInt() + c.get("yellow").asInt() + c.get("red").asInt() + c.get("grey").asInt()).isEqualTo(62);
        assertThat(c.get("red").asInt()).as("some tasks are behind, blocked or missing").isPositive();
        assertThat(c.get("green").asInt()).isPositive();
        int reported = 0;
        for (JsonNode t : board.get("tasks")) {
            if (!t.get("report").isNull()) {
                reported++;
                assertThat(t.get("report").get("sample").asBoolean()).isTrue();
            }
        }
        assertThat(reported).isBetween(50, 62);
        JsonNode a302 = null;
        for (JsonNode i : board.get("indicators")) {
            if (i.get("id").asString().equals("A3-02")) {
                a302 = i;
            }
        }
        assertThat(a302.get("towns")).hasSize(8);
        assertThat(a302.get("towns").get(0).get("actual").get("source").asString()).isEqualTo("镇街道上报");
        // returned and corrected, late: counted over the whole sample with the analysts' console
        JsonNode q = new Api(port).post("/api/cypher", "{\"query\":\"MATCH (v:ReportReview {decision: 'returned', sample: true}) "
                + "WITH count(v) AS returned MATCH (r:ProgressReport {sample: true, late: true}) RETURN returned, count(r) AS late\"}").json();
        assertThat(q.get("rows").get(0).get(0).asLong()).isPositive();
        assertThat(q.get("rows").get(0).get(1).asLong()).isPositive();
        JsonNode sup = new Api(port).get("/api/supervision").json();
        assertThat(sup.get("items").size()).isGreaterThanOrEqualTo(3);
        assertThat(JsonListsOf.texts(sup.get("items"), "state")).contains("open", "replied", "closed");
        assertThat(sup.get("overdue").asInt()).isPositive();
    }

    @Test
    void scorecardPointsAddUpToTheScore() {
        for (String kind : new String[]{"towns", "departments"}) {
            JsonNode card = new Api(port).get("/api/scorecards/" + kind + "?period=2024Q2").json();
            assertThat(card.get("rows").size()).as(kind).isGreaterThanOrEqualTo(8);
            double last = Double.MAX_VALUE;
            for (JsonNode row : card.get("rows")) {
                BigDecimal parts = BigDecimal.ZERO;
                BigDecimal weights = BigDecimal.ZERO;
                for (JsonNode part : row.get("parts")) {
                    BigDecimal items = BigDecimal.ZERO;
                    for (JsonNode item : part.get("items")) {
                        items = items.add(new BigDecimal(item.get("points").asString()));
                        assertThat(item.get("points").asDouble()).isLessThanOrEqualTo(item.get("weight").asDouble());
                    }
                    assertThat(new BigDecimal(part.get("points").asString()).compareTo(items)).as(row.get("name") + " " + part.get("name")).isZero();
                    parts = parts.add(new BigDecimal(part.get("points").asString()));
                    weights = weights.add(new BigDecimal(part.get("weight").asString()));
                }
                assertThat(new BigDecimal(row.get("score").asString()).compareTo(parts)).as(kind + " " + row.get("name")).isZero();
                if (row.get("parts").size() > 0) {
                    assertThat(weights.doubleValue()).as("weights of " + row.get("name")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.02));
                }
                assertThat(row.get("score").asDouble()).isLessThanOrEqualTo(last);
                last = row.get("score").asDouble();
                if (!row.get("previousRank").isNull()) {
                    assertThat(row.get("change").asInt()).isEqualTo(row.get("previousRank").asInt() - row.get("rank").asInt());
                }
            }
        }
        // a town's items are exactly its non-grey 附件3 lights on the board, each worth 100 / n
        JsonNode board = new Api(port).get("/api/tracking?period=2024Q2").json();
        int n = 0;
        for (JsonNode i : board.get("indicators")) {
            for (JsonNode t : i.get("towns")) {
                if (t.get("town").asString().equals("当湖街道") && !t.get("target").isNull() && !t.get("light").get("colour").asString().equals("GREY")) {
                    n++;
                }
            }
        }
        JsonNode danghu = null;
        for (JsonNode row : new Api(port).get("/api/scorecards/towns?period=2024Q2").json().get("rows")) {
            if (row.get("name").asString().equals("当湖街道")) {
                danghu = row;
            }
        }
        JsonNode items = danghu.get("parts").get(0).get("items");
        assertThat(items).hasSize(n);
        assertThat(items.get(0).get("weight").asDouble()).isEqualTo(new BigDecimal(100.0 / n).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
    }

    @Test
    void theBulletinReadsBackWithTheBoardsCounts() throws Exception {
        JsonNode board = new Api(port).get("/api/tracking?period=2024Q2&asOf=2024Q3").json();
        int red = board.get("taskCounts").get("red").asInt();
        int yellow = board.get("taskCounts").get("yellow").asInt();
        HttpResponse<byte[]> docx = new Api(port).bytes("/api/bulletins/2024Q2?format=docx&asOf=2024Q3");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("平湖市先进制造业集群培育工程2024年第二季度推进情况通报").contains("一、总体情况")
                    .contains("绿灯 " + board.get("taskCounts").get("green").asInt() + " 项、黄灯 " + yellow + " 项、红灯 " + red + " 项")
                    .contains("二、指标完成情况").contains("三、滞后任务").contains("四、镇（街道）排名").contains("五、下步工作");
            assertThat(doc.getTables()).hasSize(3);
            assertThat(doc.getTables().get(0).getRows()).hasSize(board.get("indicators").size() + 1);
            assertThat(doc.getTables().get(1).getRows()).hasSize(red + yellow + 1);
            assertThat(doc.getTables().get(2).getRows()).hasSize(8 + 1);
        }
        HttpResponse<byte[]> xlsx = new Api(port).bytes("/api/bulletins/2024Q2?format=xlsx&asOf=2024Q3");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet tasks = wb.getSheet("任务台账");
            assertThat(tasks.getLastRowNum()).isEqualTo(62);
            int reds = 0;
            for (Row r : tasks) {
                if (r.getRowNum() > 0 && "红灯".equals(r.getCell(4).getStringCellValue())) {
                    reds++;
                }
            }
            assertThat(reds).isEqualTo(red);
            assertThat(wb.getSheet("指标完成情况").getLastRowNum()).isEqualTo(board.get("indicators").size());
            assertThat(wb.getSheet("镇街道排名").getLastRowNum()).isEqualTo(8);
        }
        assertThat(new Api(port).get("/api/bulletins/2024Q2?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void aTemplateRoundTripsAndABrokenOneIsRejectedNamingTheCell() throws Exception {
        String token = TrackingPeople.token(port, TrackingPeople.JXJ);
        HttpResponse<byte[]> t = new Api(port).as(token).bytes("/api/tracking/template?period=2026Q1");
        assertThat(t.statusCode()).isEqualTo(200);
        byte[] filled;
        byte[] broken;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
            XSSFSheet reports = wb.getSheet("季度进展");
            assertThat(reports.getProtect()).as("key columns locked").isTrue();
            assertThat(reports.getDataValidations()).isNotEmpty();
            assertThat(wb.getSheet("说明").getRow(0).getCell(1).getStringCellValue()).isEqualTo("市经信局");
            Row task5 = null;
            int tasks = 0;
            for (Row r : reports) {
                if (r.getRowNum() > 0) {
                    tasks++;
                    if ((long) r.getCell(0).getNumericCellValue() == 5) {
                        task5 = r;
                    }
                }
            }
            assertThat(tasks).as("tasks led by 市经信局 in 附件2").isEqualTo(19);
            task5.getCell(3).setCellValue("按序推进");
            task5.getCell(4).setCellValue(30);
            task5.getCell(5).setCellValue("模板导入：完成技改项目备案");
            for (Row r : wb.getSheet("指标实绩")) {
                if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals("A1-02")) {
                    r.getCell(4).setCellValue(400);
                    r.getCell(6).setCellValue("统计部门");
                }
            }
            filled = bytes(wb);
            task5.getCell(3).setCellValue("差不多");
            broken = bytes(wb);
        }
        // broken: rejected with sheet, row and column, nothing written
        JsonNode bad = multipart(token, broken, "false");
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        JsonNode problem = bad.get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("季度进展");
        assertThat(problem.get("column").asString()).isEqualTo("D 状态");
        assertThat(problem.get("line").asInt()).isGreaterThan(1);
        assertThat(problem.get("message").asString()).contains("差不多");
        // preview writes nothing
        JsonNode preview = multipart(token, filled, "false");
        assertThat(preview.get("state").asString()).isEqualTo("validated");
        assertThat(preview.get("reports")).hasSize(1);
        assertThat(preview.get("actuals")).hasSize(1);
        assertThat(new Api(port).get("/api/tasks/5/reports?period=2026Q1").json().get("reports")).isEmpty();
        // confirmed: written as new versions, visible on the board
        JsonNode applied = multipart(token, filled, "true");
        assertThat(applied.get("state").asString()).isEqualTo("applied");
        JsonNode r5 = new Api(port).get("/api/tasks/5/reports?period=2026Q1").json().get("reports");
        assertThat(r5).hasSize(1);
        assertThat(r5.get(0).get("percent").asDouble()).isEqualTo(30.0);
        assertThat(r5.get(0).get("progress").asString()).isEqualTo("模板导入：完成技改项目备案");
        JsonNode a = new Api(port).get("/api/indicators/A1-02/actuals?period=2026Q1").json().get("actuals");
        assertThat(a.get(0).get("value").asDouble()).isEqualTo(400.0);
        assertThat(a.get(0).get("source").asString()).isEqualTo("统计部门");
    }

    @Test
    void aRedItemBecomesASupervisionTheCoordinatorCloses() {
        Api coordinator = TrackingPeople.api(port, TrackingPeople.COORDINATOR);
        // task 56 (市发改局) has no report for 2026Q3 and its due day 2026-10-15 has passed: red
        Api.Response created = coordinator.post("/api/supervision",
                "{\"kind\":\"task\",\"subject\":\"56\",\"period\":\"2026Q3\",\"request\":\"请于期限内报送季度进展并说明原因\",\"replyBy\":\"2026-11-30\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("department").asString()).isEqualTo("市发改局");
        assertThat(created.json().get("reason").asString()).contains("逾期未报");
        String id = created.json().get("id").asString();
        assertThat(TrackingPeople.api(port, TrackingPeople.JXJ).post("/api/supervision/" + Api.seg(id) + "/replies", "{\"text\":\"x\"}").status())
                .as("市经信局 is not addressed").isEqualTo(403);
        assertThat(TrackingPeople.api(port, TrackingPeople.JXJ).post("/api/supervision",
                "{\"kind\":\"task\",\"subject\":\"56\",\"period\":\"2026Q3\",\"request\":\"x\",\"replyBy\":\"2026-11-30\"}").status()).isEqualTo(403);
        assertThat(coordinator.post("/api/supervision/" + Api.seg(id) + "/replies", "{\"text\":\"已督促报送\"}").json().get("state").asString())
                .isEqualTo("replied");
        assertThat(coordinator.post("/api/supervision/" + Api.seg(id) + "/close", "{\"comment\":\"已办结\"}").json().get("state").asString())
                .isEqualTo("closed");
        // an item that is not red cannot be supervised
        TrackingPeople.api(port, TrackingPeople.JXJ).post("/api/tasks/12/reports", "{\"period\":\"2026Q2\",\"status\":\"已完成\",\"percent\":100}");
        Api.Response green = coordinator.post("/api/supervision",
                "{\"kind\":\"task\",\"subject\":\"12\",\"period\":\"2026Q2\",\"request\":\"x\",\"replyBy\":\"2026-11-30\"}");
        assertThat(green.status()).isEqualTo(400);
        assertThat(green.body()).contains("not red");
    }

    @Test
    void theAnalystsReportsAgreeWithTheBoard() {
        // on the sample (2024Q3 after 2024Q2), and on 2026Q2 after 2026Q1 where most tasks are missing (red twice for sure)
        for (String[] q : new String[][]{{"2024Q2", "2024Q3"}, {"2026Q1", "2026Q2"}}) {
            java.util.Set<Long> red = new java.util.TreeSet<>();
            java.util.Map<Long, String> before = new java.util.HashMap<>();
            for (JsonNode t : new Api(port).get("/api/tracking?period=" + q[0]).json().get("tasks")) {
                before.put(t.get("no").asLong(), t.get("light").get("colour").asString());
            }
            for (JsonNode t : new Api(port).get("/api/tracking?period=" + q[1]).json().get("tasks")) {
                if (t.get("light").get("colour").asString().equals("RED") && "RED".equals(before.get(t.get("no").asLong()))) {
                    red.add(t.get("no").asLong());
                }
            }
            JsonNode r = new Api(port).post("/api/reports/tasks-red-two-quarters", "{\"period\":\"" + q[1] + "\"}").json();
            java.util.Set<Long> fromReport = new java.util.TreeSet<>();
            r.get("rows").forEach(row -> fromReport.add(row.get(0).asLong()));
            assertThat(fromReport).as(q[1]).isEqualTo(red);
            if (q[1].equals("2026Q2")) {
                assertThat(red).as("tasks nobody reported in 2026Q1 and 2026Q2").hasSizeGreaterThan(40);
            }
        }
        JsonNode towns = new Api(port).post("/api/reports/towns-by-completion", "{\"year\":2023}").json();
        assertThat(towns.get("rows")).hasSize(8);
    }

    private static byte[] bytes(XSSFWorkbook wb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    private JsonNode multipart(String token, byte[] content, String confirm) throws Exception {
        String boundary = "----tr" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"filled.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/tracking/template?confirm=" + confirm))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(r.body());
        if (r.statusCode() >= 400 && !json.has("status")) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return json;
    }

    /** Texts of a field over a JSON array. */
    static final class JsonListsOf {
        static java.util.List<String> texts(JsonNode array, String field) {
            java.util.List<String> out = new java.util.ArrayList<>();
            array.forEach(n -> out.add(n.get(field).asString()));
            return out;
        }
    }
}
