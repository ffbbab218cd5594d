package cn.clustergraph.programme;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static cn.clustergraph.Api.seg;
import static org.assertj.core.api.Assertions.assertThat;

/** The document's answers through the API: departments, tasks, indicators, towns, as printed in 平政发〔2023〕38号. */
@GraphIntegrationTest
class ProgrammeApiIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    static List<Long> numbers(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asLong()).toList();
    }

    @Test
    void departmentsListCountsTasksLedAndCoOwned() {
        var r = api.get("/api/departments");
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.json().get(0);
        // 市经信局 is listed first in 19 of the 62 rows of 附件2 and after the first in 18.
        assertThat(first.get("name").asString()).isEqualTo("市经信局");
        assertThat(first.get("leads").asLong()).isEqualTo(19);
        assertThat(first.get("coOwns").asLong()).isEqualTo(18);
        assertThat(texts(r.json(), "name")).contains("市市场监管局", "人行平湖市支行", "市金融办", "市金融发展服务中心", "团市委");
        JsonNode market = StreamSupport.stream(r.json().spliterator(), false)
                .filter(n -> n.get("name").asString().equals("市市场监管局")).findFirst().orElseThrow();
        assertThat(market.get("leads").asLong()).isEqualTo(9);
    }

    @Test
    void departmentSheetResolvesAliasesAndListsTasksInDocumentOrder() {
        var r = api.get("/api/departments/" + seg("经信局"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo("市经信局");
        assertThat(numbers(r.json().get("leads"), "no"))
                .containsExactly(5L, 7L, 8L, 12L, 13L, 17L, 18L, 20L, 22L, 23L, 24L, 25L, 38L, 39L, 40L, 42L, 43L, 45L, 47L);
        assertThat(numbers(r.json().get("coOwns"), "no")).contains(2L, 3L, 4L, 44L, 59L).hasSize(18);
        assertThat(r.json().get("leads").get(0).get("measure").asString()).isEqualTo("建设高能级产业平台");
        // Indicators: A1-02 四群八链 output, with its 2023/2025/2027 targets.
        JsonNode a102 = StreamSupport.stream(r.json().get("indicators").spliterator(), false)
                .filter(n -> n.get("id").asString().equals("A1-02")).findFirst().orElseThrow();
        assertThat(a102.get("lead").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(a102.get("targets").spliterator(), false).filter(t -> t.get("primary").asBoolean())
                .map(t -> t.get("value").asDouble()).toList()).containsExactly(1250.0, 2050.0, 2800.0);
        // A line-break variant and a short/long variant of one body resolve to the canonical name.
        assertThat(api.get("/api/departments/" + seg("嘉兴银保监分局 平湖监管组")).json().get("name").asString()).isEqualTo("嘉兴银保监分局平湖监管组");
        var hr = api.get("/api/departments/" + seg("市人社保局"));
        assertThat(hr.json().get("name").asString()).isEqualTo("市人力社保局");
        assertThat(numbers(hr.json().get("coOwns"), "no")).containsExactly(23L, 59L);
        assertThat(numbers(hr.json().get("leads"), "no")).containsExactly(58L);
        // A doubt is shown, not merged.
        var fin = api.get("/api/departments/" + seg("市金融办")).json();
        assertThat(numbers(fin.get("coOwns"), "no")).containsExactly(44L);
        assertThat(texts(fin.get("doubts"), "other")).containsExactly("市金融发展服务中心");
    }

    @Test
    void unknownDepartmentIs404ProblemJson() {
        var r = api.get("/api/departments/" + seg("市不存在局"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("市不存在局");
    }

    @Test
    void taskDetailHasLeadCoOwnersInOrderMentionsAndClauses() {
        var t = api.get("/api/tasks/52").json();
        assertThat(t.get("lead").asString()).isEqualTo("市金融发展服务中心");
        assertThat(t.get("coOwners").get(0).asString()).isEqualTo("人行平湖市支行");
        assertThat(t.get("coOwners").get(1).asString()).isEqualTo("嘉兴银保监分局平湖监管组");
        assertThat(t.get("measure").get("title").asString()).isEqualTo("创新金融服务");
        assertThat(t.get("section").get("id").asString()).isEqualTo("S3");
        assertThat(t.get("content").asString()).contains("力争每年新增制造业中长期贷款 20 亿元以上");
        assertThat(texts(t.get("sources"), "id")).contains("A2-R52", "MAIN-3.3");
        // Merged cells resolved against the main text: row 26 belongs to measure 12, row 31 to measure 14.
        assertThat(api.get("/api/tasks/26").json().get("measure").get("title").asString()).isEqualTo("推动企业国际化发展");
        assertThat(api.get("/api/tasks/31").json().get("measure").get("title").asString()).isEqualTo("加强企业品牌建设");
        // Task 42 mentions all eight chains.
        var t42 = api.get("/api/tasks/42").json();
        assertThat(StreamSupport.stream(t42.get("concerns").spliterator(), false).filter(c -> c.get("kind").asString().equals("Chain"))
                .map(c -> c.get("name").asString()).toList())
                .containsExactlyInAnyOrder("光电通信", "新能源汽车", "高档数控机床", "C3及关联产品", "生物医药", "航空航天", "功能性膜材料", "电子化学品");
        assertThat(t42.get("lead").asString()).isEqualTo("市经信局");
    }

    @Test
    void taskErrorsAre404And400() {
        assertThat(api.get("/api/tasks/63").status()).isEqualTo(404);
        var bad = api.get("/api/tasks/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("no");
        assertThat(api.get("/api/tasks?department=" + seg("没有这个部门")).status()).isEqualTo(400);
    }

    @Test
    void tasksFilterByDepartmentAlias() {
        var r = api.get("/api/tasks?department=" + seg("市场监管局")).json();
        assertThat(numbers(r, "no")).containsExactly(29L, 30L, 31L, 32L, 33L, 34L, 35L, 36L, 37L);
        assertThat(api.get("/api/programme").json().get("docNo").asString()).isEqualTo("平政发〔2023〕38号");
    }

    @Test
    void indicatorTargetsKeepValuesQualifiersAndTextOnlyTargets() {
        var a101 = api.get("/api/indicators/A1-01").json();
        assertThat(a101.get("unit").asString()).isEqualTo("%");
        JsonNode t2023 = a101.get("targets").get(0);
        assertThat(t2023.get("value").asDouble()).isEqualTo(50.0);
        assertThat(t2023.get("comparator").asString()).isEqualTo(">=");
        assertThat(t2023.get("qualifier").asString()).isEqualTo("以上");
        assertThat(t2023.get("text").asString()).isEqualTo("50%以上");
        var a116 = api.get("/api/indicators/A1-16").json();
        assertThat(a116.get("departments").get(0).get("name").asString()).isEqualTo("市发改局");
        assertThat(a116.get("targets")).allSatisfy(t -> {
            assertThat(t.get("value").isNull()).isTrue();
            assertThat(t.get("text").asString()).isEqualTo("完成嘉兴下达任务");
        });
        var list = api.get("/api/indicators?q=" + seg("亩均")).json();
        assertThat(texts(list, "id")).containsExactlyInAnyOrder("A1-05", "A1-06", "A3-03", "A3-04");
        assertThat(api.get("/api/indicators?origin=" + seg("附件1")).json().size()).isEqualTo(17);
        assertThat(api.get("/api/indicators?origin=" + seg("附件3")).json().size()).isEqualTo(15);
    }

    @Test
    void townBreakdownShowsCityTotalAndSum() {
        var invest = api.get("/api/indicators/A3-02").json().get("towns");
        assertThat(invest.get("towns")).hasSize(8);
        assertThat(invest.get("cityTotal").asDouble()).isEqualTo(118.0);
        assertThat(invest.get("townSum").asDouble()).isEqualTo(118.0);
        assertThat(invest.get("sumMatchesTotal").asBoolean()).isTrue();
        var standards = api.get("/api/indicators/A3-10").json().get("towns");
        assertThat(standards.get("townSum").asDouble()).isEqualTo(12.0);
        assertThat(standards.get("cityTotal").asDouble()).isEqualTo(5.0);
        assertThat(standards.get("sumMatchesTotal").asBoolean()).isFalse();
        // "-" is not a number.
        var digital = api.get("/api/indicators/A3-09").json().get("towns").get("towns").get(0);
        assertThat(digital.get("town").asString()).isEqualTo("当湖街道");
        assertThat(digital.get("value").isNull()).isTrue();
        assertThat(digital.get("text").asString()).isEqualTo("-");
    }

    @Test
    void townsAndTheirTargets() {
        var towns = api.get("/api/towns").json();
        assertThat(texts(towns, "name")).containsExactly("当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇");
        var zone = api.get("/api/towns/" + seg("平湖经济技术开发区")).json();
        assertThat(zone.get("name").asString()).isEqualTo("经开区");
        JsonNode invest = StreamSupport.stream(zone.get("targets").spliterator(), false)
                .filter(t -> t.get("indicatorId").asString().equals("A3-02")).findFirst().orElseThrow();
        assertThat(invest.get("value").asDouble()).isEqualTo(41.0);
        assertThat(invest.get("department").asString()).isEqualTo("市经信局");
        assertThat(zone.get("targets")).hasSize(14);
        assertThat(api.get("/api/towns/" + seg("火星镇")).status()).isEqualTo(404);
    }

    @Test
    void consistencyReportFindsTheDocumentsContradictions() {
        var r = api.get("/api/consistency").json();
        List<String> kindsAndSubjects = new ArrayList<>();
        r.get("findings").forEach(f -> kindsAndSubjects.add(f.get("kind").asString() + " " + f.get("subject").asString()));
        assertThat(kindsAndSubjects).anyMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-10"))
                .anyMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-11"))
                .noneMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-02"))
                .noneMatch(s -> s.startsWith("TOWN_SUM_MISMATCH A3-08"))
                .anyMatch(s -> s.startsWith("TARGET_VALUE_CONFLICT G-LAND "))
                .anyMatch(s -> s.startsWith("TARGET_QUALIFIER_CONFLICT G-BIG100"))
                .anyMatch(s -> s.startsWith("SECTION_TITLE_VARIANT S2.1"))
                .anyMatch(s -> s.startsWith("MEASURE_TITLE_VARIANT M04"))
                .anyMatch(s -> s.equals("DEPARTMENT_NAME_VARIANT 市人力社保局"))
                .anyMatch(s -> s.equals("DEPARTMENT_NAME_VARIANT 嘉兴银保监分局平湖监管组"))
                .anyMatch(s -> s.startsWith("DEPARTMENT_DOUBT 市金融办"));
        JsonNode land = StreamSupport.stream(r.get("findings").spliterator(), false)
                .filter(f -> f.get("subject").asString().startsWith("G-LAND ")).findFirst().orElseThrow();
        assertThat(texts(land.get("clauses"), "id")).contains("MAIN-2.1.1", "A2-R01");
        assertThat(land.get("detail").asString()).contains("5000").contains("2000");
    }
}
