package cn.clustergraph.gap;

import cn.clustergraph.gap.GapViews.Candidate;
import cn.clustergraph.gap.GapViews.ChainGaps;
import cn.clustergraph.gap.GapViews.Matrix;
import cn.clustergraph.gap.GapViews.MatrixCell;
import cn.clustergraph.gap.GapViews.MatrixRow;
import cn.clustergraph.gap.GapViews.SegmentGap;
import cn.clustergraph.gap.GapViews.Signal;
import cn.clustergraph.gap.GapViews.Thresholds;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.web.BadRequestException;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.gap.GapViews.MISSING;
import static cn.clustergraph.gap.GapViews.PRESENT;
import static cn.clustergraph.gap.GapViews.WEAK;

/**
 * Where each chain is missing links, how weak each link is, and whom to approach: statuses from the maintained segment
 * rollups, 补链/延链 signals from the supply graph, and candidates ranked by signals that can be explained.
 */
@Service
public class GapService {

    static final List<String> STAGES = List.of("上游", "中游", "下游", "配套");
    static final String NOTICE = "链图为默认假设数据；企业为样例数据（虚构）时已标注 Segment maps are assumed defaults; sample enterprises are fictional";

    private static final String INVESTMENT_TARGETS = CypherTemplate.render("""
            CALL () {
              $E
            }
            WITH name AS chain
            CALL (chain) {
              MATCH (:Chain {name: chain})<-[:PART_OF]-(s:Segment)
              WHERE $segment IS NULL OR s.id = $segment OR s.name = $segment
              WITH s, coalesce(s.gapStatus, '') AS status
              CALL (s, status) {
                WITH s, status WHERE status <> '有链' AND status <> ''
                MATCH (x:Enterprise)-[r:IN_SEGMENT]->(s) WHERE x.local = false
                WITH x, r, COUNT { (x)-[:SUPPLIES]->(:Enterprise {local: true}) } AS suppliesLocal,
                     coalesce(x.honourNames, []) AS honours
                WITH x, r, suppliesLocal, honours,
                     $wSupply * suppliesLocal + $wHonour * size(honours)
                     + $wScale * log10(1 + coalesce(x.output, 0.0))
                     + CASE WHEN coalesce(r.primary, false) THEN $wFit ELSE $wFit / 2.0 END AS score
                ORDER BY score DESC, x.id LIMIT $max
                WITH x, r, suppliesLocal, honours, score,
                     COLLECT { MATCH (x)-[:SUPPLIES]->(y:Enterprise {local: true}) RETURN DISTINCT y.name AS n ORDER BY n LIMIT 3 } AS customers
                RETURN collect({id: x.id, name: x.name, region: x.region, score: round(score, 3), suppliesLocal: suppliesLocal,
                       honours: honours, output: coalesce(x.output, 0.0), primary: coalesce(r.primary, false),
                       sample: coalesce(x.sample, false), customers: customers}) AS candidates
              }
              WITH s, status, candidates
              ORDER BY CASE s.stage WHEN '上游' THEN 1 WHEN '中游' THEN 2 WHEN '下游' THEN 3 ELSE 4 END, s.order, s.id
              RETURN collect({segmentId: s.id, segment: s.name, status: status, candidates: candidates}) AS segments
            }
            RETURN {chain: chain, segments: segments} AS row""", Cypher.raw(ChainNames.RESOLVE));

    private final ReadQueries reads;
    private final GapProperties props;
    private final GapRule rule;
    private final ChainNames chains;
    private final DataNotices notices;

    GapService(ReadQueries reads, GapProperties props, GapRule rule, ChainNames chains, DataNotices notices) {
        this.notices = notices;
        this.reads = reads;
        this.props = props;
        this.rule = rule;
        this.chains = chains;
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("strongMinLocal", props.strongMinLocal());
        p.put("strongMinOutput", props.strongMinOutput());
        return p;
    }

    Thresholds thresholds() {
        return rule.thresholds();
    }

    /** The chain's canonical name for any name {@link ChainNames} accepts, or 404. */
    String chainName(String name) {
        return chains.require(name);
    }

