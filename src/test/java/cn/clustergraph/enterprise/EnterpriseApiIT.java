package cn.clustergraph.enterprise;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.clustergraph.ApiCalls.enc;
import static cn.clustergraph.ApiCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Enterprise lists, one enterprise, and the targets it feeds with their paths — against the sample files. */
@GraphIntegrationTest
class EnterpriseApiIT {

    static final String GIANT = "913304820LY35U8CXR";      // 平湖德沃光学膜科技股份有限公司: 小巨人 2024, MEM-M01
    static final String TWO_CHAINS = "913304823TLQKP9E9R"; // 平湖通越汽车部件有限公司: NEV-M02 and CNC-M01
    static final String CANDIDATE = "911101088X89BKMG7J";  // 北京兴联高分子科技有限公司, not local

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    ApiCalls api;
    final SampleFiles sample = SampleFiles.load();

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }


    @Test
    void filtersMatchTheSampleFiles() {
        long nev = sample.enterprises.values().stream().filter(e -> sample.chainsOf(e).contains("新能源汽车")).count();
        assertThat(api.get("/api/enterprises?chain=" + enc("新能源汽车")).get("total").asLong()).isEqualTo(nev);
        assertThat(api.get("/api/enterprises?chain=" + enc("新能源车")).get("total").asLong()).isEqualTo(nev);
        assertThat(api.get("/api/enterprises?segment=NEV-M02").get("total").asLong())
                .isEqualTo(sample.enterprises.values().stream().filter(e -> e.segments().contains("NEV-M02")).count());
        assertThat(api.get("/api/enterprises?town=" + enc("独山港")).get("total").asLong())
                .isEqualTo(sample.enterprises.values().stream().filter(e -> e.town().equals("独山港区")).count());
        assertThat(api.get("/api/enterprises?honour=" + enc("小巨人")).get("total").asLong())
                .isEqualTo(sample.honours.values().stream().filter(h -> h.containsKey("专精特新“小巨人”")).count());
        assertThat(api.get("/api/enterprises?platform=P-AUTOPARK&local=true").get("total").asLong())
                .isEqualTo(sample.enterprises.values().stream().filter(e -> e.platforms().contains("P-AUTOPARK")).count());
        assertThat(api.get("/api/enterprises?local=false&size=5").get("total").asLong()).isEqualTo(60);
        JsonNode combined = api.get("/api/enterprises?chain=" + enc("高档数控机床") + "&town=" + enc("新埭镇") + "&honour=" + enc("高新技术企业"));
        assertThat(combined.get("total").asLong()).isEqualTo(sample.enterprises.values().stream()
                .filter(e -> sample.chainsOf(e).contains("高档数控机床") && e.town().equals("新埭镇")
                        && sample.honours.getOrDefault(e.id(), Map.of()).containsKey("高新技术企业")).count());
        JsonNode byShortName = api.get("/api/enterprises?q=" + enc("德沃光学膜"));
        assertThat(byShortName.get("items").get(0).get("id").asString()).isEqualTo(GIANT);
        assertThat(api.get("/api/enterprises?q=" + GIANT).get("total").asLong()).isEqualTo(1);
        assertThat(byShortName.get("dataNotice").get("sample").asBoolean()).isTrue();
    }

    /**
     * A chain's pages are read between the maintained bookmarks (RollupService.RANK_MARKS). The sample's chains are shorter
     * than one bookmark interval, so this test stores a bookmark every 7 positions of the chain's list (taken from the list
     * itself) and checks every page of several sizes — pages starting and ending between bookmarks, crossing several, inside
     * the tie group of enterprises without output, past the end — equals the page read from the first bookmark alone.
     */
    @Test
    void everyPageOfAChainBetweenDenseBookmarksEqualsThePageFromTheStart() {
        String chain = "新能源汽车";
        int[] sizes = {1, 3, 7, 50};
        List<JsonNode> expected = new ArrayList<>();
        for (int size : sizes) {
            for (int page = 0; page * size <= 160; page++) {
                expected.add(api.get("/api/enterprises?chain=" + enc(chain) + "&size=" + size + "&page=" + page));
            }
        }
        List<JsonNode> all = list(api.get("/api/enterprises?chain=" + enc(chain) + "&size=200").get("items"));
        assertThat(all.size()).isGreaterThan(50).isLessThan(160);
        assertThat(all.getLast().get("output").isNull()).as("the list ends with enterprises without output (a tie group)").isTrue();
        List<Double> ranks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 7) {
            ranks.add(all.get(i).get("output").isNull() ? -1.0 : all.get(i).get("output").asDouble());
            ids.add(all.get(i).get("id").asString());
        }
        String set = "MATCH (c:Chain {name: $chain}) SET c.rollupRankEvery = $every, c.rollupRankMarkRanks = $ranks, c.rollupRankMarkIds = $ids";
        try (var session = driver.session()) {
            var before = session.run("MATCH (c:Chain {name: $chain}) RETURN c.rollupRankEvery AS every, c.rollupRankMarkRanks AS ranks, "
                    + "c.rollupRankMarkIds AS ids", Map.of("chain", chain)).single().asMap();
            try {
                session.run(set, Map.of("chain", chain, "every", 7, "ranks", ranks, "ids", ids)).consume();
                int i = 0;
                for (int size : sizes) {
                    for (int page = 0; page * size <= 160; page++) {
                        JsonNode dense = api.get("/api/enterprises?chain=" + enc(chain) + "&size=" + size + "&page=" + page);
                        assertThat(dense).as("size %d page %d", size, page).isEqualTo(expected.get(i++));
                    }
                }
            } finally {
                session.run(set, Map.of("chain", chain, "every", before.get("every"), "ranks", before.get("ranks"), "ids", before.get("ids"))).consume();
            }
        }
    }

    @Test
    void listsArePaginatedByOutputThenId() {
        JsonNode first = api.get("/api/enterprises?size=20");
        JsonNode second = api.get("/api/enterprises?size=20&page=1");
        assertThat(first.get("total").asLong()).isEqualTo(480 + 3); // the sample and the three enterprises the document names
        Set<String> ids = new HashSet<>();
        list(first.get("items")).forEach(e -> ids.add(e.get("id").asString()));
        list(second.get("items")).forEach(e -> assertThat(ids.add(e.get("id").asString())).isTrue());
        double last = Double.MAX_VALUE;
        for (JsonNode e : List.of(first.get("items"), second.get("items")).stream().flatMap(a -> list(a).stream()).toList()) {
            assertThat(e.get("output").asDouble()).isLessThanOrEqualTo(last);
            last = e.get("output").asDouble();
        }
        assertThat(api.get("/api/enterprises?size=200").get("size").asInt()).isEqualTo(200);
        assertThat(api.raw("/api/enterprises?size=999").statusCode()).isEqualTo(400);
        assertThat(api.raw("/api/enterprises?size=0").statusCode()).isEqualTo(400);
    }

    @Test
    void oneEnterpriseByCodeOrShortName() {
        JsonNode e = api.get("/api/enterprises/" + enc("德沃光学膜"));
        assertThat(e.get("id").asString()).isEqualTo(GIANT);
        assertThat(e.get("creditCode").asString()).isEqualTo(GIANT);
        assertThat(e.get("town").asString()).isEqualTo("独山港区");
        assertThat(list(e.get("figures")).stream().map(f -> f.get("year").asLong()).toList()).containsExactly(2022L, 2023L, 2024L);
        assertThat(e.get("output").asDouble()).isEqualTo(sample.latestOutput(GIANT));
        assertThat(list(e.get("honours")).stream().map(h -> h.get("name").asString() + "@" + h.get("year").asLong()).toList())
                .containsExactlyInAnyOrder("高新技术企业@2016", "省级专精特新中小企业@2023", "专精特新“小巨人”@2024");
        assertThat(e.get("suppliers").get("total").asLong()).isEqualTo(sample.supplyLinks.stream().filter(l -> l[1].equals(GIANT)).count());
        assertThat(e.get("customers").get("total").asLong()).isEqualTo(sample.supplyLinks.stream().filter(l -> l[0].equals(GIANT)).count());
        assertThat(e.get("sample").asBoolean()).isTrue();
        assertThat(e.get("dataset").asString()).isEqualTo("sample-register");
        assertThat(e.get("dataNotice").get("notice").asString()).isEqualTo("样例数据（虚构）Sample data (fictional)");
        assertThat(api.raw("/api/enterprises/913304820LY35U8CXX").statusCode()).isEqualTo(404);
    }

    @Test
    void targetsAnEnterpriseFeedsWithThePath() {
        JsonNode t = api.get("/api/enterprises/" + GIANT + "/targets");
        double output = sample.latestOutput(GIANT);
        JsonNode giant = list(t.get("feeds")).stream().filter(f -> f.get("indicatorId").asString().equals("G-LITTLEGIANT")).findFirst().orElseThrow();
        assertThat(giant.get("rule").asString()).isEqualTo("counts-honour");
        assertThat(giant.get("contribution").asDouble()).isEqualTo(1.0);
        assertThat(giant.get("assumed").asBoolean()).isTrue();
        assertThat(list(giant.get("paths").get(0).get("steps")).stream().map(s -> s.get("kind").asString() + ":" + s.get("id").asString()).toList())
                .containsExactly("Enterprise:" + GIANT, "Honour:专精特新“小巨人”", "Indicator:G-LITTLEGIANT");
        assertThat(giant.get("paths").get(0).get("steps").get(1).get("year").asLong()).isEqualTo(2024);
        JsonNode main = list(giant.get("targets")).stream().filter(x -> x.get("id").asString().equals("G-LITTLEGIANT-2027-MAIN")).findFirst().orElseThrow();
        assertThat(main.get("counts").asBoolean()).isTrue();
        assertThat(main.get("shareOfTarget").asDouble()).isCloseTo(1 / 20.0, within(1e-12));

        JsonNode a102 = list(t.get("feeds")).stream().filter(f -> f.get("indicatorId").asString().equals("A1-02")).findFirst().orElseThrow();
        assertThat(a102.get("contribution").asDouble()).isCloseTo(output / 10000, within(1e-12));
        assertThat(list(a102.get("paths").get(0).get("steps")).stream().map(s -> s.get("kind").asString() + ":" + s.get("id").asString()).toList())
                .containsExactly("Enterprise:" + GIANT, "Segment:MEM-M01", "Chain:功能性膜材料", "Cluster:新材料", "Programme:PH-2023-38", "Indicator:A1-02");
        assertThat(a102.get("paths").get(0).get("steps").get(3).get("assumed").asBoolean()).isTrue();
        JsonNode plan = list(t.get("feeds")).stream().filter(f -> f.get("indicatorId").asString().equals("S-MEM-OUTPUT")).findFirst().orElseThrow();
        assertThat(plan.get("contribution").asDouble()).isCloseTo(output / 10000, within(1e-12));
        assertThat(t.get("dataNotice").get("sample").asBoolean()).isTrue();
    }

    @Test
    void anEnterpriseInTwoChainsIsSplitNotDoubleCounted() {
        JsonNode t = api.get("/api/enterprises/" + TWO_CHAINS + "/targets");
        double output = sample.latestOutput(TWO_CHAINS);
        JsonNode a102 = list(t.get("feeds")).stream().filter(f -> f.get("indicatorId").asString().equals("A1-02")).findFirst().orElseThrow();
        assertThat(a102.get("paths")).hasSize(2);
        assertThat(list(a102.get("paths")).stream().mapToDouble(p -> p.get("share").asDouble()).sum()).isEqualTo(1.0);
        assertThat(a102.get("contribution").asDouble()).isCloseTo(output / 10000, within(1e-12));
        for (String plan : List.of("S-NEV-OUTPUT", "S-CNC-OUTPUT")) {
            JsonNode f = list(t.get("feeds")).stream().filter(x -> x.get("indicatorId").asString().equals(plan)).findFirst().orElseThrow();
            assertThat(f.get("contribution").asDouble()).as(plan).isCloseTo(output / 2 / 10000, within(1e-12));
        }
    }

    @Test
    void aCandidateElsewhereFeedsNothing() {
        JsonNode t = api.get("/api/enterprises/" + CANDIDATE + "/targets");
        assertThat(t.get("local").asBoolean()).isFalse();
        assertThat(list(t.get("feeds"))).allMatch(f -> f.get("contribution").asDouble() == 0.0);
        assertThat(t.get("notes").get(0).asString()).contains("招商候选");
        JsonNode e = api.get("/api/enterprises/" + CANDIDATE);
        assertThat(e.get("region").asString()).isEqualTo("北京市海淀区");
        assertThat(e.get("town").isNull()).isTrue();
    }
}
