package cn.clustergraph.audit;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import cn.clustergraph.tracking.AsOf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one versioning rule ({@link VersionedWrites}) on the real programme over embedded Neo4j: a correction is a new
 * version that keeps the old one, "as of" an earlier moment reads the older value, a city-wide figure and a town's are
 * separate items, and a lost race — two saves on top of the same version, or two first versions at once — answers 409
 * {@code /problems/conflict} through the HTTP API with nothing half-written. Uses task 12 (市经信局) in 2027, which no
 * other test writes.
 */
@GraphIntegrationTest
class VersionedWritesIT {

    static final String PASSWORD = "versioned-pass-5k!";
    static final String JXJ = "vw-jxj";
    static final String COORDINATOR = "vw-coordinator";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    VersionedWrites versioned;
    @Autowired
    Driver driver;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, JXJ, PASSWORD, new AccountService.Profile("经信局填报员", EnumSet.of(Role.DEPARTMENT), "经信局", null, List.of()));
        TestUsers.ensure(accounts, COORDINATOR, PASSWORD, new AccountService.Profile("工业强市办", EnumSet.of(Role.COORDINATOR), null, null, List.of()));
    }

    private Api as(String user) {
        return new Api(port).as(Api.token(port, user, PASSWORD));
    }

    private static String report(String period, int percent, String progress) {
        return "{\"period\":\"" + period + "\",\"status\":\"按序推进\",\"percent\":" + percent + ",\"progress\":\"" + progress + "\"}";
    }

    private static VersionedWrites.Item task12(String period) {
        return new VersionedWrites.Item("ProgressReport", Map.of("task", 12L, "period", period), "12/" + period);
    }

    private long count(String cypher, Map<String, Object> params) {
        try (Session s = driver.session()) {
            return s.run(cypher, params).single().get(0).asLong();
        }
    }

    @Test
    void aCorrectionIsANewVersionAndAsOfReadsTheOlderOne() throws Exception {
        Api jxj = as(JXJ);
        Api.Response v1 = jxj.post("/api/tasks/12/reports", report("2027Q1", 20, "首版"));
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.json().get("id").asString()).isEqualTo("12/2027Q1/v1");
        Thread.sleep(5);
        Api.Response v2 = jxj.post("/api/tasks/12/reports", report("2027Q1", 30, "更正"));
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.json().get("current").asBoolean()).isTrue();

        // both versions kept: v1 no longer current, v2 supersedes it
        var history = new Api(port).get("/api/tasks/12/reports?period=2027Q1").json().get("reports");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("progress").asString()).isEqualTo("首版");
        assertThat(history.get(1).get("current").asBoolean()).isFalse();
        assertThat(count("MATCH (:ProgressReport {id: '12/2027Q1/v2'})-[:SUPERSEDES]->(:ProgressReport {id: '12/2027Q1/v1', current: false}) RETURN count(*)",
                Map.of())).isEqualTo(1);
        assertThat(count("MATCH (r:ProgressReport {task: 12, period: '2027Q1'}) WHERE r.current RETURN count(r)", Map.of())).isEqualTo(1);

        // as of just after v1: v1's value; now: v2's; before anything: nothing
        ZonedDateTime v1At = OffsetDateTime.parse(v1.json().get("recordedAt").asString()).toZonedDateTime();
        assertThat(versioned.asOf(task12("2027Q1"), "recordedAt", v1At.plusNanos(1)).orElseThrow().get("progress")).isEqualTo("首版");
        assertThat(versioned.asOf(task12("2027Q1"), "recordedAt", ZonedDateTime.now().plusSeconds(1)).orElseThrow().get("progress"))
                .isEqualTo("更正");
        assertThat(versioned.asOf(task12("2027Q1"), "recordedAt", v1At)).isEmpty();
        assertThat(versioned.current(task12("2027Q1")).orElseThrow().get("version")).isEqualTo(2L);
        // the board applies the same rule inside its one query (VersionedWrites' fragments): it shows what asOf reads
        String at = v1.json().get("recordedAt").asString();
        assertThat(boardTask12(at).get("version").asInt()).isEqualTo(1)
                .isEqualTo(((Number) versioned.asOf(task12("2027Q1"), "recordedAt", AsOf.parse(at, 0)).orElseThrow().get("version")).intValue());
        assertThat(boardTask12(null).get("version").asInt()).isEqualTo(2)
                .isEqualTo(((Number) versioned.asOf(task12("2027Q1"), "recordedAt", ZonedDateTime.now().plusSeconds(1)).orElseThrow()
                        .get("version")).intValue());
    }

    /** Task 12's report on the 2027Q1 board as of {@code at} (null: now). */
    private JsonNode boardTask12(String at) {
        JsonNode board = new Api(port).get("/api/tracking?period=2027Q1" + (at == null ? "" : "&asOf=" + Api.seg(at))).json();
        for (JsonNode t : board.get("tasks")) {
            if (t.get("no").asLong() == 12) {
                return t.get("report");
            }
        }
        throw new AssertionError("task 12 is not on the board");
    }

    @Test
    void aCityFigureAndATownFigureAreSeparateItems() {
        Api coordinator = as(COORDINATOR);
        assertThat(coordinator.post("/api/indicators/A3-02/actuals", "{\"period\":\"2027Q1\",\"value\":0.5,\"source\":\"统计部门\"}").status())
                .isEqualTo(201);
        assertThat(coordinator.post("/api/indicators/A3-02/actuals",
                "{\"period\":\"2027Q1\",\"town\":\"当湖街道\",\"value\":0.1,\"source\":\"统计部门\"}").status()).isEqualTo(201);
        Api.Response corrected = coordinator.post("/api/indicators/A3-02/actuals",
                "{\"period\":\"2027Q1\",\"town\":\"当湖街道\",\"value\":0.2,\"source\":\"统计部门\"}");
        assertThat(corrected.json().get("id").asString()).isEqualTo("A3-02/当湖街道/2027Q1/v2");
        // the town's correction left the city figure current and at version 1
        assertThat(count("MATCH (a:IndicatorActual {indicator: 'A3-02', period: '2027Q1'}) WHERE a.town IS NULL AND a.current AND a.version = 1 RETURN count(a)",
                Map.of())).isEqualTo(1);
        assertThat(count("MATCH (a:IndicatorActual {id: 'A3-02/当湖街道/2027Q1/v2'})-[:IN_TOWN]->(:Town {name: '当湖街道'}) RETURN count(a)",
                Map.of())).isEqualTo(1);

        // the board picks the figure asOf reads, per indicator and town: the city's v1, the town's correction v2
        JsonNode board = new Api(port).get("/api/tracking?period=2027Q1").json();
        JsonNode a302 = null;
        for (JsonNode i : board.get("indicators")) {
            if (i.get("id").asString().equals("A3-02")) {
                a302 = i;
            }
        }
        assertThat(a302).as("A3-02 on the board").isNotNull();
        ZonedDateTime now = ZonedDateTime.now().plusSeconds(1);
        assertThat(a302.get("actual").get("version").asInt()).isEqualTo(1)
                .isEqualTo(((Number) versioned.asOf(figure("A3-02", null), "recordedAt", now).orElseThrow().get("version")).intValue());
        JsonNode town = null;
        for (JsonNode t : a302.get("towns")) {
            if (t.get("town").asString().equals("当湖街道")) {
                town = t.get("actual");
            }
        }
        assertThat(town).as("当湖街道's A3-02 figure on the board").isNotNull();
        assertThat(town.get("version").asInt()).isEqualTo(2)
                .isEqualTo(((Number) versioned.asOf(figure("A3-02", "当湖街道"), "recordedAt", now).orElseThrow().get("version")).intValue());
        assertThat(town.get("value").asDouble()).isEqualTo(0.2);
    }

    private static VersionedWrites.Item figure(String indicator, String town) {
        Map<String, Object> key = new HashMap<>();
        key.put("indicator", indicator);
        key.put("period", "2027Q1");
        key.put("town", town);
        return new VersionedWrites.Item("IndicatorActual", key, indicator + "/" + (town == null ? "全市" : town) + "/2027Q1");
    }

    @Test
    void twoSavesOnTheSameVersionOneWinsTheOtherIs409AndNothingIsHalfWritten() throws Exception {
        Api jxj = as(JXJ);
        assertThat(jxj.post("/api/tasks/12/reports", report("2027Q2", 20, "首版")).status()).isEqualTo(201);
        long auditBefore = count("MATCH (e:AuditEvent {kind: 'report.write'}) WHERE 'Task:12' IN e.keys RETURN count(e)", Map.of());

        Api.Response[] answers;
        try (Session s = driver.session(); Transaction hold = s.beginTransaction()) {
            // hold the current version: both saves read v1 as current, then wait on it
            hold.run("MATCH (r:ProgressReport {id: '12/2027Q2/v1'}) SET r.current = true").consume();
            CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> jxj.post("/api/tasks/12/reports", report("2027Q2", 40, "甲")));
            CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> jxj.post("/api/tasks/12/reports", report("2027Q2", 50, "乙")));
            awaitBlocked(2);
            hold.rollback();
            answers = new Api.Response[] {a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)};
        }
        assertThat(List.of(answers[0].status(), answers[1].status())).containsExactlyInAnyOrder(201, 409);
        Api.Response won = answers[0].status() == 201 ? answers[0] : answers[1];
        Api.Response lost = answers[0].status() == 409 ? answers[0] : answers[1];
        assertThat(won.json().get("version").asInt()).isEqualTo(2);
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(lost.json().get("status").asInt()).isEqualTo(409);
        assertThat(lost.json().get("zh").asString()).contains("刷新").contains("重试");
        assertThat(lost.json().get("en").asString()).contains("reload").contains("retry");

        // nothing half-written: v1 and the winner's v2 only, one current, the winner audited once and the loser not at all
        var history = new Api(port).get("/api/tasks/12/reports?period=2027Q2").json().get("reports");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("progress").asString()).isEqualTo(won.json().get("progress").asString());
        assertThat(history.get(1).get("current").asBoolean()).isFalse();
        assertThat(count("MATCH (r:ProgressReport {task: 12, period: '2027Q2'}) WHERE r.current RETURN count(r)", Map.of())).isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {kind: 'report.write'}) WHERE 'Task:12' IN e.keys RETURN count(e)", Map.of()))
                .isEqualTo(auditBefore + 1);

        // the next save, on top of the winner's version, is fine
        assertThat(jxj.post("/api/tasks/12/reports", report("2027Q2", 60, "丙")).json().get("version").asInt()).isEqualTo(3);
    }

    @Test
    void twoFirstVersionsAtOnceAre409NotA500() throws Exception {
        Api jxj = as(JXJ);
        Api.Response answer;
        try (Session s = driver.session(); Transaction other = s.beginTransaction()) {
            // another writer is creating the first version right now (not yet committed)
            Map<String, Object> p = new HashMap<>();
            p.put("at", ZonedDateTime.now());
            other.run("""
                    MATCH (t:Task {no: 12}), (pp:Period {id: '2027Q3'})
                    CREATE (r:ProgressReport {id: '12/2027Q3/v1', task: 12, period: '2027Q3', year: 2027, quarter: 3, version: 1,
                            current: true, status: '按序推进', percent: 10.0, recordedAt: $at, recordedBy: 'other', sample: false})
                    CREATE (r)-[:FOR_TASK]->(t), (r)-[:FOR_PERIOD]->(pp)""", p).consume();
            CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> jxj.post("/api/tasks/12/reports", report("2027Q3", 40, "甲")));
            awaitBlocked(1);
            other.commit();
            answer = a.get(30, TimeUnit.SECONDS);
        }
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(count("MATCH (r:ProgressReport {task: 12, period: '2027Q3'}) RETURN count(r)", Map.of())).isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {kind: 'report.write'}) WHERE 'ProgressReport:12/2027Q3/v1' IN e.keys RETURN count(e)", Map.of()))
                .isZero();
    }

    /** Waits until {@code n} transactions wait on a lock (the saves reached the version the test holds). */
    private void awaitBlocked(int n) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            try (Session s = driver.session()) {
                long blocked = s.run("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n").single().get("n").asLong();
                if (blocked >= n) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the saves never waited on the held version");
    }
}
