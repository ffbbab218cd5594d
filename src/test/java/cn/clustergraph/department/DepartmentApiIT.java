package cn.clustergraph.department;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.stream.StreamSupport;

import static cn.clustergraph.Api.seg;
import static cn.clustergraph.JsonLists.numbers;
import static cn.clustergraph.JsonLists.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** The document's departments through the API: tasks led and co-owned, aliases, the responsibility sheet, as printed in 平政发〔2023〕38号. */
@GraphIntegrationTest
class DepartmentApiIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
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
}
