package cn.clustergraph.pipeline;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.register.CreditCode;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.rollup.RollupService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.pipeline.PipelineUsers.ANALYST;
import static cn.clustergraph.pipeline.PipelineUsers.CHAIN;
import static cn.clustergraph.pipeline.PipelineUsers.COORD;
import static cn.clustergraph.pipeline.PipelineUsers.INVEST_A;
import static cn.clustergraph.pipeline.PipelineUsers.INVEST_B;
import static cn.clustergraph.pipeline.PipelineUsers.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 招商 pipeline through the API on the sample: a candidate becomes a lead with its gap signal, stage rules, who may
 * see and change what, and a produced project turning a 缺链 segment into 弱链 with the rollups still equal to the live
 * aggregation (its register dataset removed again afterwards).
 */
@GraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;
    @Autowired
    RollupService rollups;
    @Autowired
    RegisterImporter importer;

    @BeforeAll
    void users() {
        PipelineUsers.ensure(accounts);
    }

    Api as(String user) {
        return PipelineUsers.api(port, user);
    }

    JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    String manualLead(String owner, String segment) {
        return created(as(owner).post("/api/leads", """
                {"chain": "光电通信", "segments": ["%s"], "enterprise": {"name": "测试光电科技有限公司"}, "source": "展会"}"""
                .formatted(segment))).get("id").asString();
    }

    @Test
    void aCandidateBecomesALeadWithItsGapSignalKept() {
        JsonNode list = as(INVEST_A).get("/api/chains/" + Api.seg("光电通信") + "/investment-targets").json().get("candidates");
        JsonNode c = list.get(0);
        assertThat(c.get("segmentStatus").asString()).isIn("缺链", "弱链");
        JsonNode lead = created(as(INVEST_A).post("/api/leads", """
                {"candidate": {"chain": "光电通信", "segment": "%s", "enterprise": "%s"}}"""
                .formatted(c.get("segmentId").asString(), c.get("enterpriseId").asString())));
        assertThat(lead.get("origin").asString()).isEqualTo("candidate");
        assertThat(lead.get("source").asString()).isEqualTo("重点招商对象清单");
        assertThat(lead.get("owner").asString()).isEqualTo(INVEST_A);
        assertThat(lead.get("stage").asString()).isEqualTo("线索");
        assertThat(lead.get("enterpriseId").asString()).isEqualTo(c.get("enterpriseId").asString());
        assertThat(lead.get("segments").get(0).get("id").asString()).isEqualTo(c.get("segmentId").asString());
        JsonNode signal = lead.get("signal");
        assertThat(signal.get("segmentId").asString()).isEqualTo(c.get("segmentId").asString());
        assertThat(signal.get("segmentStatus").asString()).isEqualTo(c.get("segmentStatus").asString());
        assertThat(signal.get("score").asDouble()).isEqualTo(c.get("score").asDouble());
        assertThat(signal.get("rank").asInt()).isEqualTo(c.get("rank").asInt());
        assertThat(signal.get("reasons").toString()).isEqualTo(c.get("reasons").toString());
        // kept as it was: read back later, the lead still says why it was listed
        JsonNode again = as(INVEST_A).get("/api/leads/" + lead.get("id").asString()).json();
        assertThat(again.get("signal").get("score").asDouble()).isEqualTo(c.get("score").asDouble());
        assertThat(again.get("events").get(0).get("kind").asString()).isEqualTo("create");
        // not on the list → refused, naming the field
        Api.Response bad = as(INVEST_A).post("/api/leads", """
                {"candidate": {"chain": "光电通信", "enterprise": "91330482NOTONLIST"}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("candidate.enterprise");
        assertThat(audited(lead.get("id").asString())).contains("lead.create");
    }

    @Test
    void stagesMoveForwardOnlyAndAWrongMoveIsCorrectedByANewEvent() {
        String id = manualLead(INVEST_A, "OPT-U01");
        Api a = as(INVEST_A);
        assertThat(a.post("/api/leads/" + id + "/moves", "{\"stage\": \"接洽\"}").status()).isEqualTo(200);
        JsonNode at = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"在谈\"}").json();
        assertThat(at.get("stage").asString()).isEqualTo("在谈");
        Api.Response back = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"接洽\"}");
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.contentType()).contains("problem+json");
        assertThat(back.json().get("field").asString()).isEqualTo("stage");
        assertThat(back.json().get("detail").asString()).contains("在谈 → 接洽 is backward").contains("only move forward").contains("correction");
        Api.Response same = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"在谈\"}");
        assertThat(same.status()).isEqualTo(400);
        Api.Response unknown = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"谈妥\"}");
        assertThat(unknown.status()).isEqualTo(400);
        Api.Response noReason = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"终止\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asString()).isEqualTo("reason");
        Api.Response future = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"签约\", \"date\": \"2999-01-01\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asString()).isEqualTo("date");
        // skipping forward is a move; the wrong 签约 is corrected back to 在谈 by a new event, never by rewriting
        assertThat(a.post("/api/leads/" + id + "/moves", "{\"stage\": \"签约\"}").json().get("stage").asString()).isEqualTo("签约");
        Api.Response noWhy = a.post("/api/leads/" + id + "/corrections", "{\"stage\": \"在谈\"}");
        assertThat(noWhy.status()).isEqualTo(400);
        JsonNode corrected = a.post("/api/leads/" + id + "/corrections", "{\"stage\": \"在谈\", \"reason\": \"误点签约\"}").json();
        assertThat(corrected.get("stage").asString()).isEqualTo("在谈");
        assertThat(corrected.get("signedOn").isNull()).isTrue();
        List<String> kinds = new ArrayList<>();
        corrected.get("events").forEach(e -> kinds.add(e.get("kind").asString() + ":" + e.get("to").asString("")));
        assertThat(kinds).containsExactly("create:线索", "move:接洽", "move:在谈", "move:签约", "correct:在谈");
        assertThat(corrected.get("events").get(1).get("by").asString()).isEqualTo(INVEST_A);
        assertThat(corrected.get("path").size()).isEqualTo(3);
        // a correction only goes back to a stage the lead passed
        assertThat(a.post("/api/leads/" + id + "/corrections", "{\"stage\": \"投产\", \"reason\": \"x\"}").status()).isEqualTo(400);
        JsonNode note = a.post("/api/leads/" + id + "/notes", """
                {"way": "走访", "content": "与企业董事长会谈，确定用地需求", "nextStep": "报送用地预审", "nextDate": "2999-03-01"}""").json();
        JsonNode last = note.get("events").get(note.get("events").size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("note");
        assertThat(last.get("nextStep").asString()).isEqualTo("报送用地预审");
        assertThat(note.get("stale").asBoolean()).isFalse();
        JsonNode ended = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"终止\", \"reason\": \"企业转投他地\"}").json();
        assertThat(ended.get("stage").asString()).isEqualTo("终止");
        Api.Response afterEnd = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"签约\"}");
        assertThat(afterEnd.status()).isEqualTo(400);
        assertThat(afterEnd.json().get("detail").asString()).contains("终止");
        assertThat(audited(id)).contains("lead.create", "lead.stage", "lead.correct", "lead.note");
    }

    @Test
    void viewersNeverSeeLeadsOwnersEditOnlyTheirOwnAndTheCoordinatorReassigns() {
        String id = manualLead(INVEST_A, "OPT-U02");
        for (String path : List.of("/api/leads", "/api/leads/" + id, "/api/projects", "/api/pipeline/summary",
                "/api/chains/" + Api.seg("光电通信") + "/pipeline")) {
            assertThat(as(VIEWER).get(path).status()).as("viewer " + path).isEqualTo(403);
            assertThat(as(ANALYST).get(path).status()).as("analyst " + path).isEqualTo(403);
            assertThat(Api.anonymous(port).get(path).status()).as("anonymous " + path).isEqualTo(401);
        }
        assertThat(as(VIEWER).post("/api/leads", "{\"chain\": \"光电通信\"}").status()).isEqualTo(403);
        // another 招商 owner sees it but cannot change it
        assertThat(as(INVEST_B).get("/api/leads/" + id).status()).isEqualTo(200);
        Api.Response other = as(INVEST_B).post("/api/leads/" + id + "/moves", "{\"stage\": \"接洽\"}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).contains("problem+json");
        assertThat(as(INVEST_B).post("/api/leads/" + id + "/notes", "{\"content\": \"x\"}").status()).isEqualTo(403);
        assertThat(as(INVEST_B).patch("/api/leads/" + id, "{\"project\": {\"totalInvestment\": 5000}}").status()).isEqualTo(403);
        // the owner may not give it away; the coordinator may
        assertThat(as(INVEST_A).patch("/api/leads/" + id, "{\"owner\": \"" + INVEST_B + "\"}").status()).isEqualTo(403);
        assertThat(as(COORD).patch("/api/leads/" + id, "{\"owner\": \"" + VIEWER + "\"}").status()).isEqualTo(400);
        JsonNode moved = as(COORD).patch("/api/leads/" + id, "{\"owner\": \"" + INVEST_B + "\"}").json();
        assertThat(moved.get("owner").asString()).isEqualTo(INVEST_B);
        assertThat(as(INVEST_B).post("/api/leads/" + id + "/moves", "{\"stage\": \"接洽\"}").status()).isEqualTo(200);
        assertThat(as(INVEST_A).post("/api/leads/" + id + "/moves", "{\"stage\": \"在谈\"}").status()).isEqualTo(403);
        // a chain office sees its chain's leads only
        JsonNode chainList = as(CHAIN).get("/api/leads").json().get("leads");
        assertThat(chainList.size()).isPositive();
        chainList.forEach(l -> assertThat(l.get("chain").asString()).isEqualTo("光电通信"));
        assertThat(as(CHAIN).post("/api/leads/" + id + "/moves", "{\"stage\": \"在谈\"}").status()).isEqualTo(403);
        String elsewhere = created(as(INVEST_A).post("/api/leads", """
                {"chain": "新能源汽车", "segments": ["NEV-M01"], "enterprise": {"name": "测试新能源有限公司"}}""")).get("id").asString();
        assertThat(as(CHAIN).get("/api/leads/" + elsewhere).status()).isEqualTo(403);
        assertThat(as(CHAIN).get("/api/chains/" + Api.seg("新能源汽车") + "/pipeline").status()).isEqualTo(403);
        assertThat(audited(id)).contains("lead.reassign");
        // malformed figures are 400 naming the field
        Api.Response neg = as(INVEST_B).patch("/api/leads/" + id, "{\"project\": {\"landMu\": -3}}");
        assertThat(neg.status()).isEqualTo(400);
        assertThat(neg.json().get("field").asString()).isEqualTo("project.landMu");
        Api.Response unknownField = as(INVEST_B).patch("/api/leads/" + id, "{\"project\": {\"acres\": 3}}");
        assertThat(unknownField.json().get("field").asString()).isEqualTo("project.acres");
        Api.Response badCode = as(INVEST_A).post("/api/leads", """
                {"chain": "光电通信", "segments": ["OPT-U01"], "enterprise": {"name": "某公司", "creditCode": "91330482MA2B3C4D5X"}}""");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("field").asString()).isEqualTo("enterprise.creditCode");
    }

    @Test
    void aProducedProjectMakesItsEnterpriseLocalAndChangesTheSegmentsStatus() {
        String segment = "OPT-U06";  // 光纤预制棒: the sample's deliberate 缺链 of 光电通信
        Map<String, Object> before = segment(segment);
        assertThat(before.get("gapStatus")).isEqualTo("缺链");
        assertThat(before.get("rollupLocal")).isEqualTo(0L);
        String code = CreditCode.of('9', '1', "330482", "PL0TEKT1");
        JsonNode lead = created(as(INVEST_A).post("/api/leads", """
                {"chain": "光电通信", "segments": ["光纤预制棒"], "enterprise": {"name": "平湖测试光棒科技有限公司", "creditCode": "%s"},
                 "source": "以商引商", "project": {"totalInvestment": 60000, "landMu": 80, "expectedOutput": 30000, "town": "独山港镇"}}"""
                .formatted(code)));
        String id = lead.get("id").asString();
        String dataset = Production.dataset(id);
        try {
            Api a = as(INVEST_A);
            a.post("/api/leads/" + id + "/moves", "{\"stage\": \"在谈\"}");
            a.post("/api/leads/" + id + "/moves", "{\"stage\": \"签约\"}");
            // signed, not producing: a projection on the chain's pipeline, while the present status stays 缺链
            JsonNode gaps = a.get("/api/chains/" + Api.seg("光电通信") + "/pipeline").json().get("gaps");
            JsonNode p = find(gaps, segment);
            assertThat(p.get("status").asString()).isEqualTo("缺链");
            assertThat(p.get("projected").asString()).isEqualTo("弱链");
            assertThat(p.get("label").asString()).isEqualTo("若已签约项目投产：缺链 → 弱链 (if signed projects produce)");
            assertThat(p.get("signedLeads").toString()).contains(id);
            assertThat(segment(segment).get("gapStatus")).isEqualTo("缺链");
            a.post("/api/leads/" + id + "/moves", "{\"stage\": \"开工\"}");
            JsonNode produced = a.post("/api/leads/" + id + "/moves", "{\"stage\": \"投产\"}").json();
            assertThat(produced.get("stage").asString()).as(produced.toString()).isEqualTo("投产");
            Map<String, Object> after = segment(segment);
            assertThat(after.get("rollupLocal")).isEqualTo(1L);
            assertThat(after.get("gapStatus")).isEqualTo("弱链");
            assertThat(client.query("MATCH (e:Enterprise {id: $id})-[:IN_SEGMENT]->(:Segment {id: $s}) RETURN e.local AND e.dataset = $d")
                    .bindAll(Map.of("id", code, "s", segment, "d", dataset)).fetchAs(Boolean.class).one()).contains(true);
            assertThat(rollups.differences()).as("every stored rollup equals the live aggregation after 投产").isEmpty();
            assertThat(find(a.get("/api/chains/" + Api.seg("光电通信") + "/pipeline").json().get("gaps"), segment).get("status").asString())
                    .isEqualTo("弱链");
        } finally {
            importer.remove(dataset);
        }
        assertThat(segment(segment).get("gapStatus")).isEqualTo("缺链");
        assertThat(rollups.differences()).isEmpty();
    }

    Map<String, Object> segment(String id) {
        return client.query("MATCH (s:Segment {id: $id}) RETURN s.gapStatus AS gapStatus, s.rollupLocal AS rollupLocal")
                .bind(id).to("id").fetch().one().orElseThrow();
    }

    static JsonNode find(JsonNode list, String segment) {
        for (JsonNode n : list) {
            if (n.get("segmentId").asString().equals(segment)) {
                return n;
            }
        }
        throw new AssertionError("no " + segment + " in " + list);
    }

    List<String> audited(String lead) {
        return List.copyOf(client.query("MATCH (e:AuditEvent) WHERE 'Lead:' + $id IN e.keys RETURN e.kind ORDER BY e.at")
                .bind(lead).to("id").fetchAs(String.class).all());
    }
}