    /** Every chain's name, in cluster order. */
    List<String> chainNames() {
        return reads.list("MATCH (c:Chain) OPTIONAL MATCH (c)-[:PART_OF]->(cl:Cluster) RETURN c.name AS name ORDER BY cl.name, c.name",
                Map.of(), r -> r.get("name").asString());
    }

    public ChainGaps chainGaps(String nameOrAlias) {
        String chain = chainName(nameOrAlias);
        Map<String, Object> p = params();
        p.put("chain", chain);
        List<SegmentGap> segments = new ArrayList<>(reads.list("""
                        MATCH (:Chain {name: $chain})<-[:PART_OF]-(s:Segment)
                        WITH s, s.gapStatus AS status
                        RETURN s {.id, .name, .stage, .order, topLocal: s.rollupTopLocal, externalSupplyExamples: s.rollupExternalSupplyExamples,
                                  localCount: coalesce(s.rollupLocal, 0), scaleCount: coalesce(s.rollupScale, 0),
                                  localOutput: coalesce(s.rollupOutput, 0.0), honourCount: coalesce(s.rollupHonours, 0),
                                  leaderCount: coalesce(s.rollupLeaderCount, 0), externalCount: coalesce(s.rollupCandidates, 0),
                                  localSupplyLinks: coalesce(s.rollupLocalSupplyLinks, 0),
                                  externalSupplyLinks: coalesce(s.rollupExternalSupplyLinks, 0)} AS s,
                               status, s.gapReason AS reason,
                               COLLECT { MATCH (s)-[:SUPPLIES]->(d:Segment)
                                         WHERE coalesce(d.rollupLocal, 0) >= $strongMinLocal OR coalesce(d.rollupOutput, 0.0) >= $strongMinOutput
                                         RETURN d {.id, .name, .chain, topLocal: d.rollupTopLocal} ORDER BY d.id } AS strongDownstream,
                               COUNT { MATCH (s)-[:SUPPLIES]->(d:Segment) WHERE coalesce(d.rollupLocal, 0) > 0 } AS localDownstream,
                               (coalesce(s.rollupLocal, 0) >= $strongMinLocal OR coalesce(s.rollupOutput, 0.0) >= $strongMinOutput) AS strong
                        """, p,
                r -> segment(r.get("s"), r.get("status").asString(null), r.get("reason").asString(null), r.get("strongDownstream").asList(v -> v),
                        r.get("localDownstream").asLong(), r.get("strong").asBoolean())));
        segments.sort(Comparator.comparingDouble(SegmentGap::priority).reversed()
                .thenComparing(s -> STAGES.indexOf(s.stage())).thenComparing(SegmentGap::id));
        long missing = segments.stream().filter(s -> s.status().equals(MISSING)).count();
        long weak = segments.stream().filter(s -> s.status().equals(WEAK)).count();
        return new ChainGaps(chain, true, NOTICE, notices.ifAnySample(), thresholds(), missing, weak, segments.size() - missing - weak, segments);
    }

