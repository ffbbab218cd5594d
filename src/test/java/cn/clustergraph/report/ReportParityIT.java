package cn.clustergraph.report;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.clustergraph.ApiCalls.enc;
import static cn.clustergraph.ApiCalls.list;
import static cn.clustergraph.report.Reports.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every bundled report beside the API endpoint that answers the same question, on the sample data: the same answer (rows
 * vs API items). Where a report has no API twin, its test says so and why. One rule in one place means these cannot drift.
 */
@GraphIntegrationTest
class ReportParityIT {

    @Autowired
    ReportRunner runner;
    @LocalServerPort
    int port;
    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    List<Map<String, Object>> run(String name, Map<String, ?> params) {
        return rows(runner.run(name, params));
    }

    List<String> chains() {
        return list(api.get("/api/chains").get("items")).stream().map(c -> c.get("name").asString()).toList();
    }

    static String seg(String s) {
        return enc(s).replace("+", "%20");
    }

    static double num(Object o) {
        return o == null ? 0.0 : ((Number) o).doubleValue();
    }

    @Test
    void chainGapsEqualsTheGapsOfEveryChain() {
        for (String chain : chains()) {
            Map<String, String> apiGaps = new TreeMap<>();
            list(api.get("/api/chains/" + seg(chain) + "/gaps").get("segments")).stream()
                    .filter(s -> !s.get("status").asString().equals("有链"))
                    .forEach(s -> apiGaps.put(s.get("id").asString(), s.get("status").asString() + " | " + s.get("reason").asString()));
            Map<String, String> report = new TreeMap<>();
            run("chain-gaps", Map.of("chain", chain)).forEach(r -> report.put((String) r.get("segmentId"), r.get("gap") + " | " + r.get("reason")));
            assertThat(report).as(chain).isEqualTo(apiGaps).isNotEmpty();
        }
        assertThat(run("chain-gaps", Map.of("chain", "新能源汽车"))).extracting(r -> r.get("gap")).containsExactly("缺链", "弱链", "弱链", "弱链");
    }

    @Test
    void chainOverviewEqualsTheChainView() {
        for (String chain : chains()) {
            Map<String, List<Object>> view = new TreeMap<>();
            list(api.get("/api/chains/" + seg(chain) + "?top=1").get("segments")).forEach(s -> view.put(s.get("id").asString(),
                    List.of(s.get("rollup").get("enterprises").asLong(), s.get("rollup").get("local").asLong(),
                            Math.round(s.get("rollup").get("output").asDouble(0.0) * 100) / 100.0)));
            Map<String, List<Object>> report = new TreeMap<>();
            run("chain-overview", Map.of("chain", chain)).forEach(r -> report.put((String) r.get("segmentId"),
                    List.of(r.get("enterprises"), r.get("localEnterprises"), Math.round(num(r.get("output")) * 100) / 100.0)));
            assertThat(report).as(chain).isEqualTo(view).isNotEmpty();
        }
        Map<String, Object> chips = run("chain-overview", Map.of("chain", "光电通信")).stream()
                .filter(r -> r.get("segmentId").equals("OPT-U02")).findFirst().orElseThrow();
        assertThat(num(chips.get("output"))).isCloseTo(50902.75, within(0.001));
    }

    @Test
    void chainMechanismEqualsTheTenOnesOfTheChainView() {
        for (String chain : chains()) {
            List<List<String>> view = list(api.get("/api/chains/" + seg(chain) + "?top=1").get("items")).stream()
                    .map(i -> java.util.Arrays.asList(i.get("item").asString(), i.get("value").asString(null), i.get("status").asString())).toList();
            List<List<String>> report = run("chain-mechanism", Map.of("chain", chain)).stream()
                    .map(r -> java.util.Arrays.asList((String) r.get("item"), (String) r.get("value"), (String) r.get("status"))).toList();
            assertThat(report).as(chain).isEqualTo(view).hasSize(10);
        }
    }

