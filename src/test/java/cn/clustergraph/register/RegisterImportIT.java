package cn.clustergraph.register;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.SampleFiles;
import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.sample.RegisterGenerator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The register importer against the shared graph: precise problems and nothing written on bad input, CSV (UTF-8 and
 * GB18030) and XLSX, reimport in place, removal only when asked, sample and official never mixed. Test registers are
 * candidates elsewhere (they feed no target) and are removed after each test.
 */
@GraphIntegrationTest
class RegisterImportIT {

    /** Valid codes of fictional candidates (Shanghai Pudong / Suzhou divisions). */
    static final String A = CreditCode.of('9', '1', "310115", "TEXTAA01");
    static final String B = CreditCode.of('9', '1', "320509", "TEXTBB02");
    static final String C = CreditCode.of('9', '1', "320509", "TEXTCC03");

    @Autowired
    RegisterImporter importer;
    @Autowired
    Neo4jClient client;
    @Autowired
    List<CliCommand> commands;
    @Autowired
    EmbeddedNeo4j embedded;
    @LocalServerPort
    int port;
    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    @AfterEach
    void cleanUp() {
        for (String d : List.of("test-bad", "test-gb", "test-xlsx", "test-mix", "register")) {
            importer.remove(d);
        }
    }

    long count(String cypher) {
        return client.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    /** Nodes of the data (every import also appends one AuditEvent, which is the audit trail, not data). */
    long nodes() {
        return count("MATCH (n) WHERE NOT n:AuditEvent RETURN count(n)");
    }

    long relationships() {
        return count("MATCH ()-[r]->() RETURN count(r)");
    }

    static void write(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void wrongCheckCharacterIsRejectedWithFileLineColumnAndNothingIsWritten(@TempDir Path dir) throws Exception {
        String broken = A.substring(0, 17) + (A.charAt(17) == '0' ? '1' : '0');
        write(dir, "dataset.csv", "name,title,sample\ntest-bad,坏数据,false\n");
        write(dir, "enterprises.csv", "credit_code,name,local,region,segments\n"
                + B + ",苏州测试甲有限公司,false,江苏省苏州市吴江区,NEV-M02\n"
                + broken + ",上海测试乙有限公司,false,上海市浦东新区,NEV-M02\n");
        long nodes = nodes();
        long rels = relationships();
        var e = catchThrowableOfType(ImportValidationException.class, () -> importer.load(RegisterSource.of(dir), "x"));
        assertThat(e.problems()).extracting(Object::toString).containsExactly("enterprises.csv:3:credit_code: check character (position 18) is '"
                + broken.charAt(17) + "', expected '" + A.charAt(17) + "'");
        assertThat(nodes()).isEqualTo(nodes);
        assertThat(relationships()).isEqualTo(rels);
        assertThat(count("MATCH (e:Enterprise) WHERE e.id = '" + B + "' RETURN count(e)")).isZero();
        // the command line says the same and exits 1
        CliCommand cli = commands.stream().filter(c -> c.name().equals("import-register")).findFirst().orElseThrow();
        assertThat(cli.run(List.of("--file=" + dir))).isEqualTo(1);
        assertThat(nodes()).isEqualTo(nodes);
    }

    @Test
    void brokenRowsAreEachReportedPrecisely(@TempDir Path dir) throws Exception {
        String unknown = CreditCode.of('9', '1', "310115", "TEXTYY99");
        write(dir, "enterprises.csv", "credit_code,name,local,town,region,segments,platforms\n"
                + A + ",平湖测试甲有限公司,true,经开区,,NEV-M02,P-PHETDZ\n"          // 2 ok
                + B + ",,true,经开区,,NEV-M02,\n"                                  // 3 name
                + C + ",测试丙,maybe,,,NEV-M02,\n"                                 // 4 local
                + CreditCode.of('9', '1', "330482", "TEXTDD04") + ",测试丁,true,火星镇,,NEV-M02,\n"   // 5 town
                + CreditCode.of('9', '1', "330482", "TEXTEE05") + ",测试戊,true,经开区,,不存在的环节,\n" // 6 segment
                + A + ",平湖测试甲有限公司,true,经开区,,NEV-M02,\n"                  // 7 duplicate
                + "9133048212345,测试己,false,,,NEV-M02,\n"                         // 8 length
                + CreditCode.of('9', '1', "330482", "TEXTFF06") + ",测试庚,false,经开区,上海,NEV-M02,P-NOWHERE\n"); // 9 town for candidate, platform
        write(dir, "figures.csv", "credit_code,year,output,revenue\n" + A + ",2024,abc,\n" + unknown + ",2024,100,\n" + A + ",1800,1,\n");
        write(dir, "honours.csv", "credit_code,honour,year\n" + A + ",诺贝尔奖,2020\n" + A + ",小巨人,\n");
        write(dir, "supply_links.csv", "supplier,customer,segment,product\n" + A + "," + A + ",NEV-M02,\n" + A + ",91330482YK26BJ810Y,NEV-M02,\n"
                + A + "," + B + ",,\n");
        long nodes = nodes();
        var e = catchThrowableOfType(ImportValidationException.class, () -> importer.load(RegisterSource.of(dir), "register"));
        assertThat(e.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column()).contains(
                "enterprises.csv:3:name", "enterprises.csv:4:local", "enterprises.csv:5:town", "enterprises.csv:6:segments",
                "enterprises.csv:7:credit_code", "enterprises.csv:8:credit_code", "enterprises.csv:9:town", "enterprises.csv:9:platforms",
                "figures.csv:2:output", "figures.csv:3:credit_code", "figures.csv:4:year", "honours.csv:2:honour", "honours.csv:3:year",
                "supply_links.csv:2:customer", "supply_links.csv:3:customer", "supply_links.csv:4:segment");
        assertThat(e.problems()).extracting(ImportProblems.Problem::toString)
                .contains("enterprises.csv:5:town: unknown town '火星镇'", "honours.csv:2:honour: unknown honour '诺贝尔奖' (see import/chains/honours.csv for names and aliases)")
                .anyMatch(s -> s.startsWith("figures.csv:3:credit_code: unknown enterprise " + unknown))
                .anyMatch(s -> s.startsWith("supply_links.csv:3:customer: enterprise 91330482YK26BJ810Y is in the graph as SAMPLE data"));
        assertThat(nodes()).isEqualTo(nodes);
    }

    @Test
    void gb18030CsvWithChineseHeadersImportsUpdatesInPlaceAndRemovesOnlyWhenTold(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("enterprises.csv");
        String rows = "统一社会信用代码,企业名称,简称,本地,所在地区,环节\n"
                + A + ",上海测试光芯片有限公司,测试光芯|沪光芯,否,上海市浦东新区,OPT-U01|OPT-U06\n"
                + B + ",苏州测试预制棒有限公司,测试预制棒,否,江苏省苏州市吴江区,OPT-U06\n";
        Files.write(csv, rows.getBytes(Charset.forName("GB18030")));
        var first = importer.load(RegisterSource.of(csv), "test-gb");
        assertThat(first.written().get("enterprises")).isEqualTo(2);
        var e = api.get("/api/enterprises/" + A);
        assertThat(e.get("name").asString()).isEqualTo("上海测试光芯片有限公司");
        assertThat(e.get("dataset").asString()).isEqualTo("test-gb");
        assertThat(e.get("sample").asBoolean()).isFalse();
        assertThat(e.get("dataNotice").isNull()).isTrue();
        assertThat(e.get("segments")).hasSize(2);
        assertThat(e.get("segments").get(0).get("id").asString()).isEqualTo("OPT-U01");
        assertThat(e.get("segments").get(0).get("primary").asBoolean()).isTrue();
        assertThat(api.get("/api/search?q=" + ApiCalls.enc("沪光芯")).get("items").get(0).get("id").asString()).isEqualTo(A);

        // reimport: same nodes, no duplicates
        long nodes = nodes();
        long rels = relationships();
        importer.load(RegisterSource.of(csv), "test-gb");
        assertThat(nodes()).isEqualTo(nodes);
        assertThat(relationships()).isEqualTo(rels);

        // a register that lists only A with fewer segments removes nothing; '-OPT-U06' and remove=true do
        Files.write(csv, ("统一社会信用代码,企业名称,本地,所在地区,环节\n" + A + ",上海测试光芯片有限公司,否,上海市浦东新区,OPT-U01\n")
                .getBytes(Charset.forName("GB18030")));
        importer.load(RegisterSource.of(csv), "test-gb");
        assertThat(api.get("/api/enterprises/" + A).get("segments")).hasSize(2);
        assertThat(count("MATCH (e:Enterprise {dataset: 'test-gb'}) RETURN count(e)")).isEqualTo(2);
        Files.write(csv, ("统一社会信用代码,企业名称,简称,本地,所在地区,环节,删除\n"
                + A + ",上海测试光芯片有限公司,-沪光芯,否,上海市浦东新区,OPT-U01|-OPT-U06,\n"
                + B + ",,,,,,是\n").getBytes(Charset.forName("GB18030")));
        var removal = importer.load(RegisterSource.of(csv), "test-gb");
        assertThat(removal.removed().get("enterprises")).isEqualTo(1);
        JsonNodeAssert.segments(api.get("/api/enterprises/" + A), "OPT-U01");
        assertThat(api.get("/api/enterprises/" + A).get("aliases")).hasSize(1);
        assertThat(api.raw("/api/enterprises/" + B).statusCode()).isEqualTo(404);
    }

    @Test
    void xlsxWorkbookWithSheetRowsInProblemsAndFullRegister(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xlsx");
        String broken = B.substring(0, 17) + (B.charAt(17) == 'A' ? 'B' : 'A');
        workbook(bad, new String[][]{{"统一社会信用代码", "企业名称", "本地", "所在地区", "环节"},
                {A, "上海测试甲有限公司", "false", "上海市浦东新区", "CNC-U01"},
                {broken, "上海测试乙有限公司", "false", "上海市浦东新区", "CNC-U01"}}, null, null);
        long nodes = nodes();
        var e = catchThrowableOfType(ImportValidationException.class, () -> importer.load(RegisterSource.of(bad), "test-xlsx"));
        assertThat(e.problems()).extracting(Object::toString).singleElement().asString()
                .startsWith("bad.xlsx!企业:3:credit_code: check character (position 18)");
        assertThat(nodes()).isEqualTo(nodes);

        Path good = dir.resolve("register.xlsx");
        workbook(good, new String[][]{{"统一社会信用代码", "企业名称", "简称", "本地", "所在地区", "环节", "规上"},
                        {A, "上海测试数控系统有限公司", "测试数控", "false", "上海市浦东新区", "数控系统", "true"},
                        {B, "苏州测试主轴有限公司", "", "false", "江苏省苏州市吴江区", "CNC-U02", "false"}},
                new String[][]{{"credit_code", "year", "output", "revenue"}, {A, "2023", "12000.5", "13000"}, {A, "2024", "15000", ""}},
                new String[][]{{"credit_code", "honour", "year"}, {A, "高企", "2021"}});
        var result = importer.load(RegisterSource.of(good), "test-xlsx");
        assertThat(result.graph()).containsEntry("enterprises", 2L).containsEntry("figures", 2L).containsEntry("honours", 1L);
        var detail = api.get("/api/enterprises/" + A);
        assertThat(detail.get("output").asDouble()).isEqualTo(15000.0);
        assertThat(detail.get("outputYear").asLong()).isEqualTo(2024);
        assertThat(detail.get("honours").get(0).get("name").asString()).isEqualTo("高新技术企业");
        assertThat(detail.get("segments").get(0).get("id").asString()).isEqualTo("CNC-U01");
        // a candidate in a gap segment shows up in the chain view as a candidate, not as a local enterprise
        var cnc = api.get("/api/chains/" + ApiCalls.enc("高档数控机床") + "?top=50");
        var gap = java.util.stream.StreamSupport.stream(cnc.get("segments").spliterator(), false)
                .filter(s -> s.get("id").asString().equals("CNC-U01")).findFirst().orElseThrow();
        assertThat(gap.get("coverage").asString()).isEqualTo("none");
        assertThat(gap.get("candidates").toString()).contains(A);
        long nodes2 = nodes();
        importer.load(RegisterSource.of(good), "test-xlsx");
        assertThat(nodes()).isEqualTo(nodes2);
    }

    @Test
    void reimportingTheSampleCreatesNoDuplicatesAndEverythingIsLabelled() {
        String counts = """
                RETURN COUNT { (e:Enterprise {dataset: 'sample-register'}) } + ':' + COUNT { (f:Figure {dataset: 'sample-register'}) } + ':'
                     + COUNT { ()-[r:HAS_HONOUR {dataset: 'sample-register'}]->() } + ':' + COUNT { ()-[r:SUPPLIES {dataset: 'sample-register'}]->() } + ':'
                     + COUNT { ()-[r:IN_SEGMENT {dataset: 'sample-register'}]->() } + ':' + COUNT { (t:Target {dataset: 'sample-register'}) } + ':'
                     + COUNT { (d:Dataset) }""";
        String before = client.query(counts).fetchAs(String.class).one().orElseThrow();
        long nodes = nodes();
        long rels = relationships();
        SampleFiles s = SampleFiles.load();
        assertThat(before).startsWith(s.enterprises.size() + ":");
        var result = importer.load(new RegisterSource.Bundled(ImportSource.of(""), "sample"), "x");
        assertThat(result.sample()).isTrue();
        assertThat(client.query(counts).fetchAs(String.class).one().orElseThrow()).isEqualTo(before);
        assertThat(nodes()).isEqualTo(nodes);
        assertThat(relationships()).isEqualTo(rels);
        // the flag is on every node and relationship of the sample; the dataset node carries the banner
        assertThat(count("MATCH (n) WHERE n.dataset = 'sample-register' AND coalesce(n.sample, false) = false RETURN count(n)")).isZero();
        assertThat(count("MATCH ()-[r]->() WHERE r.dataset = 'sample-register' AND coalesce(r.sample, false) = false RETURN count(r)")).isZero();
        // (a 招商 lead naming an enterprise is people's work, not the register's: it is not part of any dataset)
        assertThat(count("MATCH (e:Enterprise {dataset: 'sample-register'})-[r]-(o) WHERE r.dataset IS NULL AND NOT o:Lead RETURN count(r)")).isZero();
        assertThat(client.query("MATCH (d:Dataset {name: 'sample-register'}) RETURN d.notice").fetchAs(String.class).one())
                .contains("样例数据（虚构）Sample data (fictional)");
    }

    @Test
    void sampleAndOfficialDataAreNeverMixedOnOneEnterprise(@TempDir Path dir) throws Exception {
        write(dir, "dataset.csv", "name,sample\ntest-mix,false\n");
        write(dir, "enterprises.csv", "credit_code,name,local,town,segments\n91330482YK26BJ810Y,浙江弘宇光学科技股份有限公司,true,经开区,OPT-U03\n");
        var e = catchThrowableOfType(ImportValidationException.class, () -> importer.load(RegisterSource.of(dir), "x"));
        assertThat(e.problems()).singleElement().asString().startsWith("enterprises.csv:2:credit_code: enterprise 91330482YK26BJ810Y is in the graph as SAMPLE data")
                .contains("never mixed");
        assertThatThrownBy(() -> importer.load(RegisterSource.of(dir.resolve("nothing.csv")), "x")).isInstanceOf(RuntimeException.class);
    }

    /**
     * A register that does not fit in one transaction under the transaction memory limit is loaded batch by batch instead
     * of failing (found under load: a 20,000-enterprise register of 197,488 rows needed more than the default 1 GiB in its
     * one transaction, and the upload failed whole): complete, every row in. Here the limit is lowered for the load.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRegisterOverTheTransactionMemoryLimitIsLoadedBatchByBatch(@TempDir Path dir, CapturedOutput output) throws Exception {
        var summary = RegisterGenerator.generate(2000, 5, "test-memory", dir, ImportSource.of("import"));
        // a dynamic setting: lowered on the running DBMS for this load only
        Config config = ((GraphDatabaseAPI) embedded.database()).getDependencyResolver().resolveDependency(Config.class);
        Long limit = config.get(GraphDatabaseSettings.memory_transaction_max_size);
        config.setDynamic(GraphDatabaseSettings.memory_transaction_max_size, 48L * 1024 * 1024, "test");
        try {
            RegisterImporter spied = Mockito.spy(importer);
            RegisterImporter.Result r = spied.load(RegisterSource.of(dir), "test-memory");
            assertThat(r.graph()).containsEntry("enterprises", (long) summary.enterprises()).containsEntry("figures", summary.figures())
                    .containsEntry("honours", summary.honours()).containsEntry("supplyLinks", summary.supplyLinks());
            // the one transaction failed and was written again batch by batch, with the result of the one validation pass
            assertThat(output.getAll()).containsOnlyOnce("did not fit in one transaction under the transaction memory limit");
            Mockito.verify(spied, Mockito.times(1)).validate(Mockito.any(), Mockito.any(), Mockito.anyBoolean());
            assertThat(importer.incomplete()).doesNotContain("test-memory");
        } finally {
            config.setDynamic(GraphDatabaseSettings.memory_transaction_max_size, limit, "test");
            importer.remove("test-memory");
        }
    }

    static void workbook(Path file, String[][] enterprises, String[][] figures, String[][] honours) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(wb, "企业", enterprises);
            if (figures != null) {
                fill(wb, "figures", figures);
            }
            if (honours != null) {
                fill(wb, "荣誉", honours);
            }
            wb.write(out);
        }
    }

    private static void fill(XSSFWorkbook wb, String name, String[][] rows) {
        var sheet = wb.createSheet(name);
        for (int r = 0; r < rows.length; r++) {
            var row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                if (r > 0 && name.equals("figures") && c >= 1 && !rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                } else {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
    }

    /** Small helpers for JSON assertions. */
    static final class JsonNodeAssert {
        static void segments(tools.jackson.databind.JsonNode enterprise, String... ids) {
            assertThat(java.util.stream.StreamSupport.stream(enterprise.get("segments").spliterator(), false)
                    .map(s -> s.get("id").asString()).toList()).containsExactly(ids);
        }
    }
}
