package cn.clustergraph.programme;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.StreamSupport;

import static cn.clustergraph.Api.seg;
import static cn.clustergraph.JsonLists.numbers;
import static cn.clustergraph.JsonLists.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** The document's tasks through the API: lead and co-owners in order, mentions, clauses and filters, as printed in 平政发〔2023〕38号. */
@GraphIntegrationTest
class ProgrammeApiIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
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
}