    @Test
    void contradictionsEqualTheConsistencyFindings() {
        Map<String, Long> api = new HashMap<>();
        List<JsonNode> findings = list(this.api.get("/api/consistency").get("findings"));
        findings.forEach(f -> api.merge(f.get("kind").asString(), 1L, Long::sum));
        List<Map<String, Object>> rows = run("contradictions", Map.of());
        Map<Object, Long> report = rows.stream().collect(Collectors.groupingBy(r -> r.get("kind"), Collectors.counting()));
        // conflicting targets: the API has one finding per target (indicator, year, town) listing every statement, the report
        // one row per pair of differing statements — the same targets
        Set<String> conflictingTargets = findings.stream().filter(f -> f.get("kind").asString().startsWith("TARGET_"))
                .map(f -> f.get("subject").asString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reportTargets = rows.stream().filter(r -> r.get("kind").equals("目标表述不一致"))
                .map(r -> r.get("subject").toString().replace("年", "")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(reportTargets).isEqualTo(conflictingTargets).isNotEmpty();
        assertThat(report.get("镇街合计与全市不符")).isEqualTo(api.get("TOWN_SUM_MISMATCH"));
        assertThat(report.get("标题不一致")).isEqualTo(api.getOrDefault("SECTION_TITLE_VARIANT", 0L) + api.getOrDefault("MEASURE_TITLE_VARIANT", 0L));
        // NOT yet one rule: the API compares a task's sentences (split at 。；, spaces and three ASCII marks normalised), the
        // report its clauses (split at ，, more punctuation normalised); the report's tasks are among the API's, the API finds
        // one task more (listed in the issue-12 note as a twin still to merge)
        Set<String> textTasks = findings.stream().filter(f -> f.get("kind").asString().equals("TASK_TEXT_VARIANT"))
                .map(f -> f.get("subject").asString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reportTextTasks = rows.stream().filter(r -> r.get("kind").equals("附件2与正文文字不同"))
                .map(r -> r.get("subject").toString().replaceAll("（.*", "")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(textTasks).containsAll(reportTextTasks);
        assertThat(reportTextTasks).isNotEmpty();
        assertThat(report.get("部门可能为同一机构")).isEqualTo(api.get("DEPARTMENT_DOUBT"));
        // no twin: '任务位置与措施不符' is only in the report (an analyst's cross-check of 附件2 rows against the main text's
        // measures); DEPARTMENT_NAME_VARIANT only in the API (the import's alias log, not a contradiction of the document)
    }

    @Test
    void departmentSheetEqualsTheDepartmentEndpoint() {
        for (String name : List.of("经信局", "市人社保局", "市发改局", "市科技局")) {
            JsonNode d = api.get("/api/departments/" + seg(name));
            List<Map<String, Object>> rows = run("department-responsibility-sheet", Map.of("department", name));
            assertThat(rows).as(name).isNotEmpty().allSatisfy(r -> assertThat(r.get("department")).isEqualTo(d.get("name").asString()));
            assertThat(nos(rows, "牵头任务")).as(name).isEqualTo(list(d.get("leads")).stream().map(t -> t.get("no").asLong()).toList());
            assertThat(nos(rows, "配合任务")).as(name).isEqualTo(list(d.get("coOwns")).stream().map(t -> t.get("no").asLong()).toList());
            assertThat(refs(rows, "牵头指标")).as(name).isEqualTo(list(d.get("indicators")).stream()
                    .filter(i -> i.get("lead").asBoolean()).map(i -> i.get("id").asString()).collect(Collectors.toCollection(TreeSet::new)));
            assertThat(refs(rows, "配合指标")).as(name).isEqualTo(list(d.get("indicators")).stream()
                    .filter(i -> !i.get("lead").asBoolean()).map(i -> i.get("id").asString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    static List<Object> nos(List<Map<String, Object>> rows, String part) {
        return rows.stream().filter(r -> r.get("part").equals(part)).map(r -> r.get("no")).toList();
    }

    static Set<Object> refs(List<Map<String, Object>> rows, String part) {
        return rows.stream().filter(r -> r.get("part").equals(part)).map(r -> r.get("ref")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void departmentsByTaskCountEqualsTheDepartmentList() {
        Map<String, List<Long>> api = new TreeMap<>();
        list(this.api.get("/api/departments")).forEach(d -> api.put(d.get("name").asString(),
                List.of(d.get("leads").asLong(), d.get("coOwns").asLong(), d.get("indicators").asLong())));
        Map<String, List<Long>> report = new TreeMap<>();
        run("departments-by-task-count", Map.of("limit", 1000)).forEach(r -> report.put((String) r.get("department"),
                List.of((Long) r.get("led"), (Long) r.get("coOwned"), (Long) r.get("indicatorsLed") + (Long) r.get("indicatorsCoOwned"))));
        // the report leaves out bodies that own nothing (named only in a doubt, e.g. 嘉兴市发改委); the list shows them with zeros
        api.values().removeIf(counts -> counts.equals(List.of(0L, 0L, 0L)));
        assertThat(report).isEqualTo(api).hasSize(21);
    }

    @Test
    void enterprisesFeedingTargetEqualsTheTargetsContributors() {
        for (String indicator : List.of("A1-02", "G-LITTLEGIANT")) {
            JsonNode c = api.get("/api/targets/" + indicator + "/contributors?size=200");
            double factor = "亿元".equals(c.get("unit").asString(null)) ? 10000.0 : 1.0;
            Map<String, Double> apiRows = new TreeMap<>();
            for (int page = 1; ; page++) {
                list(c.get("items")).forEach(x -> apiRows.merge(x.get("id").asString(), Math.round(x.get("contribution").asDouble() * factor * 100) / 100.0, Double::sum));
                if (!c.get("hasNext").asBoolean()) {
                    break;
                }
                c = api.get("/api/targets/" + indicator + "/contributors?size=200&page=" + page);
            }
            Map<String, Double> report = new TreeMap<>();
            run("enterprises-feeding-target", Map.of("indicator", indicator)).forEach(r -> report.merge((String) r.get("enterpriseId"),
                    Math.round(num(r.get("contribution")) * 100) / 100.0, Double::sum));
            assertThat(report).as(indicator).isEqualTo(apiRows).isNotEmpty();
            assertThat((long) report.size()).as(indicator).isEqualTo(c.get("total").asLong());
        }
    }

    /**
     * The report, the target's contributors and each enterprise's own feeds (/api/enterprises/{id}/targets) count the same
     * enterprises with the same amounts: TargetFeeds' one rule. A1-02 sums output (import/sample: 328 local 规上
     * enterprises, 22610785.9 万元 = 2261.07859 亿元); G-LITTLEGIANT counts the nine local holders of 专精特新“小巨人”.
     */
    @Test
    void enterprisesFeedingTargetEqualsEachEnterprisesFeeds() {
        Map<String, Double> output = new TreeMap<>();
        run("enterprises-feeding-target", Map.of("indicator", "A1-02")).forEach(r -> output.merge((String) r.get("enterpriseId"), num(r.get("contribution")), Double::sum));
        assertThat(output).hasSize(328);
        assertThat(output.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(22610785.9, within(0.01));
        double feeds = 0;
        for (var e : output.entrySet()) {
            JsonNode a102 = feed(e.getKey(), "A1-02");
            assertThat(a102.get("contribution").asDouble()).as(e.getKey()).isCloseTo(e.getValue() / 10000, within(1e-9));
            assertThat(list(a102.get("targets")).stream().filter(t -> t.get("id").asString().equals("A1-02-2027")).findFirst().orElseThrow()
                    .get("counts").asBoolean()).as(e.getKey()).isTrue();
            feeds += a102.get("contribution").asDouble();
        }
        assertThat(feeds).isCloseTo(2261.07859, within(1e-6));
        assertThat(api.get("/api/targets/A1-02/contributors").get("total").asLong()).isEqualTo(328);

        List<Map<String, Object>> giants = run("enterprises-feeding-target", Map.of("indicator", "G-LITTLEGIANT"));
        assertThat(giants).hasSize(9);
        JsonNode contributors = api.get("/api/targets/G-LITTLEGIANT/contributors?size=50");
        String target = contributors.get("target").get("id").asString();
        assertThat(target).isEqualTo("G-LITTLEGIANT-2027-MAIN");
        Set<String> apiIds = list(contributors.get("items")).stream().map(x -> x.get("id").asString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> reportIds = giants.stream().map(r -> (String) r.get("enterpriseId")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(apiIds).isEqualTo(reportIds);
        for (Map<String, Object> r : giants) {
            JsonNode giant = feed((String) r.get("enterpriseId"), "G-LITTLEGIANT");
            assertThat(giant.get("contribution").asDouble()).isEqualTo(1.0);
            assertThat(list(giant.get("targets")).stream().filter(t -> t.get("id").asString().equals(target)).findFirst().orElseThrow()
                    .get("counts").asBoolean()).as((String) r.get("enterprise")).isTrue();
        }
    }

    /** The feed of {@code indicator} among the enterprise's feeds. */
    JsonNode feed(String enterprise, String indicator) {
        return list(api.get("/api/enterprises/" + enterprise + "/targets").get("feeds")).stream()
                .filter(f -> f.get("indicatorId").asString().equals(indicator)).findFirst().orElseThrow(() -> new AssertionError(enterprise + " feeds no " + indicator));
    }

    @Test
    void enterprisesWithHonourEqualsTheEnterpriseHonourFilter() {
        for (String honour : List.of("专精特新“小巨人”", "高新技术企业")) {
            Set<String> report = run("enterprises-with-honour", Map.of("honour", honour)).stream()
                    .flatMap(r -> ((List<?>) r.get("names")).stream().map(Object::toString)).collect(Collectors.toCollection(TreeSet::new));
            JsonNode page = api.get("/api/enterprises?size=200&honour=" + enc(honour));
            Set<String> items = list(page.get("items")).stream().map(e -> e.get("name").asString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(page.get("total").asLong()).as(honour).isLessThanOrEqualTo(200);
            assertThat(report).as(honour).isEqualTo(items).isNotEmpty();
        }
    }

    @Test
    void indicatorTargetsEqualTheIndicatorsCityTargets() {
        for (String id : List.of("A1-02", "A1-05", "A3-10")) {
            Set<String> api = list(this.api.get("/api/indicators/" + id).get("targets")).stream()
                    .filter(t -> t.get("town").isNull())
                    .map(t -> t.get("year").asLong() + " " + t.get("text").asString() + " " + t.get("primary").asBoolean())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> report = run("indicator-targets", Map.of("primaryOnly", false)).stream().filter(r -> r.get("indicator").equals(id))
                    .map(r -> r.get("year") + " " + r.get("text") + " " + r.get("primary")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(report).as(id).isEqualTo(api).isNotEmpty();
        }
    }

    @Test
    void taskProvenanceEqualsTheTask() {
        for (long no : List.of(1L, 24L, 42L, 52L, 62L)) {
            JsonNode t = api.get("/api/tasks/" + no);
            Map<String, Object> r = run("task-provenance", Map.of("no", no)).getFirst();
            assertThat(r.get("content")).isEqualTo(t.get("content").asString());
            List<String> owners = new ArrayList<>(List.of(t.get("lead").asString()));
            list(t.get("coOwners")).forEach(o -> owners.add(o.asString()));
            assertThat(r.get("departments")).as("task " + no).isEqualTo(owners);
            assertThat(r.get("departmentsRaw")).isEqualTo(t.get("departmentsRaw").asString(null));
            assertThat(r.get("annexMeasureCell")).isEqualTo(t.get("annexMeasureCell").asString(null));
        }
    }

    @Test
    void tasksByLeadDepartmentEqualsTheTaskFilter() {
        for (String name : List.of("经信局", "市人社保局", "市商务局")) {
            List<List<Object>> api = list(this.api.get("/api/tasks?department=" + enc(name))).stream()
                    .filter(t -> t.get("lead").asString().equals(this.api.get("/api/departments/" + seg(name)).get("name").asString()))
                    .map(t -> List.<Object>of(t.get("no").asLong(), list(t.get("coOwners")).stream().map(JsonNode::asString).toList())).toList();
            List<List<Object>> report = run("tasks-by-lead-department", Map.of("department", name)).stream()
                    .map(r -> List.<Object>of(r.get("no"), r.get("coOwners"))).toList();
            assertThat(report).as(name).isEqualTo(api).isNotEmpty();
        }
    }

    @Test
    void tasksByMeasureEqualsTheProgrammeOutline() {
        Map<String, List<Long>> api = new LinkedHashMap<>();
        list(this.api.get("/api/programme").get("sections")).forEach(s -> list(s.get("measures"))
                .forEach(m -> api.put(m.get("id").asString(), list(m.get("tasks")).stream().map(JsonNode::asLong).toList())));
        Map<String, Object> report = new LinkedHashMap<>();
        run("tasks-by-measure", Map.of()).forEach(r -> report.put((String) r.get("measureId"), r.get("taskNos")));
        assertThat(report).isEqualTo(api.entrySet().stream().filter(e -> report.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue())));
        assertThat(report.keySet()).containsAll(api.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList());
    }

    @Test
    void tasksMentioningAChainEqualTheChainViewsTasksNamingIt() {
        for (String chain : List.of("光电通信", "新能源汽车")) {
            Set<Long> view = list(api.get("/api/chains/" + seg(chain) + "?top=1").get("tasks")).stream()
                    .filter(t -> list(t.get("via")).stream().anyMatch(v -> v.asString().equals("names the chain")))
                    .map(t -> t.get("no").asLong()).collect(Collectors.toCollection(TreeSet::new));
            Set<Object> report = run("tasks-mentioning", Map.of("thing", chain, "kind", "Chain")).stream().map(r -> r.get("no"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(report).as(chain).isEqualTo(view).isNotEmpty();
        }
    }

    @Test
    void textOnlyTargetsEqualTheTargetsWithoutAValue() {
        Set<String> api = new TreeSet<>();
        JsonNode page = this.api.get("/api/targets?size=200");
        for (int p = 1; ; p++) {
            list(page.get("items")).stream().filter(t -> t.get("value").isNull())
                    .forEach(t -> api.add(t.get("indicatorId").asString() + " " + t.get("year").asLong() + " " + t.get("town").asString(null) + " " + t.get("text").asString()));
            if (!page.get("hasNext").asBoolean()) {
                break;
            }
            page = this.api.get("/api/targets?size=200&page=" + p);
        }
        Set<String> report = run("text-only-targets", Map.of()).stream()
                .map(r -> r.get("indicator") + " " + r.get("year") + " " + r.get("town") + " " + r.get("text")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(report).isEqualTo(api).isNotEmpty();
    }

    @Test
    void townBreakdownEqualsTheIndicatorsTowns() {
        for (String id : List.of("A3-02", "A3-10")) {
            JsonNode towns = api.get("/api/indicators/" + id).get("towns");
            Map<String, Object> api = new TreeMap<>();
            list(towns.get("towns")).forEach(t -> api.put(t.get("town").asString(), t.get("value").isNull() ? null : t.get("value").asDouble()));
            List<Map<String, Object>> rows = run("town-breakdown", Map.of("indicator", id));
            Map<String, Object> report = new TreeMap<>();
            rows.stream().filter(r -> r.get("kind").equals("镇（街道）")).forEach(r -> report.put((String) r.get("town"), r.get("value")));
            assertThat(report).as(id).isEqualTo(api).hasSize(8);
            assertThat(rows.stream().filter(r -> r.get("kind").equals("全市")).findFirst().orElseThrow().get("value"))
                    .isEqualTo(towns.get("cityTotal").asDouble());
            assertThat(rows.stream().filter(r -> r.get("kind").equals("各镇合计")).findFirst().orElseThrow().get("value"))
                    .isEqualTo(towns.get("townSum").asDouble());
        }
    }
}
