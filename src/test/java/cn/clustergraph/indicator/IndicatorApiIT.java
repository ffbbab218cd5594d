package cn.clustergraph.indicator;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.stream.StreamSupport;

import static cn.clustergraph.Api.seg;
import static cn.clustergraph.JsonLists.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** The document's indicators and towns through the API: targets with qualifiers, the town breakdown, as printed in 平政发〔2023〕38号. */
@GraphIntegrationTest
class IndicatorApiIT {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void indicatorTargetsKeepValuesQualifiersAndTextOnlyTargets() {
        var a101 = api.get("/api/indicators/A1-01").json();
        assertThat(a101.get("unit").asString()).isEqualTo("%");
        JsonNode t2023 = a101.get("targets").get(0);
        assertThat(t2023.get("value").asDouble()).isEqualTo(50.0);
        assertThat(t2023.get("comparator").asString()).isEqualTo(">=");
        assertThat(t2023.get("qualifier").asString()).isEqualTo("以上");
        assertThat(t2023.get("text").asString()).isEqualTo("50%以上");
        var a116 = api.get("/api/indicators/A1-16").json();
        assertThat(a116.get("departments").get(0).get("name").asString()).isEqualTo("市发改局");
        assertThat(a116.get("targets")).allSatisfy(t -> {
            assertThat(t.get("value").isNull()).isTrue();
            assertThat(t.get("text").asString()).isEqualTo("完成嘉兴下达任务");
        });
        var list = api.get("/api/indicators?q=" + seg("亩均")).json();
        assertThat(texts(list, "id")).containsExactlyInAnyOrder("A1-05", "A1-06", "A3-03", "A3-04");
        assertThat(api.get("/api/indicators?origin=" + seg("附件1")).json().size()).isEqualTo(17);
        assertThat(api.get("/api/indicators?origin=" + seg("附件3")).json().size()).isEqualTo(15);
    }

    @Test
    void townBreakdownShowsCityTotalAndSum() {
        var invest = api.get("/api/indicators/A3-02").json().get("towns");
        assertThat(invest.get("towns")).hasSize(8);
        assertThat(invest.get("cityTotal").asDouble()).isEqualTo(118.0);
        assertThat(invest.get("townSum").asDouble()).isEqualTo(118.0);
        assertThat(invest.get("sumMatchesTotal").asBoolean()).isTrue();
        var standards = api.get("/api/indicators/A3-10").json().get("towns");
        assertThat(standards.get("townSum").asDouble()).isEqualTo(12.0);
        assertThat(standards.get("cityTotal").asDouble()).isEqualTo(5.0);
        assertThat(standards.get("sumMatchesTotal").asBoolean()).isFalse();
        // "-" is not a number.
        var digital = api.get("/api/indicators/A3-09").json().get("towns").get("towns").get(0);
        assertThat(digital.get("town").asString()).isEqualTo("当湖街道");
        assertThat(digital.get("value").isNull()).isTrue();
        assertThat(digital.get("text").asString()).isEqualTo("-");
    }

    @Test
    void townsAndTheirTargets() {
        var towns = api.get("/api/towns").json();
        assertThat(texts(towns, "name")).containsExactly("当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇");
        var zone = api.get("/api/towns/" + seg("平湖经济技术开发区")).json();
        assertThat(zone.get("name").asString()).isEqualTo("经开区");
        JsonNode invest = StreamSupport.stream(zone.get("targets").spliterator(), false)
                .filter(t -> t.get("indicatorId").asString().equals("A3-02")).findFirst().orElseThrow();
        assertThat(invest.get("value").asDouble()).isEqualTo(41.0);
        assertThat(invest.get("department").asString()).isEqualTo("市经信局");
        assertThat(zone.get("targets")).hasSize(14);
        assertThat(api.get("/api/towns/" + seg("火星镇")).status()).isEqualTo(404);
    }
}