    private SegmentGap segment(Value s, String stored, String storedReason, List<Value> strongDownstream, long localDownstream, boolean strong) {
        long local = s.get("localCount").asLong();
        long scale = s.get("scaleCount").asLong();
        double output = s.get("localOutput").asDouble();
        // stored by GapRule after every rollup refresh; a segment created since (a programme reimport in progress) gets the same rule here
        String status = stored != null ? stored : rule.status(local, scale, output);
        String reason = storedReason != null ? storedReason : rule.reason(local, scale, output);
        List<Signal> signals = new ArrayList<>();
        if (!status.equals(PRESENT) && !strongDownstream.isEmpty()) {
            List<String> names = strongDownstream.stream().map(d -> d.get("chain").asString() + "·" + d.get("name").asString()).toList();
            List<String> firms = strongDownstream.stream().flatMap(d -> d.get("topLocal").isNull() ? java.util.stream.Stream.<String>empty()
                    : d.get("topLocal").asList(Value::asString).stream()).distinct().limit(6).toList();
            signals.add(new Signal("BULIAN_STRONG_DOWNSTREAM", "补链",
                    "下游环节本地较强（" + String.join("、", names) + "），本环节" + (local == 0 ? "本地无企业供应" : "本地供应薄弱")
                            + "：补链优先 Strong local downstream, weak or no local supply", names, firms));
        }
        long externalLinks = s.get("externalSupplyLinks").asLong();
        if (!status.equals(PRESENT) && externalLinks > 0) {
            List<String> examples = s.get("externalSupplyExamples").isNull() ? List.of() : s.get("externalSupplyExamples").asList(Value::asString);
            signals.add(new Signal("BULIAN_EXTERNAL_SUPPLY", "补链",
                    "本地企业从市外采购本环节产品 " + externalLinks + " 条供货关系：补链优先 Local customers are supplied from outside the city",
                    List.of(), examples));
        }
        if (status.equals(PRESENT) && strong && localDownstream == 0 && s.get("localSupplyLinks").asLong() == 0) {
            signals.add(new Signal("YANLIAN_NO_LOCAL_DOWNSTREAM", "延链",
                    "本环节本地较强，但本地无下游承接（下游环节无本地企业，本地企业也未向本地企业供货）：延链机会 Strong segment with no local downstream",
                    List.of(), s.get("topLocal").isNull() ? List.of() : s.get("topLocal").asList(Value::asString)));
        }
        double priority = switch (status) {
            case MISSING -> 3;
            case WEAK -> 2;
            default -> 0;
        } + signals.stream().mapToDouble(x -> x.label().equals("补链") ? 2 : 0.5).sum();
        return new SegmentGap(s.get("id").asString(), s.get("name").asString(), s.get("stage").asString(), status,
                reason, local, scale, output, s.get("honourCount").asLong(), s.get("leaderCount").asLong(),
                s.get("externalCount").asLong(), priority, signals);
    }

    public Matrix matrix() {
        Map<String, Object> p = params();
        List<MatrixRow> rows = new ArrayList<>(reads.list("""
                        MATCH (c:Chain)<-[:PART_OF]-(s:Segment)
                        OPTIONAL MATCH (c)-[:PART_OF]->(cl:Cluster)
                        WITH c, cl, s, s.gapStatus AS status
                        WITH c, cl, s.stage AS stage, count(s) AS segments,
                             sum(CASE WHEN status = '缺链' THEN 1 ELSE 0 END) AS missing,
                             sum(CASE WHEN status = '弱链' THEN 1 ELSE 0 END) AS weak
                        OPTIONAL MATCH (c)-[:HAS_ROLLUP]->(r:StageRollup {stage: stage})
                        WITH c, cl, collect({stage: stage, segments: segments, missing: missing, weak: weak,
                                             localCount: coalesce(r.rollupLocal, 0), localOutput: coalesce(r.rollupOutput, 0.0)}) AS cells
                        RETURN c.name AS chain, cl.name AS cluster, cells ORDER BY cluster, chain""", p,
                r -> {
                    Map<String, MatrixCell> byStage = new LinkedHashMap<>();
                    for (Value v : r.get("cells").asList(v -> v)) {
                        long segments = v.get("segments").asLong();
                        long missing = v.get("missing").asLong();
                        long weak = v.get("weak").asLong();
                        // a cell takes the worst status of its segments; the counts say how many
                        String status = missing > 0 ? MISSING : weak > 0 ? WEAK : PRESENT;
                        byStage.put(v.get("stage").asString(), new MatrixCell(v.get("stage").asString(), status, segments, missing, weak,
                                v.get("localCount").asLong(), v.get("localOutput").asDouble()));
                    }
                    List<MatrixCell> cells = STAGES.stream().map(st -> byStage.getOrDefault(st, new MatrixCell(st, null, 0, 0, 0, 0, 0))).toList();
                    return new MatrixRow(r.get("chain").asString(), r.get("cluster").asString(null), cells,
                            cells.stream().mapToLong(MatrixCell::missing).sum(), cells.stream().mapToLong(MatrixCell::weak).sum());
                }));
        return new Matrix(STAGES, thresholds(), NOTICE, notices.ifAnySample(), rows);
    }

