package cn.clustergraph.explorer;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/graph/node and /api/graph/neighbours against the real programme and sample data. */
@GraphIntegrationTest
class GraphExplorerIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static List<String> edges(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.get("edges").forEach(e -> out.add(e.get("from").asText() + " " + e.get("type").asText() + " " + e.get("to").asText()
                + (e.has("provenance") ? " @" + e.get("provenance").get("id").asText() : "")));
        return out;
    }

    @Test
    void task52HasItsThreeDepartmentsWithTheirClause() {
        Api.Response r = api().get("/api/graph/neighbours?kind=Task&id=52");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("node").get("key").asText()).isEqualTo("Task:52");
        assertThat(edges(r.json())).contains(
                "Task:52 LED_BY Department:市金融发展服务中心 @A2-R52",
                "Task:52 CO_OWNED_BY Department:人行平湖市支行 @A2-R52",
                "Task:52 CO_OWNED_BY Department:嘉兴银保监分局平湖监管组 @A2-R52",
                "Task:52 STATED_IN Source:A2-R52");
        JsonNode source = null;
        for (JsonNode n : r.json().get("nodes")) {
            if (n.get("key").asText().equals("Source:A2-R52")) {
                source = n;
            }
        }
        assertThat(source).isNotNull();
        assertThat(source.get("properties").get("text").asText()).contains("力争每年新增制造业中长期贷款");
        assertThat(r.json().get("node").get("sources").get(0).get("ref").asText()).isEqualTo("附件2 第52行");
        assertThat(r.json().get("truncated").size()).isZero();
    }

    @Test
    void aDepartmentWithManyTasksIsCappedPerRelationshipType() {
        Api.Response r = api().get("/api/graph/neighbours?kind=department&id=" + Api.seg("市经信局") + "&limit=25");
        assertThat(r.status()).isEqualTo(200);
        long led = r.json().get("edges").valueStream().filter(e -> e.get("type").asText().equals("LED_BY")).count();
        assertThat(led).isEqualTo(25);
        long total = r.json().get("totals").get("LED_BY").asLong();
        assertThat(total).isGreaterThan(25);
        assertThat(r.json().get("truncated").get("LED_BY").asLong()).isEqualTo(total - 25);
    }

    @Test
    void nodeAnswersWithDegreeAndSampleNotice() {
        Api.Response r = api().get("/api/graph/node?kind=Segment&id=OPT-U06");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("assumed").asBoolean()).isTrue();
        assertThat(r.json().get("degree").get("PART_OF").asInt()).isEqualTo(1);
        Api.Response e = api().get("/api/graph/neighbours?kind=Segment&id=OPT-U06");
        assertThat(e.json().get("dataNotice").get("sample").asBoolean()).isTrue();
    }

    @Test
    void unknownKindIs400AndUnknownNodeIs404() {
        assertThat(api().get("/api/graph/node?kind=Foo&id=1").status()).isEqualTo(400);
        assertThat(api().get("/api/graph/neighbours?kind=Task%60%20RETURN%201%20//&id=1").status()).isEqualTo(400);
        assertThat(api().get("/api/graph/node?kind=Task&id=999").status()).isEqualTo(404);
        assertThat(api().get("/api/graph/neighbours?kind=Department&id=" + Api.seg("' OR 1=1")).status()).isEqualTo(404);
        assertThat(api().get("/api/graph/neighbours?kind=Task&id=52&limit=0").status()).isEqualTo(400);
        Api.Response s = api().get("/api/graph/supplies?chain=" + Api.seg("光电通信"));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.json().get("edges").size()).isPositive();
    }
}
