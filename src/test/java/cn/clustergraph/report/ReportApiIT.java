package cn.clustergraph.report;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.department.DepartmentService;
import cn.clustergraph.web.ResponseSize;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/reports} over HTTP: the list, one report, runs as JSON / CSV / XLSX, parameter errors as problem+json, and
 * the external folder (new files appear at once, broken ones are listed, writing ones are refused).
 */
@GraphIntegrationTest
class ReportApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ReportCatalog catalog;
    @Autowired
    Driver driver;
    @Autowired
    ChainNames chains;
    @Autowired
    DepartmentService departments;
    @Autowired
    ReportWriter writer;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<byte[]> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), port)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject(HttpResponse<byte[]> r) {
        return json.readValue(r.body(), Map.class);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    Path externalDir() throws IOException {
        return Files.createDirectories(catalog.externalDir());
    }

    @AfterEach
    void removeExternalReports() throws IOException {
        if (Files.isDirectory(catalog.externalDir())) {
            try (Stream<Path> files = Files.list(catalog.externalDir())) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryBundledReportWithItsHeader() throws Exception {
        var r = send("GET", "/api/reports", null);
        assertThat(r.statusCode()).isEqualTo(200);
        List<Map<String, Object>> list = json.readValue(r.body(), List.class);
        long files;
        try (Stream<Path> s = Files.list(Path.of("cypher/reports"))) {
            files = s.filter(p -> p.toString().endsWith(".cypher")).count();
        }
        assertThat(list).hasSize((int) files).allSatisfy(report -> assertThat(report)
                .containsEntry("origin", "bundled").containsEntry("valid", true).containsEntry("errors", List.of())
                .doesNotContainKeys("query", "location"));
        Map<String, Object> byLead = list.stream().filter(x -> x.get("name").equals("tasks-by-lead-department")).findFirst().orElseThrow();
        assertThat(byLead).containsEntry("title", "牵头部门的任务").containsEntry("titleEn", "Tasks by lead department");
        assertThat((List<Map<String, Object>>) byLead.get("parameters")).containsExactly(Map.of("name", "department", "type", "String",
                "required", false, "default", "市经信局", "description", "部门名称（规范名或别名，如 经信局、市自规局）"));
        assertThat((List<Map<String, Object>>) byLead.get("columns")).first()
                .isEqualTo(Map.of("name", "department", "type", "String", "description", "牵头部门（规范名）", "label", "牵头部门（规范名）"));

        var one = send("GET", "/api/reports/town-breakdown", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(jsonObject(one)).containsEntry("name", "town-breakdown").containsKey("parameters");
        assertThat((String) jsonObject(one).get("cypher")).startsWith("MATCH (i:Indicator)");
        assertThat(send("GET", "/api/reports/no-such-report", null).statusCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsAsJsonWithDefaultsApplied() throws Exception {
        var r = send("POST", "/api/reports/tasks-by-lead-department", "{\"department\": \"经信局\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        Map<String, Object> body = jsonObject(r);
        assertThat(body.get("columns")).isEqualTo(List.of("department", "no", "measure", "content", "coOwners", "clause"));
        List<List<Object>> rows = (List<List<Object>>) body.get("rows");
        assertThat(rows).hasSize(19);
        assertThat(rows.getFirst().subList(0, 3)).containsExactly("市经信局", 5, "2. 建设高能级产业平台");
        assertThat(body).containsEntry("rowCount", 19).containsEntry("truncated", false).containsEntry("truncatedBy", null)
                .containsEntry("parameters", Map.of("department", "经信局"));

        // No body at all: every default.
        var defaults = send("POST", "/api/reports/town-breakdown", null);
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(jsonObject(defaults)).containsEntry("parameters", Map.of("indicator", "A3-02"));
        // A JSON null means "use the default" too.
        assertThat(jsonObject(send("POST", "/api/reports/task-provenance", "{\"no\": null}")).get("parameters"))
                .isEqualTo(Map.of("no", 52));
    }

    /**
     * The console's response-size rule for reports too: with {@code max-response-size} set to what the first five rows of
     * a bundled report take, a run (the runner the API and the CLI call) returns those five rows, says truncated by size,
     * and writes {@code truncatedBy} into the JSON answer; the row cap says {@code rows}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aReportLargerThanItsResponseSizeIsTruncatedBySize() throws Exception {
        Map<String, Object> params = Map.of("department", "经信局");
        ReportResult whole = runner(100_000, DataSize.ofMegabytes(16)).run("tasks-by-lead-department", params);
        assertThat(whole.rowCount()).isEqualTo(19);
        assertThat(whole.truncatedBy()).isNull();
        long fiveRows = whole.rows().subList(0, 5).stream().mapToLong(ResponseSize::estimatedBytes).sum();

        ReportResult bySize = runner(100_000, DataSize.ofBytes(fiveRows)).run("tasks-by-lead-department", params);
        assertThat(bySize.rows()).isEqualTo(whole.rows().subList(0, 5));
        assertThat(bySize.rowCount()).isEqualTo(5);
        assertThat(bySize.truncated()).isTrue();
        assertThat(bySize.truncatedBy()).isEqualTo("size");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(catalog.find("tasks-by-lead-department").orElseThrow(), bySize, ReportFormat.JSON, out);
        Map<String, Object> answer = json.readValue(out.toByteArray(), Map.class);
        assertThat(answer).containsEntry("rowCount", 5).containsEntry("truncated", true).containsEntry("truncatedBy", "size");

        ReportResult byRows = runner(3, DataSize.ofMegabytes(16)).run("tasks-by-lead-department", params);
        assertThat(byRows.rows()).isEqualTo(whole.rows().subList(0, 3));
        assertThat(byRows.truncated()).isTrue();
        assertThat(byRows.truncatedBy()).isEqualTo("rows");
    }

    ReportRunner runner(int maxRows, DataSize maxResponseSize) {
        return new ReportRunner(catalog, driver, new ReportsProperties("", Duration.ofSeconds(60), maxRows, maxResponseSize),
                chains, departments);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        var wrongType = send("POST", "/api/reports/task-provenance", "{\"no\": \"fifty-two\"}", "Accept", "text/csv");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(jsonObject(wrongType)).containsEntry("field", "no")
                .containsEntry("en", "Parameter 'no': expected a whole number (Integer), got text 'fifty-two'")
                .containsEntry("type", "/problems/bad-request");

        var unknown = send("POST", "/api/reports/task-provenance", "{\"task\": 52}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(jsonObject(unknown)).containsEntry("field", "task")
                .containsEntry("en", "Report 'task-provenance' has no parameter 'task' (parameters: no)");

        var format = send("POST", "/api/reports/task-provenance?format=pdf", null);
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(jsonObject(format)).containsEntry("field", "format");

        assertThat(send("POST", "/api/reports/task-provenance", "[1, 2]").statusCode()).isEqualTo(400);
        var missing = send("POST", "/api/reports/nope", "{}", "Accept", "text/csv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    }

    @Test
    void csvForExcelByAcceptHeaderOrFormatParameter() throws Exception {
        var r = send("POST", "/api/reports/town-breakdown", "{\"indicator\": \"A3-10\"}", "Accept", "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"town-breakdown.csv\"; "
                + "filename*=UTF-8''%E6%8C%87%E6%A0%87%E7%9A%84%E9%95%87%E8%A1%97%E5%88%86%E8%A7%A3.csv");
        assertThat(r.headers().firstValue("X-Report-Rows")).contains("11");
        assertThat(Arrays.copyOf(r.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(12).startsWith("indicator,name,unit,kind,town,value,text,note",
                "A3-10,“浙江制造”标准,项,镇（街道）,当湖街道,1,1,");
        assertThat(csv).contains("\r\nA3-10,“浙江制造”标准,项,各镇合计,,12,,各镇（街道）数值之和\r\n")
                .endsWith("A3-10,“浙江制造”标准,项,差额,,7,,合计与全市不一致（合计−全市）\r\n");

        var byParam = send("POST", "/api/reports/task-provenance?format=csv", null);
        assertThat(byParam.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        String row = new String(byParam.body(), StandardCharsets.UTF_8).split("\r\n")[1];
        assertThat(row).startsWith("52,三 保障措施,(三) 创新金融服务,创新金融服务,")
                .contains(",市金融发展服务中心|人行平湖市支行|嘉兴银保监分局平湖监管组,");

        var viaGet = send("GET", "/api/reports/tasks-by-lead-department/run?format=csv&department="
                + URLEncoder.encode("市人社保局", StandardCharsets.UTF_8), null);
        assertThat(viaGet.statusCode()).isEqualTo(200);
        assertThat(text(viaGet).split("\r\n")[1]).startsWith("市人力社保局,58,(六) 加强人才支撑,");
    }

    @Test
    void xlsxIsARealWorkbook() throws Exception {
        var r = send("POST", "/api/reports/department-responsibility-sheet?format=xlsx", "{\"department\": \"人行平湖市支行\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition")).get().asString()
                .contains("filename=\"department-responsibility-sheet.xlsx\"").contains("filename*=UTF-8''%E9%83%A8%E9%97%A8");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("部门责任清单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("department");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(52.0);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("市金融发展服务中心|人行平湖市支行|嘉兴银保监分局平湖监管组");
            assertThat(sheet.getColumnWidth(7)).isGreaterThan(sheet.getColumnWidth(3));
            assertThat(wb.getSheet("说明").getRow(0).getCell(1).getStringCellValue()).isEqualTo("部门责任清单 | Department responsibility sheet");
        }
        var byAccept = send("POST", "/api/reports/chain-mechanism", null,
                "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(byAccept.body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(80);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewExternalFileIsListedAndRunsWithoutRestart() throws Exception {
        Files.writeString(externalDir().resolve("任务节点.cypher"), """
                // @title 任务节点 | Task as a node
                // @description 外部报表：返回节点、关系、路径和日期。
                // @param no Integer = 52  任务序号
                // @column task Node 任务
                // @column rel Relationship 牵头
                // @column path Path 任务→措施
                // @column issued Date 印发日期
                MATCH (t:Task {no: $no})-[r:LED_BY]->(:Department)
                MATCH path = (t)-[:PART_OF]->(:Measure)
                MATCH (p:Programme)
                RETURN t AS task, r AS rel, path, p.issuedOn AS issued
                """);
        List<Map<String, Object>> list = json.readValue(send("GET", "/api/reports", null).body(), List.class);
        assertThat(list).anySatisfy(x -> assertThat(x).containsEntry("name", "任务节点").containsEntry("origin", "external")
                .containsEntry("valid", true));

        var r = send("POST", "/api/reports/" + URLEncoder.encode("任务节点", StandardCharsets.UTF_8), "{\"no\": 52}");
        assertThat(r.statusCode()).isEqualTo(200);
        List<Object> row = ((List<List<Object>>) jsonObject(r).get("rows")).getFirst();
        Map<String, Object> task = (Map<String, Object>) row.get(0);
        assertThat(task).containsKey("elementId").containsEntry("labels", List.of("Task"));
        assertThat((Map<String, Object>) task.get("properties")).containsEntry("no", 52).containsEntry("name", "任务52");
        assertThat((Map<String, Object>) row.get(1)).containsEntry("type", "LED_BY").containsKeys("startElementId", "endElementId");
        assertThat((Map<String, Object>) ((Map<String, Object>) row.get(1)).get("properties")).containsEntry("order", 1);
        assertThat((List<?>) ((Map<String, Object>) row.get(2)).get("nodes")).hasSize(2);
        assertThat(row.get(3)).isEqualTo("2023-04-20");

        var csv = text(send("POST", "/api/reports/" + URLEncoder.encode("任务节点", StandardCharsets.UTF_8) + "?format=csv", null));
        assertThat(csv.split("\r\n")[1]).contains("\"{\"\"elementId\"\":").endsWith(",2023-04-20");
    }

    @Test
    @SuppressWarnings("unchecked")
    void brokenExternalReportsAreListedAndWritingOnesRefused() throws Exception {
        Files.writeString(externalDir().resolve("broken.cypher"), """
                // @title 没有英文标题
                MATCH (n) RETURN n
                """);
        Files.writeString(externalDir().resolve("writes.cypher"), """
                // @title 写入 | Writes
                // @description 试图写入图谱，必须被拒绝。
                // @column one Integer 一
                CREATE (x:ShouldNeverExist {at: datetime()}) RETURN 1 AS one
                """);
        Files.writeString(externalDir().resolve("typo.cypher"), """
                // @title 语法错误 | Syntax error
                // @description 头部正确，查询有语法错误。
                // @column n Integer 数量
                MATCH (t:Task) RETRUN count(t) AS n
                """);
        List<Map<String, Object>> list = json.readValue(send("GET", "/api/reports", null).body(), List.class);
        Map<String, Object> broken = list.stream().filter(x -> x.get("name").equals("broken")).findFirst().orElseThrow();
        assertThat(broken).containsEntry("valid", false).containsEntry("origin", "external");
        assertThat((List<String>) broken.get("errors")).contains("line 1: @title needs '中文标题 | English title'",
                "header: missing '// @description ...'");

        var runBroken = send("POST", "/api/reports/broken", null);
        assertThat(runBroken.statusCode()).isEqualTo(409);
        assertThat(jsonObject(runBroken)).containsEntry("report", "broken").containsEntry("title", "Report cannot run 报表无法运行");

        var typo = send("POST", "/api/reports/typo", null);
        assertThat(typo.statusCode()).isEqualTo(409);
        assertThat((String) jsonObject(typo).get("detail")).startsWith("Report 'typo' cannot run, Neo4j rejects its query: ")
                .contains("RETRUN");

        var write = send("POST", "/api/reports/writes", null, "Accept", "text/csv");
        assertThat(write.statusCode()).isEqualTo(409);
        assertThat(write.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat((String) jsonObject(write).get("detail")).contains("must be read-only").contains("READ_WRITE");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (x:ShouldNeverExist) RETURN count(x) AS n").single().get("n").asLong()).isZero();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExternalFileReplacesTheBundledReportOfTheSameName() throws Exception {
        Files.writeString(externalDir().resolve("text-only-targets.cypher"), """
                // @title 只有文字的目标（本地版） | Text-only targets (local)
                // @description 外部文件替换同名内置报表。
                // @column n Integer 数量
                MATCH (t:Target) WHERE t.value IS NULL RETURN count(t) AS n
                """);
        var r = jsonObject(send("POST", "/api/reports/text-only-targets", null));
        assertThat(r).containsEntry("title", "只有文字的目标（本地版）").containsEntry("rows", List.of(List.of(10)));
        Files.delete(externalDir().resolve("text-only-targets.cypher"));
        assertThat(jsonObject(send("POST", "/api/reports/text-only-targets", null))).containsEntry("title", "只有文字的目标");
    }
}
