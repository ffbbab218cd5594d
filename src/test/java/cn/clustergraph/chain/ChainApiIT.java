package cn.clustergraph.chain;

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

import static cn.clustergraph.ApiCalls.enc;
import static cn.clustergraph.ApiCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The chain leader's view and the cluster/chain lists, checked against the chain map and the sample files. */
@GraphIntegrationTest
class ChainApiIT {

    @LocalServerPort
    int port;
    ApiCalls api;
    final SampleFiles sample = SampleFiles.load();

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }


    @Test
    void opticalCommunicationChainView() {
        JsonNode v = api.get("/api/chains/" + enc("光电通信") + "?top=50");
        assertThat(v.get("name").asString()).isEqualTo("光电通信");
        assertThat(v.get("stated").asBoolean()).isTrue();
        assertThat(v.get("cluster").get("name").asString()).isEqualTo("数字经济");
        assertThat(v.get("cluster").get("assumed").asBoolean()).isTrue();
        assertThat(v.get("clusterAssumed").asBoolean()).isTrue();

        // segments: the default map of segments.csv, upstream to downstream, each flagged assumed
        assertThat(list(v.get("segments")).stream().map(s -> s.get("id").asString()).toList()).containsExactly(
                "OPT-U01", "OPT-U02", "OPT-U03", "OPT-U04", "OPT-U05", "OPT-U06",
                "OPT-M01", "OPT-M02", "OPT-M03", "OPT-M04", "OPT-M05", "OPT-D01", "OPT-D02", "OPT-D03");
        assertThat(list(v.get("segments"))).allMatch(s -> s.get("assumed").asBoolean());
        // each segment's status is the gap rule's, the same as GET /api/chains/{name}/gaps
        Map<String, JsonNode> gaps = new java.util.HashMap<>();
        list(api.get("/api/chains/" + enc("光电通信") + "/gaps").get("segments")).forEach(g -> gaps.put(g.get("id").asString(), g));
        for (JsonNode s : list(v.get("segments"))) {
            String id = s.get("id").asString();
            long local = sample.enterprises.values().stream().filter(e -> e.local() && e.segments().contains(id)).count();
            assertThat(s.get("rollup").get("local").asLong()).as(id).isEqualTo(local);
            assertThat(s.get("enterprises")).as(id).hasSize((int) Math.min(local, 50));
            String status = gaps.get(id).get("status").asString();
            assertThat(s.get("status").asString()).as(id).isEqualTo(status);
            assertThat(s.get("statusReason").asString()).as(id).isEqualTo(gaps.get(id).get("reason").asString());
            assertThat(s.get("coverage").asString()).as(id).isEqualTo(Map.of("缺链", "none", "弱链", "thin", "有链", "covered").get(status));
        }
        JsonNode fibre = list(v.get("segments")).stream().filter(s -> s.get("id").asString().equals("OPT-U06")).findFirst().orElseThrow();
        assertThat(fibre.get("name").asString()).isEqualTo("光纤预制棒");
        assertThat(fibre.get("coverage").asString()).isEqualTo("none");
        assertThat(fibre.get("status").asString()).isEqualTo("缺链");
        JsonNode chips = list(v.get("segments")).stream().filter(s -> s.get("id").asString().equals("OPT-U01")).findFirst().orElseThrow();
        assertThat(chips.get("coverage").asString()).isEqualTo("thin");
        assertThat(chips.get("status").asString()).isEqualTo("弱链");
        assertThat(chips.get("statusReason").asString()).contains("本地企业 1 家，少于 3 家");
        // enterprises of a segment: output, honours, largest first
        JsonNode modules = list(v.get("segments")).stream().filter(s -> s.get("id").asString().equals("OPT-U03")).findFirst().orElseThrow();
        JsonNode top = modules.get("enterprises").get(0);
        assertThat(top.get("id").asString()).isEqualTo("91330482YK26BJ810Y");
        assertThat(top.get("name").asString()).isEqualTo("浙江弘宇光学科技股份有限公司");
        assertThat(top.get("output").asDouble()).isEqualTo(sample.latestOutput("91330482YK26BJ810Y"));
        assertThat(list(top.get("honours")).stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrderElementsOf(sample.honours.get("91330482YK26BJ810Y").keySet());

        // 链主, 十个一, who serves the chain, tasks with lead department
        assertThat(list(v.get("chainLeaders")).stream().map(e -> e.get("id").asString()).toList()).containsExactly("91330482YK26BJ810Y");
        assertThat(v.get("items")).hasSize(10);
        JsonNode alliance = list(v.get("items")).stream().filter(i -> i.get("item").asString().equals("产业联盟")).findFirst().orElseThrow();
        assertThat(alliance.get("value").asString()).isEqualTo("光电产业联盟");
        assertThat(alliance.get("status").asString()).isEqualTo("已知");
        assertThat(list(v.get("servedBy")).stream().map(s -> s.get("id").asString()).toList()).contains("I-OE-ALLIANCE", "I-SJTU-IOE");
        Map<Long, JsonNode> tasks = new java.util.HashMap<>();
        list(v.get("tasks")).forEach(t -> tasks.put(t.get("no").asLong(), t));
        assertThat(tasks.get(42L).get("lead").asString()).isEqualTo("市经信局");
        assertThat(list(tasks.get(42L).get("coOwners")).stream().map(JsonNode::asString).toList()).containsExactly("市发改局", "市科技局");
        assertThat(tasks.get(24L).get("lead").asString()).isEqualTo("市经信局");
        assertThat(tasks.get(24L).get("via").get(0).asString()).contains("光电产业联盟");
        assertThat(tasks.get(44L).get("lead").asString()).isEqualTo("市科技局");

        // the chain's output: each local 规上 enterprise once, split equally over the chains it is in
        double chainOutput = sample.enterprises.values().stream().mapToDouble(e -> sample.chainShare(e, "光电通信")).sum();
        assertThat(v.get("rollup").get("scaleOutput").asDouble()).isCloseTo(chainOutput, within(1e-6));
        assertThat(v.get("rollup").get("local").asLong()).isEqualTo(sample.enterprises.values().stream()
                .filter(e -> e.local() && sample.chainsOf(e).contains("光电通信")).count());

        // targets: the chain plan (sample) first, then the programme total it feeds, then honour counts
        List<JsonNode> targets = list(v.get("targets"));
        JsonNode plan = targets.getFirst();
        assertThat(plan.get("indicatorId").asString()).isEqualTo("S-OPT-OUTPUT");
        assertThat(plan.get("scope").asString()).isEqualTo("Chain");
        assertThat(plan.get("sample").asBoolean()).isTrue();
        assertThat(list(plan.get("targets")).stream().map(t -> t.get("year").asLong() + "=" + t.get("value").asLong()).toList())
                .containsExactly("2025=315", "2027=420");
        assertThat(plan.get("targets").get(0).get("progress").get("current").asDouble()).isCloseTo(chainOutput / 10000, within(1e-9));
        JsonNode a102 = targets.stream().filter(t -> t.get("indicatorId").asString().equals("A1-02")).findFirst().orElseThrow();
        assertThat(a102.get("scope").asString()).isEqualTo("Programme");
        assertThat(a102.get("chainContribution").asDouble()).isCloseTo(chainOutput / 10000, within(1e-9));
        assertThat(a102.get("targets").get(2).get("progress").get("current").asDouble())
                .isCloseTo(sample.scaleOutputTotal() / 10000, within(1e-6));
        JsonNode giants = targets.stream().filter(t -> t.get("indicatorId").asString().equals("G-LITTLEGIANT")).findFirst().orElseThrow();
        assertThat(giants.get("chainContribution").asLong()).isEqualTo(sample.enterprises.values().stream()
                .filter(e -> e.local() && sample.chainsOf(e).contains("光电通信")
                        && sample.honours.getOrDefault(e.id(), Map.of()).containsKey("专精特新“小巨人”")).count());

        assertThat(v.get("dataNotice").get("sample").asBoolean()).isTrue();
        assertThat(v.get("dataNotice").get("notice").asString()).isEqualTo("样例数据（虚构）Sample data (fictional)");
    }

    @Test
    void everyChainEndpointAcceptsTheSameNames() {
        // Chinese name, alias, English name in any letter case: one resolver (ChainNames) behind every endpoint
        for (String name : List.of("新能源汽车", "新能源车", "New energy vehicles", "NEW ENERGY VEHICLES", "new energy vehicles")) {
            assertThat(api.get("/api/chains/" + seg(name)).get("name").asString()).as(name).isEqualTo("新能源汽车");
            JsonNode gaps = api.get("/api/chains/" + seg(name) + "/gaps");
            assertThat(gaps.get("chain").asString()).as(name).isEqualTo("新能源汽车");
            assertThat(gaps.get("missing").asLong()).isEqualTo(1);
            assertThat(gaps.get("weak").asLong()).isEqualTo(3);
            assertThat(api.get("/api/chains/" + seg(name) + "/investment-targets").get("chain").asString()).as(name).isEqualTo("新能源汽车");
            assertThat(api.get("/api/graph/supplies?chain=" + enc(name)).get("chain").asString()).as(name).isEqualTo("新能源汽车");
            JsonNode enterprises = api.get("/api/enterprises?size=5&chain=" + enc(name));
            assertThat(enterprises.get("total").asLong()).as(name).isEqualTo(sample.enterprises.values().stream()
                    .filter(e -> sample.chainsOf(e).contains("新能源汽车")).count());
            assertThat(list(enterprises.get("items"))).allMatch(e -> list(e.get("chains")).stream().anyMatch(c -> c.asString().equals("新能源汽车")));
            // a second filter takes the composed query, not the chain's maintained order: the same chain rule
            JsonNode local = api.get("/api/enterprises?size=5&local=true&chain=" + enc(name));
            assertThat(local.get("total").asLong()).as(name).isEqualTo(sample.enterprises.values().stream()
                    .filter(e -> e.local() && sample.chainsOf(e).contains("新能源汽车")).count());
        }
        assertThat(api.raw("/api/chains/" + seg("No such chain") + "/gaps").statusCode()).isEqualTo(404);
        assertThat(api.raw("/api/chains/" + seg("No such chain") + "/investment-targets").statusCode()).isEqualTo(404);
        assertThat(api.raw("/api/graph/supplies?chain=" + enc("No such chain")).statusCode()).isEqualTo(404);
    }

    /** A path segment: percent-encoded, a space as %20 (not the form encoding's +). */
    static String seg(String s) {
        return enc(s).replace("+", "%20");
    }

    @Test
    void chainsResolveByAliasAndEnglishNameAndUnknownIs404() {
        assertThat(api.get("/api/chains/C3").get("name").asString()).isEqualTo("C3及关联产品");
        assertThat(api.get("/api/chains/" + enc("工业母机")).get("name").asString()).isEqualTo("高档数控机床");
        assertThat(api.get("/api/chains/Aerospace").get("name").asString()).isEqualTo("航空航天");
        var r = api.raw("/api/chains/" + enc("不存在的链"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void electronicChemicalsHasNoChainLeaderAndEveryChainHasAGap() {
        JsonNode chains = api.get("/api/chains");
        assertThat(chains.get("total").asLong()).isEqualTo(8);
        for (JsonNode c : list(chains.get("items"))) {
            // the list counts the chain's 缺链 and 弱链 segments as the gap rule calls them (GET /api/chains/{name}/gaps)
            JsonNode gaps = api.get("/api/chains/" + enc(c.get("name").asString()) + "/gaps");
            assertThat(c.get("emptySegments").asLong()).as(c.get("name").asString()).isEqualTo(gaps.get("missing").asLong()).isEqualTo(1);
            assertThat(c.get("thinSegments").asLong()).as(c.get("name").asString()).isEqualTo(gaps.get("weak").asLong()).isGreaterThanOrEqualTo(1);
            if (c.get("name").asString().equals("新能源汽车")) {
                assertThat(c.get("thinSegments").asLong()).isEqualTo(3);
            }
            assertThat(c.get("chainLeaders").asLong()).isEqualTo(c.get("name").asString().equals("电子化学品") ? 0 : 1);
            assertThat(c.get("clusterAssumed").asBoolean()).isTrue();
        }
        assertThat(api.get("/api/chains/" + enc("电子化学品")).get("chainLeaders")).isEmpty();
    }

    @Test
    void clusterAndChainOutputsAddUpToTheProgrammeTotal() {
        double total = sample.scaleOutputTotal();
        JsonNode clusters = api.get("/api/clusters");
        assertThat(clusters.get("total").asLong()).isEqualTo(4);
        assertThat(list(clusters.get("items"))).allMatch(c -> c.get("assumed").asBoolean());
        assertThat(list(clusters.get("items")).stream().mapToDouble(c -> c.get("rollup").get("scaleOutput").asDouble()).sum())
                .isCloseTo(total, within(1e-4));
        List<Double> chainOutputs = new ArrayList<>();
        list(api.get("/api/chains").get("items")).forEach(c -> chainOutputs.add(c.get("rollup").get("scaleOutput").asDouble()));
        assertThat(chainOutputs.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(total, within(1e-4));
        JsonNode page = api.get("/api/chains?page=1&size=3");
        assertThat(page.get("items")).hasSize(3);
        assertThat(page.get("hasNext").asBoolean()).isTrue();
        assertThat(clusters.get("dataNotice").get("sample").asBoolean()).isTrue();
    }
}
