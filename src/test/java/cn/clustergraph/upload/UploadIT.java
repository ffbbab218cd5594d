package cn.clustergraph.upload;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.register.CreditCode;
import cn.clustergraph.register.RegisterImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real HTTP against the shared graph: a broken register row is located and nothing is written; a good
 * register previews exactly what changes (expected numbers from the files), is written only when confirmed, and a write
 * that fails midway leaves the graph as it was; XLSX and GB18030 CSV both work; programme and chain-map files are
 * validated and previewed the same way; every bad request is a 4xx problem+json.
 */
@GraphIntegrationTest
class UploadIT {

    /** The events of the audit trail, as the audit service will receive them (from any thread). */
    final List<Object> seen = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p) {
            seen.add(p.getPayload());
        }
    };
    @Autowired
    ConfigurableApplicationContext context;

    static final String DATASET = "upload-test";
    /** Fictional candidates elsewhere (they feed no target of the programme). */
    static final List<String> CODES = List.of("UPLDAA01", "UPLDBB02", "UPLDCC03", "UPLDDD04", "UPLDEE05", "UPLDFF06",
            "UPLDGG07", "UPLDHH08", "UPLDJJ09", "UPLDKK10").stream().map(b -> CreditCode.of('9', '1', "310115", b)).toList();

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient client;
    @Autowired
    RegisterImporter importer;
    UploadClient api;

    @BeforeEach
    void setUp() {
        cn.clustergraph.Api.adminToken(port);  // signing in writes a token: before any test counts the graph
        api = new UploadClient(port);
        context.addApplicationListener(listener);
    }

    @AfterEach
    void cleanUp() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        importer.remove(DATASET);
        client.query("MATCH (f:Figure) WHERE f.id STARTS WITH $p DETACH DELETE f").bind(CODES.getLast()).to("p").run();
    }

    long count(String cypher) {
        return client.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    /** Nodes and relationships in the whole graph. */
    List<Long> size() {
        // the data, not the audit trail: every upload, accepted or refused, appends an AuditEvent
        return List.of(count("MATCH (n) WHERE NOT n:AuditEvent RETURN count(n)"), count("MATCH ()-[r]->() RETURN count(r)"));
    }

    @SuppressWarnings("unchecked")
    List<Object> aliases(String segment) {
        return (List<Object>) client.query("MATCH (s:Segment {id: $id}) RETURN s.aliases AS a").bind(segment).to("id").fetch().one().orElseThrow().get("a");
    }

    static Map<String, JsonNode> preview(JsonNode status) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        status.get("preview").forEach(r -> m.put(r.get("sheet").asString(), r));
        return m;
    }

    static List<Long> counts(JsonNode row) {
        return List.of(row.get("new").asLong(), row.get("changed").asLong(), row.get("unchanged").asLong(), row.get("removed").asLong());
    }

    static List<JsonNode> problems(JsonNode status) {
        return StreamSupport.stream(status.get("problems").spliterator(), false).toList();
    }

    // ---- registers ----------------------------------------------------------------------------------

    @Test
    void sampleWithOneBadCreditCodeIsRejectedWithItsLocationAndNothingIsWritten() {
        Map<String, String> files = UploadFiles.sample();
        String enterprises = files.get("enterprises");
        String code = enterprises.lines().skip(7).findFirst().orElseThrow().split(",")[0];
        String broken = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        files.put("enterprises", enterprises.replace(code + ",", broken + ","));
        int line = UploadFiles.lineOf(enterprises, code);
        List<Long> before = size();

        for (var upload : List.of(Map.entry("sample.zip", UploadFiles.zip(files)), Map.entry("sample.xlsx", UploadFiles.xlsx(files)))) {
            UploadClient.Answer a = api.upload(Map.of("kind", "register"), upload.getKey(), upload.getValue());
            assertThat(a.status()).isEqualTo(201);
            JsonNode s = a.json();
            assertThat(s.get("state").asString()).isEqualTo("rejected");
            assertThat(s.get("preview").isNull()).isTrue();
            List<JsonNode> problems = problems(s);
            assertThat(problems).hasSize(1);
            JsonNode p = problems.getFirst();
            assertThat(p.get("file").asString()).isEqualTo(upload.getKey().endsWith(".zip") ? "enterprises.csv" : "sample.xlsx!enterprises");
            assertThat(p.get("line").asInt()).isEqualTo(line);
            assertThat(p.get("column").asString()).isEqualTo("credit_code");
            assertThat(p.get("message").asString()).contains(String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))));
            assertThat(s.get("sha256").asString()).hasSize(64);
            assertThat(s.get("size").asLong()).isEqualTo(upload.getValue().length);
            // a rejected upload cannot be confirmed
            UploadClient.Answer c = api.post("/api/admin/uploads/" + s.get("id").asString() + "/confirm");
            assertThat(c.status()).isEqualTo(409);
            assertThat(c.contentType()).startsWith("application/problem+json");
            // the refusal is in the audit trail, with the admin who uploaded it and the file's SHA-256
            assertThat(count("MATCH (e:AuditEvent {kind: 'import.upload', outcome: 'refused', actor: 'admin'}) WHERE 'Upload:"
                    + s.get("id").asString() + "' IN e.keys AND e.after CONTAINS '" + s.get("sha256").asString() + "' RETURN count(e)")).isEqualTo(1);
        }
        assertThat(size()).isEqualTo(before);
        assertThat(seen).filteredOn(e -> e instanceof UploadRejectedEvent r && r.stage().equals("validation")).hasSize(2);
    }

    @Test
    void modifiedSampleAsXlsxPreviewsThreeNewTwoChangedOneRemovedAndWritesNothing() {
        Map<String, String> files = UploadFiles.sample();
        String enterprises = files.get("enterprises");
        List<String> lines = new ArrayList<>(enterprises.lines().toList());
        // two renamed, one removed (its other rows go with it), three new
        String removed = lines.get(3).split(",")[0];
        for (int i : List.of(1, 2)) {
            String[] cells = lines.get(i).split(",", -1);
            cells[1] = cells[1] + "（更名）";
            lines.set(i, String.join(",", cells));
        }
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + ",");
        }
        lines.set(3, removed + ",,,,,,,,,,true");
        lines.set(0, lines.get(0) + ",remove");
        String segment = lines.get(1).split(",", -1)[9].split("\\|")[0];
        for (int i = 0; i < 3; i++) {
            lines.add(CODES.get(i) + ",上海样例新增" + i + "有限公司,,false,,上海,,false,false," + segment + ",");
        }
        files.put("enterprises", String.join("\n", lines) + "\n");
        for (String sheet : List.of("figures", "honours", "supply_links")) {
            files.put(sheet, UploadFiles.without(files.get(sheet), l -> l.contains(removed)));
        }
        List<Long> before = size();

        UploadClient.Answer a = api.upload(Map.of("kind", "register"), "名录.xlsx", UploadFiles.xlsx(files));
        assertThat(a.status()).isEqualTo(201);
        JsonNode s = a.json();
        assertThat(problems(s)).isEmpty();
        assertThat(s.get("state").asString()).isEqualTo("validated");
        assertThat(s.get("dataset").asString()).isEqualTo(RegisterImporter.SAMPLE);
        assertThat(s.get("sample").asBoolean()).isTrue();
        Map<String, JsonNode> p = preview(s);
        long listed = UploadFiles.dataLines(enterprises);
        assertThat(counts(p.get("enterprises"))).containsExactly(3L, 2L, listed - 3, 1L);
        // the other sheets are the sample's own rows, as the graph has them
        for (String sheet : List.of("figures", "honours", "supply_links", "targets")) {
            assertThat(counts(p.get(sheet))).as(sheet).containsExactly(0L, 0L, UploadFiles.dataLines(files.get(sheet)), 0L);
        }
        assertThat(size()).isEqualTo(before);
        String id = s.get("id").asString();
        assertThat(api.delete("/api/admin/uploads/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/uploads/" + id).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/uploads/" + id + "/confirm").status()).isEqualTo(404);
        assertThat(size()).isEqualTo(before);
    }

    static String candidates(List<String> codes, Map<String, String> names, String segment, List<String> remove) {
        StringBuilder b = new StringBuilder("统一社会信用代码,企业名称,本地,所在地区,环节,删除\n");
        for (String c : codes) {
            b.append(c).append(',').append(names.getOrDefault(c, "样例候选" + c.substring(14) + "科技有限公司")).append(",false,上海,")
                    .append(segment).append(",\n");
        }
        remove.forEach(c -> b.append(c).append(",,,,,true\n"));
        return b.toString();
    }

    @Test
    void gb18030CsvPreviewsAndIsWrittenOnlyWhenConfirmed() throws Exception {
        String segment = "OPT-U01";
        Charset gb = Charset.forName("GB18030");
        // first upload: six candidates, all new
        byte[] first = candidates(CODES.subList(0, 6), Map.of(), segment, List.of()).getBytes(gb);
        JsonNode s = api.upload(Map.of("kind", "register", "dataset", DATASET), "企业.csv", first).json();
        assertThat(s.get("state").asString()).as(String.valueOf(s)).isEqualTo("validated");
        assertThat(counts(preview(s).get("enterprises"))).containsExactly(6L, 0L, 0L, 0L);
        assertThat(count("MATCH (e:Enterprise {dataset: '" + DATASET + "'}) RETURN count(e)")).isZero();
        JsonNode done = api.confirmAndWait(s.get("id").asString());
        assertThat(done.get("state").asString()).as(String.valueOf(done)).isEqualTo("applied");
        assertThat(done.get("rowsDone").asLong()).isEqualTo(6);
        assertThat(count("MATCH (e:Enterprise {dataset: '" + DATASET + "'}) RETURN count(e)")).isEqualTo(6);
        assertThat(api.post("/api/admin/uploads/" + s.get("id").asString() + "/confirm").status()).isEqualTo(409);
        assertThat(seen).filteredOn(e -> e instanceof UploadAppliedEvent a && a.dataset().equals(DATASET)
                && a.counts().get("enterprises.written") == 6 && a.sha256().length() == 64).hasSize(1);

        // second: three new, two renamed, one removed, three as they are
        Map<String, String> renamed = Map.of(CODES.get(0), "改名一号有限公司", CODES.get(1), "改名二号有限公司");
        List<String> listed = new ArrayList<>(CODES.subList(0, 5));
        listed.addAll(CODES.subList(6, 9));
        byte[] second = candidates(listed, renamed, segment, List.of(CODES.get(5))).getBytes(gb);
        s = api.upload(Map.of("kind", "register", "dataset", DATASET), "enterprises.csv", second).json();
        assertThat(s.get("state").asString()).as(String.valueOf(s)).isEqualTo("validated");
        assertThat(counts(preview(s).get("enterprises"))).containsExactly(3L, 2L, 3L, 1L);
        assertThat(count("MATCH (e:Enterprise {dataset: '" + DATASET + "'}) RETURN count(e)")).isEqualTo(6);
        done = api.confirmAndWait(s.get("id").asString());
        assertThat(done.get("state").asString()).isEqualTo("applied");
        assertThat(count("MATCH (e:Enterprise {dataset: '" + DATASET + "'}) RETURN count(e)")).isEqualTo(6 + 3 - 1);
        assertThat(client.query("MATCH (e:Enterprise {id: $id}) RETURN e.name").bind(CODES.get(0)).to("id")
                .fetchAs(String.class).one()).contains("改名一号有限公司");
        assertThat(count("MATCH (e:Enterprise {id: '" + CODES.get(5) + "'}) RETURN count(e)")).isZero();

        // the same enterprises again (without the removal, which now has nothing to remove): nothing would change
        byte[] again = candidates(listed, renamed, segment, List.of()).getBytes(gb);
        s = api.upload(Map.of("kind", "register", "dataset", DATASET), "enterprises.csv", again).json();
        assertThat(counts(preview(s).get("enterprises"))).containsExactly(0L, 0L, 8L, 0L);
        assertThat(api.delete("/api/admin/uploads/" + s.get("id").asString()).status()).isEqualTo(204);
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheGraphAsItWas() throws Exception {
        String fresh = CODES.getLast();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("enterprises", candidates(List.of(CODES.get(0), CODES.get(1), fresh), Map.of(), "OPT-U01", List.of()));
        files.put("figures", "credit_code,year,output\n" + fresh + ",2023,1234\n");
        JsonNode s = api.upload(Map.of("kind", "register", "dataset", DATASET), "register.zip", UploadFiles.zip(files)).json();
        assertThat(s.get("state").asString()).as(String.valueOf(s)).isEqualTo("validated");
        assertThat(counts(preview(s).get("figures"))).containsExactly(1L, 0L, 0L, 0L);
        // between preview and confirmation something else writes a figure with the key this upload's figure will take:
        // the enterprises are written first, then the figure breaks the uniqueness constraint
        client.query("CREATE (:Figure {id: $id})").bind(fresh + "-2023").to("id").run();
        List<Long> before = size();
        JsonNode done = api.confirmAndWait(s.get("id").asString());
        assertThat(done.get("state").asString()).isEqualTo("failed");
        assertThat(done.get("reason").asString()).contains("nothing was written");
        assertThat(size()).isEqualTo(before);
        assertThat(count("MATCH (e:Enterprise {dataset: '" + DATASET + "'}) RETURN count(e)")).isZero();
        // the event follows the state on the writer's thread: wait for it a moment
        for (int i = 0; i < 50 && seen.stream().noneMatch(e -> e instanceof UploadRejectedEvent r && r.stage().equals("apply")); i++) {
            Thread.sleep(100);
        }
        assertThat(seen).filteredOn(e -> e instanceof UploadRejectedEvent r && r.stage().equals("apply")).hasSize(1);
    }

    // ---- programme and chain maps ----------------------------------------------------------------------

    @Test
    void aBrokenProgrammeFileIsRejectedWithItsLocation() {
        String tasks = UploadFiles.read("programme/tasks.csv");
        String row = tasks.lines().filter(l -> l.startsWith("5,")).findFirst().orElseThrow();
        String[] cells = row.split(",", -1);
        // the content is quoted and may hold commas; the departments cell is the one after it
        String broken = row.replace(",市经信局,", ",市不存在局,");
        assertThat(broken).as("task 5 names 市经信局 alone in a cell: " + cells.length).isNotEqualTo(row);
        int line = UploadFiles.lineOf(tasks, row);
        List<Long> before = size();
        JsonNode s = api.upload(Map.of("kind", "programme"), "tasks.csv", tasks.replace(row, broken).getBytes(StandardCharsets.UTF_8)).json();
        assertThat(s.get("state").asString()).isEqualTo("rejected");
        // the unknown name, and so a task without a department: both on that row and column
        assertThat(problems(s)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("file").asString()).isEqualTo("programme/tasks.csv");
            assertThat(p.get("line").asInt()).isEqualTo(line);
            assertThat(p.get("column").asString()).isEqualTo("departments");
        });
        assertThat(problems(s).getFirst().get("message").asString()).contains("市不存在局");
        assertThat(size()).isEqualTo(before);

        // a file the programme import does not read, and a chains/ file in a programme ZIP
        s = api.upload(Map.of("kind", "programme"), "x.zip", UploadFiles.zip(Map.of("programme/tasks", tasks, "chains/segments",
                UploadFiles.read("chains/segments.csv"), "notes", "a,b\n1,2\n"))).json();
        assertThat(problems(s)).extracting(n -> n.get("file").asString()).contains("x.zip!chains/segments.csv", "programme/notes.csv");
    }

    @Test
    void aChainMapFileWithOneChangedSegmentPreviewsExactlyThatChangeAndWritesIt() throws Exception {
        String segments = UploadFiles.read("chains/segments.csv");
        String row = segments.lines().filter(l -> l.startsWith("OPT-U01,")).findFirst().orElseThrow();
        String changed = segments.replace(row, row.replace("激光器芯片|探测器芯片", "激光器芯片|探测器芯片|光电芯片"));
        assertThat(changed).isNotEqualTo(segments);
        List<Long> before = size();
        JsonNode s = api.upload(Map.of("kind", "chain-map"), "segments.csv", changed.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(s.get("state").asString()).as(String.valueOf(s)).isEqualTo("validated");
        Map<String, JsonNode> p = preview(s);
        assertThat(counts(p.get("segments"))).containsExactly(0L, 1L, UploadFiles.dataLines(segments) - 1, 0L);
        // nothing else differs from what the graph holds
        Map<String, List<Long>> others = new HashMap<>();
        p.forEach((k, v) -> {
            if (!k.equals("segments")) {
                others.put(k, List.of(v.get("new").asLong(), v.get("changed").asLong(), v.get("removed").asLong()));
            }
        });
        assertThat(others).allSatisfy((k, v) -> assertThat(v).as(k).containsExactly(0L, 0L, 0L));
        assertThat(counts(p.get("tasks")).get(2)).isEqualTo(UploadFiles.dataLines(UploadFiles.read("programme/tasks.csv")));
        assertThat(size()).isEqualTo(before);

        // confirmed, it goes through the programme importer (all programme and chain-map data in one transaction) ...
        JsonNode done = api.confirmAndWait(s.get("id").asString());
        try {
            assertThat(done.get("state").asString()).as(String.valueOf(done)).isEqualTo("applied");
            assertThat(done.get("counts").get("Segment").asLong()).isEqualTo(UploadFiles.dataLines(segments));
            assertThat(aliases("OPT-U01"))
                    .containsExactly("激光器芯片", "探测器芯片", "光电芯片");
            assertThat(size()).isEqualTo(before);
        } finally {
            // ... and the original file puts it back
            JsonNode back = api.upload(Map.of("kind", "chain-map"), "segments.csv", segments.getBytes(StandardCharsets.UTF_8)).json();
            assertThat(counts(preview(back).get("segments"))).containsExactly(0L, 1L, UploadFiles.dataLines(segments) - 1, 0L);
            assertThat(api.confirmAndWait(back.get("id").asString()).get("state").asString()).isEqualTo("applied");
        }
        assertThat(aliases("OPT-U01"))
                .containsExactly("激光器芯片", "探测器芯片");
    }

    // ---- bad requests ------------------------------------------------------------------------------

    @Test
    void everyBadRequestIsAProblemNamingTheField() {
        byte[] csv = "a\n1\n".getBytes(StandardCharsets.UTF_8);
        record Case(Map<String, String> fields, String file, byte[] content, int status, String field) {
        }
        for (Case c : List.of(
                new Case(Map.of("kind", "people"), "x.csv", csv, 400, "kind"),
                new Case(Map.of(), "x.csv", csv, 400, "kind"),
                new Case(Map.of("kind", "register"), null, null, 400, "file"),
                new Case(Map.of("kind", "register"), "x.csv", new byte[0], 400, "file"),
                new Case(Map.of("kind", "register"), "x.pdf", csv, 400, "file"),
                new Case(Map.of("kind", "programme"), "x.xlsx", csv, 400, "file"),
                new Case(Map.of("kind", "register", "dataset", "Bad Name"), "x.csv", csv, 400, "dataset"),
                new Case(Map.of("kind", "register", "dataset", "programme"), "x.csv", csv, 400, "dataset"),
                new Case(Map.of("kind", "chain-map", "dataset", "x"), "x.csv", csv, 400, "dataset"))) {
            UploadClient.Answer a = api.upload(c.fields(), c.file(), c.content());
            assertThat(a.status()).as(c.toString()).isEqualTo(c.status());
            assertThat(a.contentType()).as(c.toString()).startsWith("application/problem+json");
            assertThat(a.json().get("field").asString()).as(c.toString()).isEqualTo(c.field());
        }
        for (UploadClient.Answer a : List.of(api.get("/api/admin/uploads/nope"), api.post("/api/admin/uploads/nope/confirm"),
                api.delete("/api/admin/uploads/nope"))) {
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        // a file that is not what its name says is the file's problem, not the server's
        JsonNode s = api.upload(Map.of("kind", "register"), "book.xlsx", csv).json();
        assertThat(s.get("state").asString()).isEqualTo("rejected");
        assertThat(problems(s).getFirst().get("message").asString()).contains("cannot read the file");
        assertThat(api.get("/api/admin/uploads").json().get(0).get("id").asString()).isEqualTo(s.get("id").asString());
    }
}
