package cn.clustergraph.ui;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the UI needs from the API to speak one language at a time (issue 14): reasons and links as codes with
 * parameters (rendered from the message catalogue), names next to codes, Chinese report headers on request.
 */
@GraphIntegrationTest
class OneLanguageApiIT {

    @LocalServerPort
    int port;

    @Test
    void searchGivesTheReasonAsACodeWithItsParameters() {
        JsonNode hit = first(new Api(port).get("/api/search?q=" + Api.seg("经信局")).json().get("items"), "市经信局");
        assertThat(hit.get("reason").asString()).isEqualTo("alias");
        assertThat(hit.get("reasonParams").get("q").asString()).isEqualTo("经信局");
        assertThat(hit.get("reasonParams").get("name").asString()).isEqualTo("市经信局");
        JsonNode contains = first(new Api(port).get("/api/search?q=" + Api.seg("金融发展")).json().get("items"), "市金融发展服务中心");
        assertThat(contains.get("reason").asString()).isEqualTo("nameContains");
        assertThat(contains.get("reasonParams").get("q").asString()).isEqualTo("金融发展");
    }

    private static JsonNode first(JsonNode items, String name) {
        for (JsonNode h : items) {
            if (name.equals(h.get("name").asString())) {
                return h;
            }
        }
        throw new AssertionError(name + " not among " + items);
    }

    @Test
    void aChainsTasksSayHowTheyConcernItAsCodes() {
        JsonNode tasks = new Api(port).get("/api/chains/" + Api.seg("光电通信")).json().get("tasks");
        List<String> codes = new ArrayList<>();
        for (JsonNode k : tasks) {
            assertThat(k.get("links").size()).isEqualTo(k.get("via").size());
            k.get("links").forEach(l -> codes.add(l.get("code").asString() + (l.get("name").isNull() ? "" : ":" + l.get("name").asString())));
        }
        assertThat(codes).isNotEmpty().allMatch(c -> c.equals("chain") || c.startsWith("segment:") || c.startsWith("serves:"));
    }

    @Test
    void theEnterpriseListNamesEachSegment() {
        JsonNode items = new Api(port).get("/api/enterprises?chain=" + Api.seg("新能源汽车") + "&size=20").json().get("items");
        assertThat(items.size()).isPositive();
        for (JsonNode e : items) {
            assertThat(e.get("segmentNames").size()).isEqualTo(e.get("segments").size());
        }
        JsonNode e = items.get(0);
        String id = e.get("segments").get(0).asString();
        JsonNode node = new Api(port).get("/api/graph/node?kind=Segment&id=" + id).json();
        assertThat(e.get("segmentNames").get(0).asString()).isEqualTo(node.get("label").asString());
    }

    @Test
    void aReportDownloadsWithChineseHeadersOnRequest() {
        HttpResponse<byte[]> zh = new Api(port).bytes("/api/reports/town-breakdown/run?indicator=A3-10&format=csv&lang=zh");
        String text = new String(zh.body(), 3, zh.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")[0]).isEqualTo("指标编号,指标名称,单位,行类别,镇（街道）,数值,原文,说明");
        assertThat(text.split("\r\n")).hasSize(12);
        HttpResponse<byte[]> en = new Api(port).bytes("/api/reports/town-breakdown/run?indicator=A3-10&format=csv");
        assertThat(new String(en.body(), 3, en.body().length - 3, StandardCharsets.UTF_8).split("\r\n")[0])
                .isEqualTo("indicator,name,unit,kind,town,value,text,note");
        JsonNode columns = new Api(port).get("/api/reports/chain-overview").json().get("columns");
        List<String> labels = new ArrayList<>();
        columns.forEach(c -> labels.add(c.get("label").asString()));
        assertThat(labels).contains("产业链").noneMatch(l -> l.matches(".*[A-Za-z]{3,}.*"));
    }
}
