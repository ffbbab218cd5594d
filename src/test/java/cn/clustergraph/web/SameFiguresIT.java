package cn.clustergraph.web;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.clustergraph.ApiCalls.enc;
import static cn.clustergraph.ApiCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The same definition and the same number everywhere (issue 14): the document's 72 indicators (sample chain plans not
 * counted in), a chain's part of programme-wide targets as its contribution and share, every gap segment on the 招商 list,
 * and the sample banner on every answer that has sample data, under one name ({@code dataNotice}).
 */
@GraphIntegrationTest
class SameFiguresIT {

    @LocalServerPort
    int port;

    ApiCalls api() {
        return new ApiCalls(port);
    }

    @Test
    void theDocumentHas72IndicatorsAndSampleOnesAreOnlyListedWhenAskedFor() {
        List<JsonNode> document = list(api().get("/api/indicators"));
        assertThat(document).hasSize(72);
        assertThat(document).noneMatch(i -> i.get("sample").asBoolean());
        assertThat(document).extracting(i -> i.get("origin").asString()).containsOnly("附件1", "附件3", "正文");
        List<JsonNode> withSample = list(api().get("/api/indicators?sample=true"));
        assertThat(withSample).hasSize(80);
        assertThat(withSample).filteredOn(i -> i.get("sample").asBoolean()).hasSize(8)
                .allMatch(i -> i.get("origin").asString().equals("链规划(样例)"));
        assertThat(list(api().get("/api/indicators?origin=" + enc("链规划(样例)")))).hasSize(8);
    }

    @Test
    void aChainShowsItsContributionAndShareOfProgrammeWideTargets() {
        double programme = api().get("/api/targets/A1-02-2023").get("target").get("progress").get("current").asDouble();
        double sum = 0;
        for (JsonNode chain : list(api().get("/api/chains?size=200").get("items"))) {
            JsonNode view = api().get("/api/chains/" + enc(chain.get("name").asString()));
            JsonNode a102 = list(view.get("targets")).stream().filter(t -> t.get("indicatorId").asString().equals("A1-02")).findFirst().orElseThrow();
            assertThat(a102.get("scope").asString()).isEqualTo("Programme");
            assertThat(a102.get("scopeName").asString()).contains("平湖市先进制造业集群培育工程实施方案");
            assertThat(a102.get("scopeCurrent").asDouble()).isCloseTo(programme, within(0.01));
            double contribution = a102.get("chainContribution").asDouble();
            assertThat(a102.get("share").asDouble()).isCloseTo(contribution / programme, within(0.0001)).isLessThan(1.0);
            sum += contribution;
            // the chain's own (sample) plan target is the chain's: no share of anything
            list(view.get("targets")).stream().filter(t -> t.get("scope").asString().equals("Chain"))
                    .forEach(t -> assertThat(t.get("share").isNull()).isTrue());
        }
        // every programme enterprise is in some chain: the eight contributions add up to the programme's figure
        assertThat(sum).isCloseTo(programme, within(programme * 0.001));
    }

    @Test
    void theInvestmentListNamesEveryGapSegmentAlsoThoseWithoutCandidates() {
        String nev = enc("新能源汽车");
        JsonNode targets = api().get("/api/chains/" + nev + "/investment-targets");
        List<JsonNode> gaps = list(targets.get("gaps"));
        JsonNode chainGaps = api().get("/api/chains/" + nev + "/gaps");
        long gapSegments = list(chainGaps.get("segments")).stream().filter(s -> !s.get("status").asString().equals("有链")).count();
        assertThat(gaps).hasSize((int) gapSegments);
        for (String name : List.of("氢燃料电池", "电池回收利用")) {
            JsonNode g = gaps.stream().filter(x -> x.get("segment").asString().equals(name)).findFirst().orElseThrow();
            assertThat(g.get("candidates").asInt()).isZero();
            assertThat(g.get("note").asString()).contains("无登记候选企业");
        }
        String csv = new String(api().raw("/api/chains/" + nev + "/investment-targets?format=csv").body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains("无登记候选企业")).toList())
                .anyMatch(l -> l.contains("氢燃料电池")).anyMatch(l -> l.contains("电池回收利用"));
        // every gap segment appears in the export, with candidates or with the note
        for (JsonNode g : gaps) {
            assertThat(csv).contains("," + g.get("segment").asString() + ",");
        }
    }

    @Test
    void sampleAnswersCarryDataNoticeUnderOneName() {
        String nev = enc("新能源汽车");
        for (String path : List.of("/api/gaps", "/api/chains/" + nev + "/gaps", "/api/chains/" + nev + "/investment-targets",
                "/api/chains/" + nev)) {
            JsonNode answer = api().get(path);
            assertThat(answer.has("notice")).as(path).isFalse();
            assertThat(answer.get("dataNotice").get("sample").asBoolean()).as(path).isTrue();
            assertThat(answer.get("dataNotice").get("notice").asString()).as(path).contains("样例数据");
        }
        assertThat(api().get("/api/gaps").get("note").asString()).contains("链图为默认假设数据");
    }
}
