package cn.clustergraph.search;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.stream.StreamSupport;

import static cn.clustergraph.ApiCalls.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** One search over every kind: Chinese names, short names and aliases resolve. */
@GraphIntegrationTest
class SearchApiIT {

    @LocalServerPort
    int port;
    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    JsonNode first(String q) {
        JsonNode r = api.get("/api/search?q=" + enc(q));
        assertThat(r.get("items")).as(q).isNotEmpty();
        return r.get("items").get(0);
    }

    @Test
    void shortNamesAndAliasesResolveToTheCanonicalThing() {
        JsonNode jxj = first("经信局");
        assertThat(jxj.get("kind").asString()).isEqualTo("Department");
        assertThat(jxj.get("name").asString()).isEqualTo("市经信局");
        assertThat(jxj.get("matched").asString()).isEqualTo("alias");
        assertThat(jxj.get("why").asString()).contains("经信局");
        assertThat(first("人社局").get("name").asString()).isEqualTo("市人力社保局");
        assertThat(first("市人社保局").get("name").asString()).isEqualTo("市人力社保局");
        JsonNode c3 = first("C3");
        assertThat(c3.get("kind").asString()).isEqualTo("Chain");
        assertThat(c3.get("id").asString()).isEqualTo("C3及关联产品");
        assertThat(first("独山港").get("name").asString()).isEqualTo("独山港区");
        assertThat(first("光电产业联盟").get("id").asString()).isEqualTo("I-OE-ALLIANCE");
        assertThat(first("驱动电机").get("id").asString()).isEqualTo("NEV-M02");
        assertThat(first("任务42").get("id").asString()).isEqualTo("42");
        assertThat(first("A1-02").get("kind").asString()).isEqualTo("Indicator");
    }

    @Test
    void enterprisesByNameShortNameAndCreditCodeCarryTheSampleBanner() {
        JsonNode r = api.get("/api/search?q=" + enc("弘宇光学"));
        JsonNode hit = r.get("items").get(0);
        assertThat(hit.get("kind").asString()).isEqualTo("Enterprise");
        assertThat(hit.get("id").asString()).isEqualTo("91330482YK26BJ810Y");
        assertThat(hit.get("matched").asString()).isEqualTo("alias");
        assertThat(hit.get("sample").asBoolean()).isTrue();
        assertThat(r.get("dataNotice").get("sample").asBoolean()).isTrue();
        assertThat(first("91330482YK26BJ810Y").get("name").asString()).isEqualTo("浙江弘宇光学科技股份有限公司");
        assertThat(first("浙江弘宇光学科技股份有限公司").get("matched").asString()).isEqualTo("name");
        JsonNode partial = api.get("/api/search?q=" + enc("光电") + "&kind=Enterprise&size=50");
        assertThat(StreamSupport.stream(partial.get("items").spliterator(), false))
                .isNotEmpty().allMatch(h -> h.get("kind").asString().equals("Enterprise") && h.get("name").asString().contains("光电"));
        assertThat(api.get("/api/search?q=" + enc("经信局")).get("dataNotice").isNull()).isTrue();
    }

    @Test
    void badRequestsAreProblems() {
        assertThat(api.raw("/api/search?q=%20").statusCode()).isEqualTo(400);
        assertThat(api.raw("/api/search?q=x&kind=Nonsense").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/search?q=" + enc("(\"*经信:局")).get("q").asString()).isEqualTo("(\"*经信:局");
    }
}
