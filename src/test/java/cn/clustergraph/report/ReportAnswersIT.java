package cn.clustergraph.report;

import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static cn.clustergraph.report.Reports.column;
import static cn.clustergraph.report.Reports.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each bundled report against the programme loaded at startup, asserting what 平政发〔2023〕38号 actually says
 * (tasks.csv is the 附件2 table: the first department of a row leads).
 */
@GraphIntegrationTest
class ReportAnswersIT {

    /** Rows of tasks.csv whose first department is 市经信局. */
    static final List<Long> LED_BY_JXJ = List.of(5L, 7L, 8L, 12L, 13L, 17L, 18L, 20L, 22L, 23L, 24L, 25L, 38L, 39L, 40L, 42L, 43L, 45L, 47L);
    static final List<String> CHAINS_IN_ROW_42 = List.of("光电通信", "新能源汽车", "高档数控机床", "C3及关联产品", "生物医药", "航空航天",
            "功能性膜材料", "电子化学品");

    @Autowired
    ReportRunner runner;

    ReportResult run(String name, Map<String, ?> params) {
        return runner.run(name, params);
    }

    @Test
    void tasksByLeadDepartment() {
        ReportResult jxj = run("tasks-by-lead-department", Map.of());
        assertThat(column(jxj, "no")).isEqualTo(LED_BY_JXJ);
        assertThat(column(jxj, "department")).containsOnly("市经信局");
        assertThat(rows(jxj).get(LED_BY_JXJ.indexOf(42L))).containsEntry("coOwners", List.of("市发改局", "市科技局"))
                .containsEntry("measure", "21. 实施产业基础再造工程").containsEntry("clause", "附件2 第42行");
        // An alias resolves to the canonical department.
        assertThat(column(run("tasks-by-lead-department", Map.of("department", "经信局")), "no")).isEqualTo(LED_BY_JXJ);
        ReportResult hr = run("tasks-by-lead-department", Map.of("department", "市人社保局"));
        assertThat(rows(hr)).extracting(r -> r.get("department"), r -> r.get("no")).containsExactly(tuple("市人力社保局", 58L));
        // an unknown department is refused (as /api/departments/{name} answers 404), never read as "no tasks" (issue 14)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("tasks-by-lead-department", Map.of("department", "不存在的局")))
                .isInstanceOfSatisfying(cn.clustergraph.web.BadRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("department");
                    assertThat(e.kind()).isEqualTo(cn.clustergraph.web.ApiProblem.Kind.UNKNOWN_NAME);
                    assertThat(e.zh()).contains("不存在的局");
                });
    }

    @Test
    void departmentsByTaskCount() {
        List<Map<String, Object>> rows = rows(run("departments-by-task-count", Map.of()));
        assertThat(rows.getFirst()).containsEntry("department", "市经信局").containsEntry("led", 19L).containsEntry("coOwned", 18L)
                .containsEntry("total", 37L).containsEntry("ledTasks", LED_BY_JXJ);
        assertThat(rows.get(1)).containsEntry("department", "市发改局").containsEntry("led", 8L).containsEntry("total", 11L);
        assertThat(rows.get(2)).containsEntry("department", "市市场监管局").containsEntry("led", 9L).containsEntry("coOwned", 0L);
        assertThat(rows).extracting(r -> r.get("department")).doesNotContain("嘉兴市发改委"); // named in 附件3, responsible for nothing
        assertThat(rows(run("departments-by-task-count", Map.of("limit", 3)))).hasSize(3);
    }

    @Test
    void departmentResponsibilitySheet() {
        List<Map<String, Object>> jxj = rows(run("department-responsibility-sheet", Map.of("department", "市经济和信息化局")));
        assertThat(jxj).extracting(r -> r.get("department")).containsOnly("市经信局");
        assertThat(jxj.stream().filter(r -> r.get("part").equals("牵头任务")).map(r -> r.get("no")).toList()).isEqualTo(LED_BY_JXJ);
        assertThat(jxj.stream().filter(r -> r.get("part").equals("配合任务")).map(r -> r.get("no")).toList())
                .containsExactly(2L, 3L, 4L, 14L, 15L, 31L, 32L, 33L, 44L, 46L, 48L, 49L, 50L, 51L, 53L, 54L, 55L, 59L)
                .doesNotContain(60L, 61L, 62L); // 市工业强市领导小组办公室 is not merged into 市经信局
        assertThat(jxj).extracting(r -> r.get("part")).containsSubsequence("牵头任务", "配合任务", "牵头指标", "配合指标");
        Map<String, Object> a102 = jxj.stream().filter(r -> "A1-02".equals(r.get("ref"))).findFirst().orElseThrow();
        assertThat(a102).containsEntry("part", "牵头指标").containsEntry("targets", List.of("2023年：1250", "2025年：2050", "2027年：2800"));
        // Indicators in document order: main-text goals (二(一)2 before 二(五)19), then 附件1, then 附件3.
        List<Object> refs = jxj.stream().filter(r -> r.get("part").equals("牵头指标")).map(r -> r.get("ref")).toList();
        assertThat(refs).containsSubsequence("G-SMEPARK", "G-ENERGYSAVE", "A1-01", "A1-17", "A3-01", "A3-14");

        // Task 52's departments, in the order 附件2 lists them, from a co-owner's sheet.
        List<Map<String, Object>> pboc = rows(run("department-responsibility-sheet", Map.of("department", "人行平湖市支行")));
        assertThat(pboc).extracting(r -> r.get("part"), r -> r.get("ref")).containsExactly(tuple("配合任务", "任务52"), tuple("配合指标", "G-LOAN"));
        assertThat(pboc.getFirst().get("owners")).isEqualTo(List.of("市金融发展服务中心", "人行平湖市支行", "嘉兴银保监分局平湖监管组"));

        List<Map<String, Object>> office = rows(run("department-responsibility-sheet", Map.of("department", "工业强市办")));
        assertThat(office).extracting(r -> r.get("department"), r -> r.get("no"))
                .containsExactly(tuple("市工业强市领导小组办公室", 60L), tuple("市工业强市领导小组办公室", 61L), tuple("市工业强市领导小组办公室", 62L));
    }

    @Test
    void indicatorTargets() {
        List<Map<String, Object>> a1 = rows(run("indicator-targets", Map.of("origin", "附件1")));
        assertThat(a1.stream().filter(r -> r.get("indicator").equals("A1-02")).toList())
                .extracting(r -> r.get("year"), r -> r.get("value"), r -> r.get("lead"))
                .containsExactly(tuple(2023L, 1250.0, "市经信局"), tuple(2025L, 2050.0, "市经信局"), tuple(2027L, 2800.0, "市经信局"));
        assertThat(a1).hasSize(17 * 3);
        // The main text restates 2800 as 突破 2800 亿元 (>), kept as a non-primary statement.
        List<Map<String, Object>> all2027 = rows(run("indicator-targets", Map.of("year", 2027, "primaryOnly", false, "department", "经信局")));
        assertThat(all2027.stream().filter(r -> r.get("indicator").equals("A1-02")).toList())
                .extracting(r -> r.get("value"), r -> r.get("comparator"), r -> r.get("primary"))
                .containsExactly(tuple(2800.0, "=", true), tuple(2800.0, ">", false));
        assertThat(all2027).extracting(r -> r.get("lead")).containsOnly("市经信局");
    }

    @Test
    void townBreakdownWithCityTotalSumAndDifference() {
        List<Map<String, Object>> a310 = rows(run("town-breakdown", Map.of("indicator", "A3-10")));
        assertThat(a310).extracting(r -> r.get("town")).startsWith("当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇", "全市");
        assertThat(a310.subList(8, 11)).extracting(r -> r.get("kind"), r -> r.get("value"))
                .containsExactly(tuple("全市", 5.0), tuple("各镇合计", 12.0), tuple("差额", 7.0));
        List<Map<String, Object>> a302 = rows(run("town-breakdown", Map.of()));
        assertThat(a302.getFirst()).containsEntry("indicator", "A3-02").containsEntry("value", 0.8);
        assertThat(a302.subList(8, 11)).extracting(r -> r.get("kind"), r -> r.get("value"))
                .containsExactly(tuple("全市", 118.0), tuple("各镇合计", 118.0), tuple("差额", 0.0));
        // A rate is not summed.
        List<Map<String, Object>> a306 = rows(run("town-breakdown", Map.of("indicator", "规上制造业企业研发费用占营业收入的比重")));
        assertThat(a306.get(9)).containsEntry("kind", "各镇合计").containsEntry("value", null);
    }

    @Test
    void chainOverviewCountsTheSampleEnterprisesOfEverySegment() {
        ReportResult all = run("chain-overview", Map.of());
        assertThat(all.rowCount()).isEqualTo(102);
        assertThat(column(all, "chain").stream().distinct().toList()).isEqualTo(CHAINS_IN_ROW_42);
        List<Map<String, Object>> nev = rows(run("chain-overview", Map.of("chain", "新能源车")));
        assertThat(nev).hasSize(14).allSatisfy(r -> assertThat(r).containsEntry("chain", "新能源汽车").containsEntry("cluster", "高端装备"));
        assertThat(nev).extracting(r -> r.get("stage")).containsSubsequence("上游", "中游", "下游");
        assertThat(nev.getFirst()).containsEntry("segmentId", "NEV-U01").containsEntry("segment", "锂钴镍资源")
                .containsEntry("localEnterprises", 0L);
        // import/sample/enterprises.csv: local enterprises per 光电通信 segment
        Map<Object, Object> opt = rows(run("chain-overview", Map.of("chain", "光电通信"))).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.get("segmentId"), r -> r.get("localEnterprises")));
        assertThat(opt).containsEntry("OPT-U01", 1L).containsEntry("OPT-U06", 0L).containsEntry("OPT-M01", 8L)
                .containsEntry("OPT-M04", 8L).containsEntry("OPT-D02", 3L);
        // output is added up by the share split (IN_SEGMENT.share), as in the chain view: 电芯片 50902.75 万元, not 75072.6
        Map<Object, Object> optOutput = rows(run("chain-overview", Map.of("chain", "Optoelectronics & optical communication"))).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.get("segmentId"), r -> r.get("output") == null ? 0.0 : r.get("output")));
        assertThat((Double) optOutput.get("OPT-U02")).isCloseTo(50902.75, within(0.001));
    }

    @Test
    void chainGapsListTheSegmentsTheGapRuleCallsMissingOrWeak() {
        // the sample leaves exactly one segment per chain without a local enterprise: 缺链
        List<Map<String, Object>> all = rows(run("chain-gaps", Map.of()));
        List<Map<String, Object>> missing = all.stream().filter(r -> "缺链".equals(r.get("gap"))).toList();
        assertThat(missing).extracting(r -> r.get("segmentId"))
                .containsExactlyInAnyOrder("OPT-U06", "NEV-U01", "CNC-U01", "C3C-D06", "BIO-U05", "AER-D01", "MEM-U01", "ECH-U02");
        assertThat(missing).allSatisfy(r -> assertThat(r).containsEntry("localEnterprises", 0L).containsEntry("reason", "本地无企业 No local enterprise"));
        assertThat(all).extracting(r -> r.get("gap")).containsOnly("缺链", "弱链");
        // 新能源汽车: 1 缺链 and 3 弱链, as GET /api/chains/新能源汽车/gaps says; the English name resolves
        List<Map<String, Object>> nev = rows(run("chain-gaps", Map.of("chain", "new energy vehicles")));
        assertThat(nev).extracting(r -> r.get("gap")).containsExactly("缺链", "弱链", "弱链", "弱链");
        assertThat(nev).allSatisfy(r -> assertThat(r).containsEntry("chain", "新能源汽车"));
        assertThat(nev.get(1).get("reason").toString()).contains("Below thresholds");
        List<Map<String, Object>> cnc = rows(run("chain-gaps", Map.of("chain", "工业母机")));
        assertThat(cnc.getFirst()).containsEntry("segmentId", "CNC-U01").containsEntry("gap", "缺链");
    }

    @Test
    void enterprisesFeedingATargetFollowTheCountingRules() {
        // A1-02: every local 规上 enterprise on a chain, its latest output counted once (import/sample: 328, 2261.078559 亿元)
        ReportResult output = run("enterprises-feeding-target", Map.of());
        assertThat(output.rowCount()).isEqualTo(328);
        assertThat(column(output, "contribution").stream().mapToDouble(v -> ((Number) v).doubleValue()).sum())
                .isCloseTo(22610785.9, within(0.01));
        assertThat(column(output, "sample")).containsOnly(true);
        // 专精特新“小巨人”: the nine local holders, one each
        List<Map<String, Object>> giants = rows(run("enterprises-feeding-target", Map.of("indicator", "G-LITTLEGIANT")));
        assertThat(giants).hasSize(9).allSatisfy(r -> assertThat(r).containsEntry("via", "荣誉").containsEntry("contribution", 1.0));
        assertThat(giants).extracting(r -> r.get("enterprise")).contains("平湖飞泰电驱有限公司", "平湖顺升石化有限公司");
    }

    @Test
    void enterprisesWithAnHonourByChainAndTown() {
        List<Map<String, Object>> giants = rows(run("enterprises-with-honour", Map.of("honour", "专精特新“小巨人”")));
        assertThat(giants.stream().mapToLong(r -> (Long) r.get("enterprises")).sum()).isEqualTo(9);
        assertThat(rows(run("enterprises-with-honour", Map.of("honour", "专精特新“小巨人”", "chain", "新能源汽车", "town", "当湖街道"))))
                .singleElement().satisfies(r -> assertThat((List<Object>) r.get("names"))
                        .containsExactly("平湖源德新能源科技有限公司", "平湖飞泰电驱有限公司"));
        assertThat(run("enterprises-with-honour", Map.of("honour", "专精特新“小巨人”", "chain", "光电通信", "town", "经开区")).rows()).isEmpty();
    }

    @Test
    void tasksMentioningChainsPlatformsAndInstitutes() {
        List<Map<String, Object>> chains = rows(run("tasks-mentioning", Map.of("kind", "Chain")));
        assertThat(chains).extracting(r -> r.get("no")).containsOnly(42L);
        assertThat(chains).extracting(r -> r.get("name")).isEqualTo(CHAINS_IN_ROW_42);
        assertThat(rows(run("tasks-mentioning", Map.of("thing", "光电通信")))).extracting(r -> r.get("no")).containsExactly(42L);
        assertThat(rows(run("tasks-mentioning", Map.of("thing", "上海交通大学智能光电研究院"))))
                .extracting(r -> r.get("kind"), r -> r.get("no"), r -> r.get("lead")).containsExactly(tuple("Institute", 44L, "市科技局"));
        assertThat(rows(run("tasks-mentioning", Map.of("thing", "P-PHETDZ")))).extracting(r -> r.get("no")).containsExactly(4L);
        assertThat(run("tasks-mentioning", Map.of()).rowCount()).isEqualTo(70); // every row of mentions.csv
    }

    @Test
    void contradictionsOfTheDocument() {
        List<Map<String, Object>> rows = rows(run("contradictions", Map.of()));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("kind", "目标表述不一致")
                .containsEntry("statementA", "完成低效工业用地改造开发 5000 亩以上").containsEntry("statementB", "完成低效工业用地改造开发 2000 亩以上")
                .containsEntry("clauseA", "正文 二(一)1").containsEntry("clauseB", "附件2 第1行").containsEntry("note", "数值不同：5000 / 2000"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("subject", "G-BIG100 百亿级企业 2027年")
                .containsEntry("statementB", "百亿企业 8 家"));
        assertThat(rows.stream().filter(r -> r.get("kind").equals("镇街合计与全市不符")).toList())
                .extracting(r -> r.get("subject"), r -> r.get("statementA"), r -> r.get("statementB"))
                .containsExactly(tuple("A3-10 “浙江制造”标准（项）", "全市 5", "各镇（街道）合计 12"),
                        tuple("A3-11 “品字标浙江制造”认证企业（家）", "全市 7", "各镇（街道）合计 12"));
        assertThat(rows.stream().filter(r -> r.get("kind").equals("标题不一致")).toList())
                .extracting(r -> r.get("statementA"), r -> r.get("statementB"))
                .contains(tuple("狠抓招大育强", "强化招大育强"), tuple("着力空间腾挪，优化制造业发展布局", "着力空间腾换, 优化制造业发展布局"),
                        tuple("保障措施", "(七) 保障措施"));
        assertThat(rows.stream().filter(r -> r.get("kind").equals("任务位置与措施不符")).toList())
                .extracting(r -> r.get("clauseB")).containsExactly("附件2 第26行", "附件2 第31行");
        assertThat(rows.stream().filter(r -> r.get("kind").equals("附件2与正文文字不同")).toList())
                .extracting(r -> r.get("clauseB"), r -> r.get("statementB"))
                .containsExactly(tuple("附件2 第1行", "完成低效工业用地改造开发2000亩以上"),
                        tuple("附件2 第30行", "推进30家规上企业导入卓越绩效管理先进质量管理方法"),
                        tuple("附件2 第60行", "确保目标任务落实落细"));
        assertThat(rows.stream().filter(r -> r.get("kind").equals("部门可能为同一机构")).toList())
                .extracting(r -> r.get("statementA"), r -> r.get("statementB"))
                .containsExactly(tuple("市工业强市领导小组办公室", "市经信局"), tuple("市金融办", "市金融发展服务中心"));
        // Ranges (遴选1-2个) are two bounds of one statement, not a contradiction.
        assertThat(rows).noneSatisfy(r -> assertThat((String) r.get("subject")).startsWith("G-QINDUSTRY"));
        assertThat(rows(run("contradictions", Map.of("kind", "镇街合计与全市不符")))).hasSize(2);
    }

    @Test
    void taskProvenance() {
        Map<String, Object> t52 = rows(run("task-provenance", Map.of())).getFirst();
        assertThat(t52).containsEntry("no", 52L)
                .containsEntry("departments", List.of("市金融发展服务中心", "人行平湖市支行", "嘉兴银保监分局平湖监管组"))
                .containsEntry("departmentsRaw", "市金融发展服务中心、 人行平湖市支行、 嘉兴银保监分局 平湖监管组")
                .containsEntry("section", "三 保障措施").containsEntry("measure", "(三) 创新金融服务")
                .containsEntry("clause", "附件2 第52行").containsEntry("measureClause", "正文 三(三)");
        assertThat((String) t52.get("measureText")).startsWith("（三）创新金融服务。");
        Map<String, Object> t26 = rows(run("task-provenance", Map.of("no", 26))).getFirst();
        assertThat(t26).containsEntry("measure", "12. 推动企业国际化发展").containsEntry("annexMeasureCell", null);
        assertThat(rows(run("task-provenance", Map.of("no", 44))).getFirst().get("mentions"))
                .isEqualTo(List.of("上海交大智能光电研究院", "中标院长三角分院", "浙工大新材料研究院"));
    }

    @Test
    void tasksPerSectionAndMeasure() {
        List<Map<String, Object>> rows = rows(run("tasks-by-measure", Map.of()));
        assertThat(rows).hasSize(30);
        assertThat(rows.stream().mapToLong(r -> (Long) r.get("tasks")).sum()).isEqualTo(62);
        assertThat(rows.getFirst()).containsEntry("measureId", "M01").containsEntry("taskNos", List.of(1L, 2L, 3L));
        assertThat(rows.get(3)).containsEntry("measure", "狠抓招大育强").containsEntry("annexTitles", List.of("强化招大育强"));
        assertThat(rows.getLast()).containsEntry("measureId", "G7").containsEntry("taskNos", List.of(60L, 61L, 62L));
        assertThat(rows.get(11)).containsEntry("measureId", "M12").containsEntry("taskNos", List.of(26L, 27L, 28L));
        assertThat(run("tasks-by-measure", Map.of("section", "S3")).rowCount()).isEqualTo(7);
        assertThat(rows(run("tasks-by-measure", Map.of("section", "(一)")))).extracting(r -> r.get("measureId"))
                .containsExactly("M01", "M02", "M03");
    }

    @Test
    void targetsWithTextOnlyValues() {
        List<Map<String, Object>> rows = rows(run("text-only-targets", Map.of()));
        assertThat(rows).extracting(r -> r.get("indicator"), r -> r.get("year"), r -> r.get("town"))
                .containsExactly(tuple("A1-16", 2023L, null), tuple("A1-16", 2025L, null), tuple("A1-16", 2027L, null),
                        tuple("A1-17", 2023L, null), tuple("A1-17", 2025L, null), tuple("A1-17", 2027L, null),
                        tuple("A3-09", 2023L, "当湖街道"), tuple("A3-15", 2023L, null),
                        tuple("G-QAWARD", 2027L, null), tuple("G-QAWARD", 2027L, null));
        assertThat(rows.get(6)).containsEntry("text", "-");
        assertThat(rows.get(7)).containsEntry("text", "待嘉兴市发改委确定后另行下达").containsEntry("lead", "市发改局");
        assertThat(run("text-only-targets", Map.of("primaryOnly", true)).rowCount()).isEqualTo(9);
    }

    @Test
    void chainMechanismTenOnes() {
        ReportResult all = run("chain-mechanism", Map.of());
        assertThat(all.rowCount()).isEqualTo(80);
        assertThat(column(all, "item").subList(0, 10)).containsExactly("链长", "工作小组", "链主企业", "产业联盟", "产业发展规划", "产业基金",
                "产业链鱼骨图", "重点企业清单", "重点招商对象清单", "工作制度");
        assertThat(rows(run("chain-mechanism", Map.of("status", "已知"))))
                .extracting(r -> r.get("chain"), r -> r.get("item"), r -> r.get("value"))
                .containsExactly(tuple("光电通信", "产业联盟", "光电产业联盟"));
    }
}
