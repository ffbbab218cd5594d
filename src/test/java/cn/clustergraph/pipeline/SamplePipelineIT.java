package cn.clustergraph.pipeline;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.rollup.RollupService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.pipeline.PipelineUsers.COORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample pipeline as loaded on the first start: its size and spread, that it leaves the sample register's figures and
 * gaps alone, and the 招大引强 count of each year against a hand count of its projects by the document's three criteria.
 */
@GraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplePipelineIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;
    @Autowired
    RollupService rollups;
    @Autowired
    PipelineService pipeline;

    @BeforeAll
    void users() {
        PipelineUsers.ensure(accounts);
    }

    @Test
    void aDeterministicFictionalPipelineAcrossTheEightChains() {
        Map<String, Object> counts = client.query("""
                MATCH (l:Lead {dataset: 'sample-pipeline'})
                RETURN count(l) AS leads, count(DISTINCT l.chain) AS chains, all(x IN collect(l.sample) WHERE x) AS sample,
                       size([x IN collect(l.stage) WHERE x = '投产']) AS producing, size([x IN collect(l.stage) WHERE x = '终止']) AS terminated,
                       COUNT { MATCH (e:LeadEvent {sample: true}) } AS events""").fetch().one().orElseThrow();
        assertThat(counts.get("leads")).isEqualTo(152L);
        assertThat(counts.get("chains")).isEqualTo(8L);
        assertThat(counts.get("sample")).isEqualTo(true);
        assertThat(counts.get("producing")).isEqualTo(12L);
        assertThat((Long) counts.get("terminated")).isBetween(5L, 40L);
        JsonNode list = PipelineUsers.api(port, COORD).get("/api/leads?stale=true").json();
        assertThat(list.get("total").asInt()).as("stalled leads (no 跟进 for 30 days)").isPositive();
        assertThat(list.get("dataNotice").get("sample").asBoolean()).isTrue();
        // the sample leaves the sample register alone: the deliberate gaps are still gaps, the rollups equal the live aggregation
        assertThat(client.query("MATCH (s:Segment {id: 'OPT-U06'}) RETURN s.gapStatus").fetchAs(String.class).one()).contains("缺链");
        assertThat(rollups.differences()).isEmpty();
        // the projection shows where signed candidates would fill a gap, as a projection beside the present status
        JsonNode summary = PipelineUsers.api(port, COORD).get("/api/pipeline/summary?year=2025").json();
        assertThat(summary.get("projections").toString()).contains("若已签约项目投产：缺链 → 弱链");
        assertThat(summary.get("matrix").size()).isPositive();
        JsonNode total = summary.get("total");
        int sum = 0;
        for (JsonNode n : total.get("byStage")) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(total.get("total").asInt());
        assertThat(total.get("reached").get("线索").asInt()).isEqualTo(total.get("total").asInt());
        assertThat(total.get("medianDays").get("接洽").isNumber()).isTrue();
        assertThat(summary.get("signedByQuarter").toString()).contains("2025Q2");
    }

    @Test
    void theBigProjectCountOfAYearEqualsAHandCountOfTheSampleByTheDocumentsThreeCriteria() throws IOException {
        Map<Integer, Double> rates = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("import/pipeline/usd_rates.csv"), StandardCharsets.UTF_8).subList(1, 6)) {
            String[] c = line.split(",");
            rates.put(Integer.parseInt(c[0]), Double.parseDouble(c[1]));
        }
        Map<Integer, Integer> expected = Map.of(2023, 0, 2024, 3, 2025, 2, 2026, 1);
        for (int year : List.of(2023, 2024, 2025, 2026)) {
            int hand = 0;
            for (Map<String, Object> p : client.query("""
                    MATCH (l:Lead {dataset: 'sample-pipeline'})-[:HAS_PROJECT]->(p:Project)
                    WHERE l.stage <> '终止'
                    MATCH (l)-[:HAS_EVENT]->(e:LeadEvent {to: '签约'}) WHERE e.date.year = $year
                    RETURN p.fortune500 AS f500, p.foreign AS foreign, p.totalInvestment AS cny, p.totalInvestmentUsd AS usd""")
                    .bind(year).to("year").fetch().all()) {
                double rate = rates.get(year);
                Double cny = (Double) p.get("cny");
                Double usd = (Double) p.get("usd");
                boolean foreign = Boolean.TRUE.equals(p.get("foreign")) || usd != null;
                double usdValue = usd != null ? usd : cny != null ? cny / rate : 0;
                double cnyValue = cny != null ? cny : usd != null ? usd * rate : 0;
                boolean f500 = Boolean.TRUE.equals(p.get("f500"));            // 世界500强
                boolean overUsd = foreign && usdValue > 10_000;                  // 总投资超亿美元 (10,000 万美元)
                boolean filed = cnyValue >= 100_000;                             // 备案投资额10亿元以上 (100,000 万元)
                hand += f500 || overUsd || filed ? 1 : 0;
            }
            var big = pipeline.bigProjects(year);
            assertThat(big.count()).as("招大引强 " + year).isEqualTo(hand).isEqualTo(expected.get(year));
            assertThat(big.projects()).hasSize(hand);
            assertThat(big.target()).isEqualTo(10);
            assertThat(big.met()).isFalse();
        }
        var f500 = pipeline.fortune500(2025);
        assertThat(f500.inYear()).isEqualTo(1);
        assertThat(f500.cumulative()).isEqualTo(2);
        // the analysts' report reads the same verdicts (stored by the rule on each project)
        JsonNode report = PipelineUsers.api(port, COORD).post("/api/reports/pipeline-big-projects-by-year", "{}").json();
        Map<Integer, Integer> byYear = new HashMap<>();
        report.get("rows").forEach(r -> byYear.put(r.get(0).asInt(), r.get(1).asInt()));  // year, projects
        assertThat(byYear).containsEntry(2024, 3).containsEntry(2025, 2).containsEntry(2026, 1).doesNotContainKey(2023);
        // the same counts reach tracking as computed indicator actuals of G-BIGPROJ (per year, up to the period's end)
        JsonNode actuals = PipelineUsers.api(port, COORD).get("/api/indicators/G-BIGPROJ/actuals?period=2024Q4").json();
        Map<String, Double> computed = new HashMap<>();
        actuals.get("computed").forEach(c -> {
            if (c.get("rule").asString().equals("pipeline:big-projects")) {
                computed.put(c.get("period").asString(), c.get("value").asDouble());
            }
        });
        assertThat(computed).containsEntry("2024Q4", 3.0);
        JsonNode stale = PipelineUsers.api(port, COORD).post("/api/reports/pipeline-stale-leads", "{\"days\": 60}").json();
        assertThat(stale.get("rows").size()).isPositive();
        JsonNode noLead = PipelineUsers.api(port, COORD).post("/api/reports/pipeline-gaps-without-lead", "{}").json();
        noLead.get("rows").forEach(r -> assertThat(r.get(4).asString()).isIn("缺链", "弱链"));  // gap
        // the API says the same, with why each counts
        JsonNode projects = PipelineUsers.api(port, COORD).get("/api/projects?year=2025&big=true").json();
        List<String> stages = new java.util.ArrayList<>();
        projects.forEach(p -> stages.add(p.get("stage").asString()));
        // the list also shows the big project terminated after signing: it meets the criteria but was not brought in
        assertThat(stages).hasSize(3).containsOnlyOnce("终止");
        assertThat(projects.toString()).contains("÷ 7.18").contains("超 1 亿美元").contains("世界500强");
    }
}
