package cn.clustergraph.indicator;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.ApiCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Target progress and contributors, computed independently from the sample files. */
@GraphIntegrationTest
class TargetApiIT {

    @LocalServerPort
    int port;
    ApiCalls api;
    final SampleFiles sample = SampleFiles.load();

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }


    @Test
    void contributorsOfTheClusterOutputTargetSumToTheIndependentRollup() {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page;
        int p = 0;
        do {
            page = api.get("/api/targets/A1-02-2027/contributors?size=200&page=" + p++);
            all.addAll(list(page.get("items")));
        } while (page.get("hasNext").asBoolean());
        // independent: every local 规上 enterprise on a chain, latest year's output, once (万元 → 亿元)
        double expected = sample.scaleOutputTotal() / 10000;
        long expectedCount = sample.enterprises.values().stream()
                .filter(e -> e.local() && e.scale() && !e.segments().isEmpty() && sample.latestOutput(e.id()) != null).count();
        assertThat(all).hasSize((int) expectedCount);
        assertThat(page.get("total").asLong()).isEqualTo(expectedCount);
        assertThat(all.stream().mapToDouble(c -> c.get("contribution").asDouble()).sum()).isCloseTo(expected, within(1e-6));
        // the same total as the chain rollups (split rule: chains add up) and as the target's progress
        double chains = sample.chainCluster.keySet().stream()
                .mapToDouble(ch -> sample.enterprises.values().stream().mapToDouble(e -> sample.chainShare(e, ch)).sum()).sum() / 10000;
        assertThat(chains).isCloseTo(expected, within(1e-6));
        JsonNode progress = page.get("target").get("progress");
        assertThat(progress.get("current").asDouble()).isCloseTo(expected, within(1e-6));
        assertThat(expected).isCloseTo(2261.07859, within(1e-6));
        assertThat(progress.get("met").asBoolean()).isFalse();
        assertThat(progress.get("ratio").asDouble()).isCloseTo(expected / 2800, within(1e-9));
        assertThat(progress.get("assumed").asBoolean()).isTrue();
        // ranked by contribution, ranks continuous
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).get("contribution").asDouble()).isGreaterThanOrEqualTo(all.get(i).get("contribution").asDouble());
            assertThat(all.get(i).get("rank").asLong()).isEqualTo(i + 1);
        }
        assertThat(all.getFirst().get("id").asString()).isEqualTo("91330482YD2PTN7Y57");
        assertThat(page.get("unit").asString()).isEqualTo("亿元");
        assertThat(page.get("dataNotice").get("sample").asBoolean()).isTrue();
        // an indicator id resolves to its primary latest target
        assertThat(api.get("/api/targets/A1-02/contributors?size=1").get("target").get("id").asString()).isEqualTo("A1-02-2027");
    }

    @Test
    void progressPerYearOfTheOutputTarget() {
        JsonNode t = api.get("/api/targets?indicator=A1-02&primary=true");
        assertThat(list(t.get("items")).stream().map(x -> x.get("id").asString()).toList())
                .containsExactly("A1-02-2023", "A1-02-2025", "A1-02-2027");
        JsonNode y2023 = t.get("items").get(0).get("progress");
        assertThat(y2023.get("met").asBoolean()).isTrue();
        double reported2023 = sample.enterprises.values().stream().filter(e -> e.local() && e.scale() && !e.segments().isEmpty())
                .mapToDouble(e -> sample.output.getOrDefault(e.id(), Map.of()).getOrDefault(2023, 0.0)).sum() / 10000;
        assertThat(y2023.get("forYear").asDouble()).isCloseTo(reported2023, within(1e-6));
        assertThat(y2023.get("asOfYear").asLong()).isEqualTo(2024);
        assertThat(t.get("items").get(1).get("progress").get("forYear").isNull()).isTrue();
    }

    @Test
    void honourCountsCountEachLocalEnterpriseOnce() {
        long giants = sample.localWithHonour("专精特新“小巨人”");
        JsonNode c = api.get("/api/targets/G-LITTLEGIANT-2027-MAIN/contributors?size=200");
        assertThat(c.get("total").asLong()).isEqualTo(giants);
        assertThat(list(c.get("items"))).allMatch(x -> x.get("contribution").asDouble() == 1.0);
        assertThat(c.get("target").get("progress").get("current").asDouble()).isEqualTo((double) giants);
        assertThat(c.get("target").get("progress").get("ratio").asDouble()).isCloseTo(giants / 20.0, within(1e-9));
        assertThat(c.get("unit").asString()).isEqualTo("家");
        // 品字标: A1-13 counts only certifications from 2023 (正文 “新增”); A3-11 per town and year
        JsonNode a113 = api.get("/api/targets/A1-13-2023").get("target").get("progress");
        assertThat(a113.get("fromYear").asLong()).isEqualTo(2023);
        assertThat(a113.get("current").asDouble()).isEqualTo(7.0);
        assertThat(a113.get("forYear").asDouble()).isEqualTo(4.0);
        assertThat(api.get("/api/targets/A3-11-" + ApiCalls.enc("独山港区")).get("target").get("progress").get("current").asDouble()).isEqualTo(2.0);
        JsonNode none = api.get("/api/targets/A3-11-" + ApiCalls.enc("经开区") + "/contributors");
        assertThat(none.get("target").get("progress").get("current").asDouble()).isEqualTo(0.0);
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("items")).isEmpty();
        JsonNode dushan = api.get("/api/targets/A3-11-" + ApiCalls.enc("独山港区") + "/contributors");
        assertThat(list(dushan.get("items")).stream().map(x -> x.get("id").asString()).toList())
                .containsExactlyInAnyOrder("913304821NU0058P5A", "91330482KJ5RB7EN5B");
        // 世界500强: A1-03
        JsonNode a103 = api.get("/api/targets/A1-03-2027").get("target");
        assertThat(a103.get("progress").get("current").asDouble()).isEqualTo((double) sample.localWithHonour("世界500强投资企业"));
    }

    @Test
    void listsAreFilteredPaginatedAndCapped() {
        JsonNode measured = api.get("/api/targets?measured=true&size=200");
        assertThat(measured.get("size").asInt()).isEqualTo(200);
        var tooLarge = api.raw("/api/targets?measured=true&size=500");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(api.json(tooLarge.body()).get("field").asString()).isEqualTo("size");
        assertThat(api.json(tooLarge.body()).get("zh").asString()).contains("最大为 200");
        assertThat(list(measured.get("items"))).allMatch(t -> !t.get("progress").isNull());
        JsonNode unmeasured = api.get("/api/targets?indicator=A1-01");
        assertThat(list(unmeasured.get("items"))).allMatch(t -> t.get("progress").isNull());
        assertThat(unmeasured.get("dataNotice").isNull()).isTrue();
        JsonNode plan = api.get("/api/targets/S-NEV-OUTPUT-2027");
        assertThat(plan.get("target").get("origin").asString()).isEqualTo("链规划(样例)");
        assertThat(plan.get("target").get("sample").asBoolean()).isTrue();
        assertThat(plan.get("dataNotice").get("sample").asBoolean()).isTrue();
        assertThat(api.raw("/api/targets?page=-1").statusCode()).isEqualTo(400);
        assertThat(api.raw("/api/targets/NO-SUCH/contributors").statusCode()).isEqualTo(404);
    }
}
