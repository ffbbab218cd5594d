package cn.clustergraph.tracking;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Done-when items of issue 16 on the real programme: 序时进度 and the light of one indicator of each kind worked by
 * hand, a missing report red after its due day and not before, scope (403 for another department's task, a town's own
 * figure only), a correction keeping the old version that "as of" still returns. Uses 2025 quarters (the sample history
 * covers 2023–2024).
 */
@GraphIntegrationTest
class TrackingIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void people() {
        TrackingPeople.ensure(accounts);
    }

    private Api jxj() {
        return TrackingPeople.api(port, TrackingPeople.JXJ);
    }

    private static JsonNode indicator(JsonNode board, String id) {
        for (JsonNode i : board.get("indicators")) {
            if (i.get("id").asString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id + " on the board");
    }

    private static JsonNode task(JsonNode board, long no) {
        for (JsonNode t : board.get("tasks")) {
            if (t.get("no").asLong() == no) {
                return t;
            }
        }
        throw new AssertionError("no task " + no + " on the board");
    }

    private static JsonNode town(JsonNode indicator, String town) {
        for (JsonNode t : indicator.get("towns")) {
            if (t.get("town").asString().equals(town)) {
                return t;
            }
        }
        throw new AssertionError("no town " + town);
    }

    private Api.Response actual(Api as, String id, String body) {
        return as.post("/api/indicators/" + id + "/actuals", body);
    }

    @Test
    void expectedValueAndLightOfEachKindWorkedByHand() {
        // FLOW A1-02 集群规上企业总产值: 2025 target 2050 亿元 (附件1); 2025Q2 序时进度 = 2050 × 2/4 = 1025;
        // reported 800 → (1025 − 800) / 1025 = 21.95…% → 22.0 points behind → yellow (10–30)
        assertThat(actual(jxj(), "A1-02", "{\"period\":\"2025Q2\",\"value\":800,\"source\":\"统计部门\"}").status()).isEqualTo(201);
        // CUMULATIVE A1-14 累计建成省级智能工厂: 2023 6, 2025 10 → 2024 interpolated 8; 2025Q2 = 8 + (10 − 8) × 2/4 = 9; reported 9 → green
        assertThat(actual(jxj(), "A1-14", "{\"period\":\"2025Q2\",\"value\":9}").status()).isEqualTo(201);
        // LEVEL A1-05 规上工业亩均增加值: 2025 target 240 万元/亩 directly; reported 160 → 80/240 = 33.3 points behind → red (> 30)
        assertThat(actual(jxj(), "A1-05", "{\"period\":\"2025Q2\",\"value\":160}").status()).isEqualTo(201);
        // TEXT A1-17 完成嘉兴下达任务: judged by the reported status; 按序推进 → green
        assertThat(actual(jxj(), "A1-17", "{\"period\":\"2025Q2\",\"status\":\"按序推进\",\"text\":\"碳排放降幅按嘉兴下达任务推进\"}").status()).isEqualTo(201);

        JsonNode board = new Api(port).get("/api/tracking?period=2025Q2").json();
        JsonNode flow = indicator(board, "A1-02");
        assertThat(flow.get("kind").asString()).isEqualTo("FLOW");
        assertThat(flow.get("kindAssumed").asBoolean()).isTrue();
        assertThat(flow.get("expected").asDouble()).isEqualTo(1025.0);
        assertThat(flow.get("target").get("basis").asString()).isEqualTo("stated");
        assertThat(flow.get("light").get("colour").asString()).isEqualTo("YELLOW");
        assertThat(flow.get("light").get("behindPoints").asDouble()).isEqualTo(22.0);
        assertThat(flow.get("light").get("reason").asString()).contains("1025").contains("800").contains("22");

        JsonNode cumulative = indicator(board, "A1-14");
        assertThat(cumulative.get("kind").asString()).isEqualTo("CUMULATIVE");
        assertThat(cumulative.get("expected").asDouble()).isEqualTo(9.0);
        assertThat(cumulative.get("light").get("colour").asString()).isEqualTo("GREEN");

        JsonNode level = indicator(board, "A1-05");
        assertThat(level.get("kind").asString()).isEqualTo("LEVEL");
        assertThat(level.get("expected").asDouble()).isEqualTo(240.0);
        assertThat(level.get("light").get("behindPoints").asDouble()).isEqualTo(33.3);
        assertThat(level.get("light").get("colour").asString()).isEqualTo("RED");

        JsonNode text = indicator(board, "A1-17");
        assertThat(text.get("kind").asString()).isEqualTo("TEXT");
        assertThat(text.get("targetText").asString()).isEqualTo("完成嘉兴下达任务");
        assertThat(text.get("light").get("colour").asString()).isEqualTo("GREEN");

        // 2024 targets are interpolated: A1-02 (1250 + 2050) / 2 = 1650; 2024Q3 序时进度 = 1650 × 3/4 = 1237.5
        JsonNode q3 = indicator(new Api(port).get("/api/tracking?period=2024Q3").json(), "A1-02");
        assertThat(q3.get("target").get("value").asDouble()).isEqualTo(1650.0);
        assertThat(q3.get("target").get("basis").asString()).isEqualTo("interpolated");
        assertThat(q3.get("expected").asDouble()).isEqualTo(1237.5);
        // a cumulative count's first year starts from the 2022 figure extrapolated: A1-03 33 − (35 − 33)/2 = 32; 2023Q1 = 32 + 1 × 1/4
        JsonNode first = indicator(new Api(port).get("/api/tracking?period=2023Q1").json(), "A1-03");
        assertThat(first.get("expected").asDouble()).isEqualTo(32.25);
        assertThat(first.get("formula").asString()).contains("外推");
    }

    @Test
    void aTownReportsItsOwnFigureAndTheCoordinatorEither() {
        Api danghu = TrackingPeople.api(port, TrackingPeople.DANGHU);
        // 附件3 A3-02 制造业投资 当湖街道 2023 target 0.8 亿元, carried into 2025 (no later target stated): Q1 = 0.8 × 1/4 = 0.2
        Api.Response own = actual(danghu, "A3-02", "{\"period\":\"2025Q1\",\"town\":\"当湖街道\",\"value\":0.15}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("source").asString()).isEqualTo("镇街道上报");
        assertThat(actual(danghu, "A3-02", "{\"period\":\"2025Q1\",\"town\":\"新埭镇\",\"value\":3}").status()).isEqualTo(403);
        Api.Response city = actual(danghu, "A3-02", "{\"period\":\"2025Q1\",\"value\":30}");
        assertThat(city.status()).isEqualTo(403);
        assertThat(city.contentType()).contains("problem+json");
        assertThat(actual(TrackingPeople.api(port, TrackingPeople.COORDINATOR), "A3-02",
                "{\"period\":\"2025Q1\",\"town\":\"新埭镇\",\"value\":3.05,\"source\":\"统计部门\"}").status()).isEqualTo(201);
        assertThat(actual(TrackingPeople.api(port, TrackingPeople.KJJ), "A1-02", "{\"period\":\"2025Q1\",\"value\":1}").status())
                .as("市科技局 does not own A1-02").isEqualTo(403);
        assertThat(actual(jxj(), "A1-02", "{\"period\":\"2025Q1\",\"town\":\"当湖街道\",\"value\":1}").status())
                .as("A1-02 has no town breakdown").isEqualTo(400);

        JsonNode a302 = indicator(new Api(port).get("/api/tracking?period=2025Q1").json(), "A3-02");
        JsonNode dh = town(a302, "当湖街道");
        assertThat(dh.get("target").get("basis").asString()).isEqualTo("carried");
        assertThat(dh.get("expected").asDouble()).isEqualTo(0.2);
        // (0.2 − 0.15) / 0.2 = 25 points behind → yellow
        assertThat(dh.get("light").get("behindPoints").asDouble()).isEqualTo(25.0);
        assertThat(dh.get("light").get("colour").asString()).isEqualTo("YELLOW");
        // 新埭镇 12.2 × 1/4 = 3.05, reported 3.05 → green
        assertThat(town(a302, "新埭镇").get("light").get("colour").asString()).isEqualTo("GREEN");
    }

    @Test
    void aMissingReportIsRedAfterItsDueDayAndNotBefore() {
        // task 6 is led by 市发改局, nobody reports it in 2025Q2; due 15 days after 2025-06-30 = 2025-07-15
        JsonNode onDueDay = task(new Api(port).get("/api/tracking?period=2025Q2&asOf=2025-07-15").json(), 6);
        assertThat(onDueDay.get("light").get("colour").asString()).isEqualTo("GREY");
        assertThat(onDueDay.get("light").get("reason").asString()).contains("未到报送期限").contains("2025-07-15");
        JsonNode dayAfter = task(new Api(port).get("/api/tracking?period=2025Q2&asOf=2025-07-16").json(), 6);
        assertThat(dayAfter.get("light").get("colour").asString()).isEqualTo("RED");
        assertThat(dayAfter.get("light").get("reason").asString()).contains("逾期未报");
        assertThat(new Api(port).get("/api/periods").json().get(1).get("due").asString()).isEqualTo("2023-04-15");
    }

    @Test
    void aDepartmentReportsOnTasksItLeadsAndNotOnAnothers() {
        Api.Response other = jxj().post("/api/tasks/9/reports",
                "{\"period\":\"2025Q4\",\"status\":\"按序推进\",\"percent\":80,\"progress\":\"招商推进\"}");
        assertThat(other.status()).as("task 9 is led by 市商务局").isEqualTo(403);
        assertThat(other.contentType()).contains("problem+json");
        Api.Response own = jxj().post("/api/tasks/5/reports",
                "{\"period\":\"2025Q4\",\"status\":\"按序推进\",\"percent\":80,\"progress\":\"技改项目推进\"}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("late").asBoolean()).as("filed long after 2026-01-15").isTrue();
        // a co-owner adds its 配合情况 (task 2: 市自然资源和规划局 leads, 市经信局 co-owns), but cannot file the report
        assertThat(jxj().post("/api/tasks/2/reports/2025Q4/contributions", "{\"text\":\"配合开展园区有机更新摸排\"}").status()).isEqualTo(201);
        assertThat(jxj().post("/api/tasks/2/reports", "{\"period\":\"2025Q4\",\"status\":\"按序推进\",\"percent\":80}").status()).isEqualTo(403);
        assertThat(TrackingPeople.api(port, TrackingPeople.KJJ).post("/api/tasks/2/reports/2025Q4/contributions",
                "{\"text\":\"x\"}").status()).isEqualTo(403);
        // only the coordinator reviews
        assertThat(jxj().post("/api/tasks/5/reports/2025Q4/review", "{\"decision\":\"accept\"}").status()).isEqualTo(403);
        // bad input names the field
        Api.Response bad = jxj().post("/api/tasks/5/reports", "{\"period\":\"2025Q4\",\"status\":\"差不多\",\"percent\":80}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status");
        assertThat(jxj().post("/api/tasks/5/reports", "{\"period\":\"2031Q1\",\"status\":\"按序推进\",\"percent\":80}").status()).isEqualTo(400);
        assertThat(jxj().post("/api/tasks/5/reports", "{\"period\":\"2025Q4\",\"status\":\"按序推进\",\"percent\":180}").body()).contains("percent");
    }

    @Test
    void aCorrectionKeepsTheOldVersionAndAsOfReturnsIt() throws Exception {
        Api coordinator = TrackingPeople.api(port, TrackingPeople.COORDINATOR);
        // v1: 滞后 40% in 2025Q3 → schedule 75%, 35 points behind → red
        Api.Response v1 = jxj().post("/api/tasks/7/reports",
                "{\"period\":\"2025Q3\",\"status\":\"滞后\",\"percent\":40,\"progress\":\"首版\",\"problems\":\"项目审批滞后\"}");
        assertThat(v1.status()).isEqualTo(201);
        String v1At = v1.json().get("recordedAt").asString();
        JsonNode red = task(new Api(port).get("/api/tracking?period=2025Q3").json(), 7);
        assertThat(red.get("light").get("colour").asString()).isEqualTo("RED");
        assertThat(red.get("light").get("behindPoints").asDouble()).isEqualTo(35.0);

        Api.Response returned = coordinator.post("/api/tasks/7/reports/2025Q3/review", "{\"decision\":\"return\",\"comment\":\"请补充项目清单\"}");
        assertThat(returned.status()).isEqualTo(201);
        assertThat(coordinator.post("/api/tasks/7/reports/2025Q3/review", "{\"decision\":\"return\"}").status())
                .as("returning needs a comment").isEqualTo(400);
        Thread.sleep(5);
        Api.Response v2 = jxj().post("/api/tasks/7/reports",
                "{\"period\":\"2025Q3\",\"status\":\"按序推进\",\"percent\":70,\"progress\":\"更正：补充项目清单\"}");
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        JsonNode history = new Api(port).get("/api/tasks/7/reports?period=2025Q3").json();
        assertThat(history.get("reports")).hasSize(2);
        assertThat(history.get("reports").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(history.get("reports").get(0).get("current").asBoolean()).isTrue();
        JsonNode old = history.get("reports").get(1);
        assertThat(old.get("current").asBoolean()).isFalse();
        assertThat(old.get("progress").asString()).isEqualTo("首版");
        assertThat(old.get("review").get("decision").asString()).isEqualTo("returned");
        assertThat(old.get("review").get("comment").asString()).isEqualTo("请补充项目清单");

        // now: v2, 75 − 70 = 5 points behind → green; as of v1's moment: v1 and red again
        JsonNode now = task(new Api(port).get("/api/tracking?period=2025Q3").json(), 7);
        assertThat(now.get("report").get("version").asInt()).isEqualTo(2);
        assertThat(now.get("light").get("colour").asString()).isEqualTo("GREEN");
        JsonNode then = task(new Api(port).get("/api/tracking?period=2025Q3&asOf=" + Api.seg(v1At)).json(), 7);
        assertThat(then.get("report").get("version").asInt()).isEqualTo(1);
        assertThat(then.get("light").get("colour").asString()).isEqualTo("RED");

        // figures too: a correction is a new version; the old one stays and "as of" returns it
        Api.Response a1 = actual(jxj(), "A1-11", "{\"period\":\"2025Q3\",\"value\":70}");
        Thread.sleep(5);
        actual(jxj(), "A1-11", "{\"period\":\"2025Q3\",\"value\":85,\"note\":\"更正\"}");
        JsonNode fig = new Api(port).get("/api/indicators/A1-11/actuals?period=2025Q3").json();
        assertThat(fig.get("actuals")).hasSize(2);
        assertThat(indicator(new Api(port).get("/api/tracking?period=2025Q3").json(), "A1-11").get("actual").get("value").asDouble())
                .isEqualTo(85.0);
        assertThat(indicator(new Api(port).get("/api/tracking?period=2025Q3&asOf=" + Api.seg(a1.json().get("recordedAt").asString()))
                .json(), "A1-11").get("actual").get("value").asDouble()).isEqualTo(70.0);

        JsonNode audit = coordinator.get("/api/audit?kind=report.review").json();
        assertThat(audit.get("items").get(0).get("after").asString()).contains("请补充项目清单");
        assertThat(coordinator.get("/api/audit?kind=actual.write").json().get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badParametersAreProblems() {
        Api.Response r = new Api(port).get("/api/tracking?period=2024Q5");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(new Api(port).get("/api/tracking?period=2024Q2&asOf=yesterday").status()).isEqualTo(400);
        assertThat(new Api(port).get("/api/indicators/NOPE/actuals").status()).isEqualTo(404);
        assertThat(new Api(port).get("/api/tasks/99/reports").status()).isEqualTo(404);
    }
}
