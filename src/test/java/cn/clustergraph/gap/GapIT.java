package cn.clustergraph.gap;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.rollup.RollupService;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.neo4j.ReadQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gap analysis on a small chain with known gaps (fixture data in its own dataset, removed afterwards): exact statuses,
 * reasons, the rules that fired with their enterprises, and the ranked candidates.
 */
@GraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapIT {

    @Autowired
    cn.clustergraph.notice.DataNotices notices;
    @Autowired
    Neo4jClient client;
    @Autowired
    RollupService rollups;
    @Autowired
    GapService gaps;
    @Autowired
    GapRule rule;
    @Autowired
    ReadQueries reads;
    @Autowired
    ChainNames chains;
    @LocalServerPort
    int port;

    @BeforeAll
    void fixture() {
        client.query("""
                CREATE (c:Chain {name: '测试链', aliases: ['TEST'], dataset: 'gap-test'})
                CREATE (u1:Segment {id: 'T-U1', chain: '测试链', name: '测试上游甲', stage: '上游', order: 1, dataset: 'gap-test'})-[:PART_OF]->(c)
                CREATE (u2:Segment {id: 'T-U2', chain: '测试链', name: '测试上游乙', stage: '上游', order: 2, dataset: 'gap-test'})-[:PART_OF]->(c)
                CREATE (m1:Segment {id: 'T-M1', chain: '测试链', name: '测试中游', stage: '中游', order: 1, dataset: 'gap-test'})-[:PART_OF]->(c)
                CREATE (d1:Segment {id: 'T-D1', chain: '测试链', name: '测试下游', stage: '下游', order: 1, dataset: 'gap-test'})-[:PART_OF]->(c)
                CREATE (u1)-[:SUPPLIES {dataset: 'gap-test'}]->(m1), (u2)-[:SUPPLIES {dataset: 'gap-test'}]->(m1), (m1)-[:SUPPLIES {dataset: 'gap-test'}]->(d1)
                WITH u1, u2, m1, d1
                UNWIND range(1, 5) AS i
                CREATE (:Enterprise {id: 'TM' + i, name: '测试中游企业' + i, local: true, scale: true, output: 50000.0, honourNames: [], dataset: 'gap-test'})-[:IN_SEGMENT {primary: true, share: 1.0}]->(m1)
                WITH DISTINCT u1, u2, m1, d1
                UNWIND range(1, 6) AS i
                CREATE (:Enterprise {id: 'TD' + i, name: '测试下游企业' + i, local: true, scale: true, output: 100000.0 * i, honourNames: [], dataset: 'gap-test'})-[:IN_SEGMENT {primary: true, share: 1.0}]->(d1)
                WITH DISTINCT u1, u2, m1, d1
                CREATE (:Enterprise {id: 'TU2', name: '测试上游小企业', local: true, scale: false, output: 1000.0, honourNames: [], dataset: 'gap-test'})-[:IN_SEGMENT {primary: true, share: 1.0}]->(u2)
                CREATE (x1:Enterprise {id: 'TX1', name: '外地冠军', local: false, region: '上海市', output: 500000.0, honourNames: ['单项冠军'], dataset: 'gap-test'})-[:IN_SEGMENT {primary: true, share: 1.0}]->(u1)
                CREATE (x2:Enterprise {id: 'TX2', name: '外地小厂', local: false, region: '嘉兴市', output: 10000.0, honourNames: [], dataset: 'gap-test'})-[:IN_SEGMENT {primary: true, share: 1.0}]->(u1)
                CREATE (x3:Enterprise {id: 'TX3', name: '外地配套商', local: false, region: '苏州市', output: 0.0, honourNames: [], dataset: 'gap-test'})-[:IN_SEGMENT {primary: false, share: 1.0}]->(u2)
                WITH x1, x3
                MATCH (tm1:Enterprise {id: 'TM1'}), (tm2:Enterprise {id: 'TM2'}), (td3:Enterprise {id: 'TD3'})
                CREATE (x1)-[:SUPPLIES {dataset: 'gap-test'}]->(tm1), (x3)-[:SUPPLIES {dataset: 'gap-test'}]->(tm1), (x3)-[:SUPPLIES {dataset: 'gap-test'}]->(tm2)
                """).run();
        client.query("MATCH (e:Enterprise {dataset: 'gap-test'}) SET e.outputRank = e.output, e.chainLeader = false").run();
        rollups.refresh();
    }

    @AfterAll
    void cleanUp() {
        client.query("MATCH (n) WHERE n.dataset = 'gap-test' DETACH DELETE n").run();
        client.query("MATCH (r:StageRollup {chain: '测试链'}) DETACH DELETE r").run();
    }

    GapViews.SegmentGap segment(GapViews.ChainGaps g, String id) {
        return g.segments().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void statusesReasonsAndRulesThatFired() {
        var g = gaps.chainGaps("TEST");
        assertThat(g.chain()).isEqualTo("测试链");
        assertThat(g.segments()).extracting(GapViews.SegmentGap::id).containsExactly("T-U1", "T-U2", "T-D1", "T-M1");
        var u1 = segment(g, "T-U1");
        assertThat(u1.status()).isEqualTo("缺链");
        assertThat(u1.reason()).contains("本地无企业");
        assertThat(u1.signals()).extracting(GapViews.Signal::rule).containsExactly("BULIAN_STRONG_DOWNSTREAM", "BULIAN_EXTERNAL_SUPPLY");
        assertThat(u1.signals().get(0).segments()).containsExactly("测试链·测试中游");
        assertThat(u1.signals().get(0).enterprises()).containsExactly("测试中游企业1", "测试中游企业2", "测试中游企业3");
        assertThat(u1.signals().get(1).enterprises()).containsExactly("外地冠军 → 测试中游企业1");
        var u2 = segment(g, "T-U2");
        assertThat(u2.status()).isEqualTo("弱链");
        assertThat(u2.reason()).contains("本地企业 1 家，少于 3 家").contains("规上企业 0 家，少于 1 家").contains("本地产值 1000 万元，低于 5.00 亿元");
        assertThat(u2.signals()).extracting(GapViews.Signal::rule).containsExactly("BULIAN_STRONG_DOWNSTREAM", "BULIAN_EXTERNAL_SUPPLY");
        var m1 = segment(g, "T-M1");
        assertThat(m1.status()).isEqualTo("有链");
        assertThat(m1.localCount()).isEqualTo(5);
        assertThat(m1.localOutput()).isEqualTo(250000.0);
        assertThat(m1.signals()).isEmpty();
        var d1 = segment(g, "T-D1");
        assertThat(d1.status()).isEqualTo("有链");
        assertThat(d1.signals()).extracting(GapViews.Signal::rule).containsExactly("YANLIAN_NO_LOCAL_DOWNSTREAM");
        assertThat(d1.signals().getFirst().enterprises()).containsExactly("测试下游企业6", "测试下游企业5", "测试下游企业4");
        assertThat(g.missing()).isEqualTo(1);
        assertThat(g.weak()).isEqualTo(1);
    }

    @Test
    void rankedCandidatesWithReasons() {
        var t = gaps.investmentTargets("测试链", null);
        assertThat(t.candidates()).extracting(GapViews.Candidate::enterpriseId).containsExactly("TX1", "TX3", "TX2");
        var first = t.candidates().getFirst();
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.segment()).isEqualTo("测试上游甲");
        assertThat(first.score()).isCloseTo(5 + 2 + Math.log10(500001) + 3, within(0.001));
        assertThat(first.reasons()).containsExactly("已向本地企业供货 1 条（测试中游企业1）", "荣誉：单项冠军", "产值 50.00 亿元", "主营环节：测试上游甲（缺链）");
        var second = t.candidates().get(1);
        assertThat(second.score()).isCloseTo(11.5, within(0.001));
        assertThat(second.primarySegment()).isFalse();
        assertThat(second.localCustomers()).containsExactlyInAnyOrder("测试中游企业1", "测试中游企业2");
        assertThat(gaps.investmentTargets("测试链", "测试上游乙").candidates()).extracting(GapViews.Candidate::enterpriseId).containsExactly("TX3");
    }

    @Test
    void matrixCellsCarryTheSameStatuses() {
        var row = gaps.matrix().rows().stream().filter(r -> r.chain().equals("测试链")).findFirst().orElseThrow();
        assertThat(row.cells()).extracting(GapViews.MatrixCell::status).containsExactly("缺链", "有链", "有链", null);
        assertThat(row.cells().getFirst().missing()).isEqualTo(1);
        assertThat(row.cells().getFirst().weak()).isEqualTo(1);
        assertThat(row.cells().get(2).localCount()).isEqualTo(6);
        assertThat(row.cells().get(2).localOutput()).isEqualTo(2100000.0);
    }

    @Test
    void thresholdsAreSettingsThatChangeTheAnswer() {
        // the status is stored on each segment with the thresholds it was computed with; other thresholds, another answer
        assertThat(client.query("MATCH (s:Segment {id: 'T-U2'}) RETURN s.gapRule").fetchAs(String.class).one().orElseThrow())
                .contains("本地企业 < 3").contains("规上 < 1").contains("5.00 亿元");
        var lenientProps = new GapProperties(1, 0, 0, 5, 200000, 5, 2, 1, 3, 20);
        var lenientRule = new GapRule(lenientProps, client);
        try {
            lenientRule.store();
            var u2 = segment(new GapService(reads, lenientProps, lenientRule, chains, notices).chainGaps("测试链"), "T-U2");
            assertThat(u2.status()).isEqualTo("有链");
            assertThat(u2.signals()).isEmpty();
            assertThat(client.query("MATCH (s:Segment {id: 'T-U2'}) RETURN s.gapRule").fetchAs(String.class).one().orElseThrow())
                    .contains("本地企业 < 1");
            assertThat(client.query("MATCH (c:Chain {name: '测试链'}) RETURN c.gapWeak").fetchAs(Long.class).one().orElseThrow()).isZero();
        } finally {
            rule.store();
        }
        assertThat(client.query("MATCH (c:Chain {name: '测试链'}) RETURN c.gapWeak").fetchAs(Long.class).one().orElseThrow()).isEqualTo(1);
        var supplyHeavyProps = new GapProperties(3, 1, 50000, 5, 200000, 20, 2, 1, 3, 20);
        var supplyHeavy = new GapService(reads, supplyHeavyProps, new GapRule(supplyHeavyProps, client), chains, notices);
        assertThat(supplyHeavy.investmentTargets("测试链", null).candidates()).extracting(GapViews.Candidate::enterpriseId)
                .containsExactly("TX3", "TX1", "TX2");
    }

    void assertRollupsEqualLive(String when) {
        var stored = rollups.stored();
        assertThat(stored.keySet()).as(when).filteredOn(k -> k.startsWith("Segment:")).hasSizeGreaterThan(100);
        assertThat(stored.get("Chain:测试链")).as(when).containsKeys("rollupLocal", "rollupRankMarkIds", "rollupHonourNames");
        assertThat(rollups.differences()).as(when + ": every stored rollup equals the live aggregation").isEmpty();
    }

    @Test
    void rollupsEqualTheLiveAggregationAfterLoadsAndPartialUpdates() {
        assertRollupsEqualLive("after load");
        // a partial update: one enterprise leaves the city, another gains an honour and a supply link
        client.query("MATCH (e:Enterprise {id: 'TD6'}) SET e.local = false").run();
        client.query("MATCH (e:Enterprise {id: 'TM3'}), (y:Enterprise {id: 'TD1'}) CREATE (e)-[:SUPPLIES {dataset: 'gap-test'}]->(y)").run();
        try {
            rollups.refresh();
            assertRollupsEqualLive("after partial update");
            assertThat(rollups.stored().get("Segment:T-D1")).containsEntry("rollupLocal", 5L).containsEntry("rollupCandidates", 1L);
            assertThat(rollups.stored().get("Segment:T-M1")).containsEntry("rollupLocalSupplyLinks", 1L);
        } finally {
            client.query("MATCH (e:Enterprise {id: 'TD6'}) SET e.local = true").run();
            client.query("MATCH (:Enterprise {id: 'TM3'})-[r:SUPPLIES]->(:Enterprise {id: 'TD1'}) DELETE r").run();
            rollups.refresh();
        }
        assertRollupsEqualLive("after reverting");
    }

    @Test
    void investmentTargetsExportAsCsvWithBomAndAsARealWorkbook() throws Exception {
        Api api = new Api(port);
        var csv = api.bytes("/api/chains/" + Api.seg("测试链") + "/investment-targets?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).get().asString().contains("filename*=UTF-8''");
        byte[] body = csv.body();
        assertThat(body[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).startsWith("排名,环节,环节状态,企业名称,统一社会信用代码");
        assertThat(lines.get(1)).startsWith("1,测试上游甲,缺链,外地冠军,TX1,上海市,");
        assertThat(lines).hasSize(4);

        var xlsx = api.bytes("/api/chains/" + Api.seg("测试链") + "/investment-targets?format=xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheet("测试链");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("企业名称");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("外地冠军");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("外地配套商");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("外地小厂");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getColumnWidth(13)).isGreaterThan(sheet.getColumnWidth(0));
        }
        var all = api.bytes("/api/investment-targets?format=xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(all.body()))) {
            List<String> names = new java.util.ArrayList<>();
            wb.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
            assertThat(names).contains("测试链", "光电通信", "新能源汽车", "高档数控机床", "C3及关联产品", "生物医药", "航空航天", "功能性膜材料", "电子化学品", "说明");
        }
        assertThat(api.get("/api/chains/" + Api.seg("测试链") + "/investment-targets?format=pdf").status()).isEqualTo(400);
        assertThat(api.get("/api/chains/" + Api.seg("无此链") + "/gaps").status()).isEqualTo(404);
    }
}