    /**
     * Ranked non-local candidates for the gap segments of a chain (or one segment of it); one round trip, the chain's name
     * resolved inside the query ({@link ChainNames#RESOLVE}).
     */
    public GapViews.InvestmentTargets investmentTargets(String nameOrAlias, String segment) {
        Map<String, Object> p = params();
        p.put("name", nameOrAlias.strip());
        String seg = segment == null || segment.isBlank() ? null : segment.strip();
        p.put("segment", seg);
        p.put("wSupply", props.weightSupply());
        p.put("wHonour", props.weightHonour());
        p.put("wScale", props.weightScale());
        p.put("wFit", props.weightFit());
        p.put("max", props.maxCandidates());
        // every segment of the chain (or the one asked for) with its status and, for a gap, its candidates
        List<Map<String, Object>> gapSegments = new ArrayList<>();
        List<Candidate> unranked = new ArrayList<>();
        Value row = reads.one(INVESTMENT_TARGETS, p, r -> r.get("row")).orElseThrow(() -> ChainNames.notFound(nameOrAlias));
        String chain = row.get("chain").asString();
        for (Value r : row.get("segments").values()) {
            String segmentId = r.get("segmentId").asString();
            String segmentName = r.get("segment").asString();
            String status = r.get("status").asString();
            gapSegments.add(Map.of("id", segmentId, "name", segmentName, "status", status));
            for (Value x : r.get("candidates").values()) {
                long supplies = x.get("suppliesLocal").asLong();
                List<String> customers = x.get("customers").asList(Value::asString);
                List<String> honours = x.get("honours").asList(Value::asString);
                double output = x.get("output").asDouble();
                boolean primary = x.get("primary").asBoolean();
                List<String> reasons = new ArrayList<>();
                if (supplies > 0) {
                    reasons.add("已向本地企业供货 " + supplies + " 条（" + String.join("、", customers) + "）");
                }
                if (!honours.isEmpty()) {
                    reasons.add("荣誉：" + String.join("、", honours));
                }
                if (output > 0) {
                    reasons.add("产值 " + GapRule.wan(output));
                }
                reasons.add((primary ? "主营" : "兼营") + "环节：" + segmentName + "（" + status + "）");
                unranked.add(new Candidate(0, segmentId, segmentName, status, x.get("id").asString(), x.get("name").asString(),
                        x.get("region").asString(null), x.get("score").asDouble(), supplies, customers, honours, output, primary,
                        x.get("sample").asBoolean(), reasons));
            }
        }
        if (seg != null && gapSegments.isEmpty()) {
            throw BadRequestException.unknownName("segment", "产业链 " + chain + " 没有环节 " + seg + "（环节编号或名称）",
                    "Chain " + chain + " has no segment '" + seg + "' (a segment id or name)");
        }
        unranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::enterpriseId).thenComparing(Candidate::segmentId));
        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Candidate c = unranked.get(i);
            ranked.add(new Candidate(i + 1, c.segmentId(), c.segment(), c.segmentStatus(), c.enterpriseId(), c.name(), c.region(), c.score(),
                    c.suppliesLocal(), c.localCustomers(), c.honours(), c.output(), c.primarySegment(), c.sample(), c.reasons()));
        }
        List<GapViews.GapSegment> gaps = gapSegments.stream().filter(g -> !PRESENT.equals(g.get("status")) && !"".equals(g.get("status")))
                .map(g -> {
                    int n = (int) ranked.stream().filter(c -> c.segmentId().equals(g.get("id"))).count();
                    return new GapViews.GapSegment((String) g.get("id"), (String) g.get("name"), (String) g.get("status"), n,
                            n == 0 ? GapViews.NO_CANDIDATE : null);
                }).toList();
        return new GapViews.InvestmentTargets(chain, NOTICE, notices.of(ranked.stream().anyMatch(Candidate::sample)), thresholds(),
                gaps, ranked);
    }
}
