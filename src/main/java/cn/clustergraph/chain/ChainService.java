package cn.clustergraph.chain;

import cn.clustergraph.chain.ChainRecords.ChainItem;
import cn.clustergraph.chain.ChainRecords.ChainView;
import cn.clustergraph.chain.ChainRecords.ClusterItem;
import cn.clustergraph.indicator.TargetCypher;
import cn.clustergraph.indicator.TargetFeeds;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.rollup.RollupNames;
import cn.clustergraph.rollup.RollupService;
import cn.clustergraph.rollup.SegmentTopRows;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.PageResult;
import cn.clustergraph.web.Paging;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.neo4j.CypherTemplate.property;

/** Clusters, chains and the chain leader's view of one chain; one read query per request, aggregates from the rollups. */
@Service
public class ChainService {

    static final List<String> ITEM_ORDER = List.of("链长", "工作小组", "链主企业", "产业联盟", "产业发展规划", "产业基金", "产业链鱼骨图",
            "重点企业清单", "重点招商对象清单", "工作制度");

    /** The rollup map of node {@code x} (Segment, Chain or Cluster), shaped like {@link ChainRecords.Rollup}. */
    private static Expression rollup(String x) {
        return Cypher.mapOf("enterprises", Cypher.coalesce(property(x, RollupNames.ENTERPRISES), Cypher.literalOf(0)),
                "local", Cypher.coalesce(property(x, RollupNames.LOCAL), Cypher.literalOf(0)),
                "scale", Cypher.coalesce(property(x, RollupNames.SCALE), Cypher.literalOf(0)),
                "candidates", Cypher.coalesce(property(x, RollupNames.CANDIDATES), Cypher.literalOf(0)),
                "output", property(x, RollupNames.OUTPUT), "scaleOutput", property(x, RollupNames.SCALE_OUTPUT),
                "outputYear", property(x, RollupNames.OUTPUT_YEAR), "unit", Cypher.literalOf("万元"),
                "sampleEnterprises", Cypher.coalesce(property(x, RollupNames.SAMPLE), Cypher.literalOf(0)));
    }

    /** Enterprise {@code e} shaped like {@link ChainRecords.EnterpriseRef}, with its town and primary flag as given. */
    private static Expression enterprise(Expression town, Expression primary) {
        return Cypher.mapOf("id", property("e", "id"), "name", property("e", "name"), "shortName", Cypher.valueAt(property("e", "aliases"), 0),
                "local", Cypher.coalesce(property("e", "local"), Cypher.literalFalse()), "town", town, "region", property("e", "region"),
                "scale", Cypher.coalesce(property("e", "scale"), Cypher.literalFalse()),
                "chainLeader", Cypher.coalesce(property("e", "chainLeader"), Cypher.literalFalse()),
                "output", property("e", "output"), "outputYear", property("e", "outputYear"),
                "honours", Cypher.coalesce(property("e", "honourNames"), Cypher.listOf()), "primary", primary,
                "sample", Cypher.coalesce(property("e", "sample"), Cypher.literalFalse()));
    }

    private static final String CLUSTERS = CypherTemplate.render("""
            MATCH (cl:Cluster)
            WITH cl ORDER BY cl.name
            WITH collect(cl) AS everything
            CALL (everything) {
              UNWIND everything[$skip..$skip + $limit] AS cl
              RETURN collect({name: cl.name, nameEn: cl.nameEn, assumed: coalesce(cl.assumed, true), note: cl.note,
                chains: COLLECT { MATCH (ch:Chain)-[:PART_OF]->(cl) RETURN ch.name ORDER BY ch.name }, rollup: $E}) AS items
            }
            RETURN size(everything) AS total, items""", rollup("cl"));

    /** emptySegments and thinSegments: the chain's segments the gap rule calls 缺链 and 弱链 (counted on the chain by gap.GapRule). */
    private static final String CHAINS = CypherTemplate.render("""
            MATCH (ch:Chain)
            OPTIONAL MATCH (ch)-[pc:PART_OF]->(cl:Cluster)
            WITH ch, cl, pc ORDER BY coalesce(cl.name, ''), ch.name
            WITH collect([ch, cl, pc]) AS everything
            CALL (everything) {
              UNWIND everything[$skip..$skip + $limit] AS row
              WITH row[0] AS ch, row[1] AS cl, row[2] AS pc
              RETURN collect({name: ch.name, nameEn: ch.nameEn, aliases: coalesce(ch.aliases, []), cluster: cl.name,
                clusterAssumed: coalesce(pc.assumed, ch.clusterAssumed, true), stated: coalesce(ch.stated, false),
                segments: COUNT { (s:Segment)-[:PART_OF]->(ch) },
                emptySegments: coalesce($E, 0),
                thinSegments: coalesce($E, 0),
                chainLeaders: coalesce($E, 0),
                rollup: $E}) AS items
            }
            RETURN size(everything) AS total, items""", property("ch", RollupNames.GAP_MISSING), property("ch", RollupNames.GAP_WEAK),
            property("ch", RollupNames.LEADERS), rollup("ch"));

    /** The view of the chain {@code $name} names ({@link ChainNames}' rule as its first subquery: one round trip). */
    private static final String VIEW = CypherTemplate.render("""
            CALL () {
              $E
            }
            WITH name AS resolvedChain, $E AS fresh
            MATCH (ch:Chain {name: resolvedChain})
            OPTIONAL MATCH (ch)-[pc:PART_OF]->(cl:Cluster)
            CALL (ch, fresh) {
              MATCH (s:Segment)-[:PART_OF]->(ch)
              CALL (s, fresh) {
                WITH s WHERE fresh
                RETURN coalesce($E, [])[0..$top] AS localRows, coalesce($E, [])[0..$top] AS candidateRows, null AS enterprises, null AS candidates
                UNION
                WITH s WHERE NOT fresh
                RETURN null AS localRows, null AS candidateRows, $E AS enterprises, $E AS candidates
              }
              WITH s, localRows, candidateRows, enterprises, candidates
              ORDER BY CASE s.stage WHEN '上游' THEN 1 WHEN '中游' THEN 2 WHEN '下游' THEN 3 ELSE 4 END, s.order, s.id
              RETURN collect({id: s.id, name: s.name, stage: s.stage, order: s.order, assumed: coalesce(s.assumed, true),
                status: $E, statusReason: $E,
                coverage: CASE $E WHEN '缺链' THEN 'none' WHEN '弱链' THEN 'thin' ELSE 'covered' END,
                rollup: $E,
                enterprises: enterprises, candidates: candidates, localRows: localRows, candidateRows: candidateRows}) AS segments
            }
            WITH ch, cl, pc, segments, COLLECT { WITH coalesce($E, []) AS hn, $E AS hy, $E AS hc
                UNWIND range(0, size(hn) - 1) AS k
                WITH hn[k] AS name, collect([hy[k], hc[k]]) AS years
                RETURN [name, years] } AS honourYears
            CALL (ch, cl, honourYears) {
              CALL (ch, cl) {
                MATCH (i:Indicator)-[:SUMS_OUTPUT_OF]->(ch) RETURN i
                UNION MATCH (i:Indicator)-[:SUMS_OUTPUT_OF]->(cl) RETURN i
                UNION MATCH (i:Indicator)-[:SUMS_OUTPUT_OF]->(:Programme) RETURN i
                UNION MATCH (i:Indicator)-[:COUNTS_HONOUR]->(:Honour) RETURN i
              }
              OPTIONAL MATCH (i)-[so:SUMS_OUTPUT_OF]->(x)
              OPTIONAL MATCH (i)-[chr:COUNTS_HONOUR]->(h:Honour)
              WITH ch, i, x, so, chr, h, $E AS factor, $E AS scaleOutput, $E AS output,
                   coalesce([g IN honourYears WHERE g[0] = h.name][0][1], []) AS years
              WITH ch, i, x, CASE
                  WHEN x IS NOT NULL THEN (CASE WHEN so.scaleOnly THEN scaleOutput ELSE output END) / factor
                  WHEN h IS NOT NULL THEN toFloat(reduce(n = 0, y IN years | n + CASE
                      WHEN $E THEN y[1] ELSE 0 END))
                END AS chainContribution
              CALL (i) {
                MATCH (i)-[:HAS_TARGET]->(t:Target) WHERE coalesce(t.primary, true) AND t.town IS NULL
                WITH i, t ORDER BY t.year, t.id
            $E
                RETURN collect($E) AS targets
              }
              WITH ch, i, x, chainContribution, targets
              ORDER BY CASE WHEN x = ch THEN 0 WHEN x IS NOT NULL THEN 1 ELSE 2 END, i.id
              RETURN collect({indicatorId: i.id, name: i.name, unit: i.unit, origin: i.origin,
                scope: CASE WHEN x IS NULL THEN 'Honour' ELSE labels(x)[0] END, chainContribution: chainContribution,
                sample: coalesce(i.sample, false), targets: targets}) AS targets
            }
            RETURN {name: ch.name, nameEn: ch.nameEn, aliases: coalesce(ch.aliases, []), stated: coalesce(ch.stated, false),
              cluster: CASE WHEN cl IS NULL THEN null ELSE {name: cl.name, nameEn: cl.nameEn, assumed: coalesce(pc.assumed, cl.assumed, true)} END,
              clusterAssumed: coalesce(pc.assumed, ch.clusterAssumed, true),
              rollup: $E,
              segments: segments,
              chainLeaders: COLLECT { MATCH (e:Enterprise) WHERE e.chainLeader = true
                  AND EXISTS { (e)-[:IN_SEGMENT {primary: true}]->(:Segment)-[:PART_OF]->(ch) }
                  WITH e ORDER BY e.outputRank DESC, e.id RETURN $E },
              items: COLLECT { MATCH (ch)-[:HAS_ITEM]->(it:ChainItem)
                  WITH it ORDER BY coalesce([k IN range(0, size($itemOrder) - 1) WHERE $itemOrder[k] = it.item][0], 99)
                  RETURN {item: it.item, value: it.value, status: it.status, assumed: coalesce(it.assumed, true), note: it.note} },
              servedBy: COLLECT { MATCH (x)-[sv:SERVES]->(ch) WITH x, sv ORDER BY labels(x)[0], x.id
                  RETURN {kind: labels(x)[0], id: x.id, name: x.name, assumed: coalesce(sv.assumed, true), note: sv.note} },
              hostPlatforms: COLLECT { WITH coalesce($E, []) AS ps, $E AS pn
                  UNWIND range(0, size(ps) - 1) AS k
                  MATCH (p:Platform {id: ps[k]}) WITH p, k, pn ORDER BY k
                  RETURN {id: p.id, name: p.name, enterprises: pn[k]} },
              tasks: COLLECT {
                  CALL (ch) {
                    MATCH (t:Task)-[:CONCERNS]->(ch) RETURN t, 'names the chain' AS via, {code: 'chain', name: null, assumed: false} AS link
                    UNION MATCH (t:Task)-[:CONCERNS]->(s:Segment)-[:PART_OF]->(ch)
                          RETURN t, 'names segment ' + s.name AS via, {code: 'segment', name: s.name, assumed: false} AS link
                    UNION MATCH (t:Task)-[:CONCERNS]->(x)-[sv:SERVES]->(ch)
                          RETURN t, 'names ' + x.name + ', which serves the chain' + CASE WHEN sv.assumed THEN ' (assumed)' ELSE '' END AS via,
                                 {code: 'serves', name: x.name, assumed: coalesce(sv.assumed, false)} AS link
                  }
                  WITH t, collect(via) AS via, collect(link) AS links ORDER BY t.no
                  RETURN {no: t.no, name: t.name, content: t.content, lead: COLLECT { MATCH (t)-[:LED_BY]->(d:Department) RETURN d.name }[0],
                          coOwners: COLLECT { MATCH (t)-[r:CO_OWNED_BY]->(d:Department) WITH d, r ORDER BY r.order RETURN d.name }, via: via, links: links} },
              honours: COLLECT { UNWIND honourYears AS g
                  WITH g[0] AS name, reduce(n = 0, y IN g[1] | n + coalesce(y[1], 0)) AS n
                  MATCH (h:Honour {name: name})
                  WITH h, n ORDER BY n DESC, h.name
                  RETURN {name: h.name, level: h.level, enterprises: n} },
              targets: targets} AS chain""",
            Cypher.raw(ChainNames.RESOLVE), Cypher.raw(RollupService.FRESH),
            property("s", RollupNames.TOP_LOCAL_ROWS), property("s", RollupNames.TOP_CANDIDATE_ROWS),
            Cypher.raw(SegmentTopRows.rows("coalesce(s." + RollupNames.TOP_LOCAL_IDS + ", [])[0..$top]")),
            Cypher.raw(SegmentTopRows.rows("coalesce(s." + RollupNames.TOP_CANDIDATE_IDS + ", [])[0..$top]")),
            property("s", RollupNames.GAP_STATUS), property("s", RollupNames.GAP_REASON), property("s", RollupNames.GAP_STATUS), rollup("s"),
            property("ch", RollupNames.HONOUR_NAMES), property("ch", RollupNames.HONOUR_YEARS), property("ch", RollupNames.HONOUR_COUNTS),
            TargetFeeds.factor(), property("ch", RollupNames.SCALE_OUTPUT), property("ch", RollupNames.OUTPUT),
            TargetFeeds.awardCounts("chr", "y[0]"),
            Cypher.raw(TargetCypher.PROGRESS), Cypher.raw(TargetCypher.ITEM),
            rollup("ch"),
            enterprise(Cypher.raw("COLLECT { MATCH (e)-[:LOCATED_IN]->(tw:Town) RETURN tw.name }[0]"), Cypher.literalNull()),
            property("ch", RollupNames.PLATFORMS), property("ch", RollupNames.PLATFORM_COUNTS));

    private final ReadQueries reads;
    private final ChainNames names;
    private final JsonMapper json;
    private final DataNotices notices;
    private final Paging.Settings paging;

    ChainService(ReadQueries reads, ChainNames names, JsonMapper json, DataNotices notices, Paging.Settings paging) {
        this.reads = reads;
        this.names = names;
        this.json = json;
        this.notices = notices;
        this.paging = paging;
    }

    /**
     * A segment of the view with its top lists: the rows stored by the rollup refresh when the rollups were fresh (then
     * {@code localRows} / {@code candidateRows} are set), else the rows the query built live.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withTopRows(Object segment) {
        Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) segment);
        Object local = s.remove("localRows");
        Object candidates = s.remove("candidateRows");
        if (local != null) {
            s.put("enterprises", ((List<String>) local).stream().map(ChainService::topRow).toList());
            s.put("candidates", ((List<String>) candidates).stream().map(ChainService::topRow).toList());
        }
        return s;
    }

    private static ChainRecords.EnterpriseRef topRow(String stored) {
        SegmentTopRows.Row r = SegmentTopRows.decode(stored);
        return new ChainRecords.EnterpriseRef(r.id(), r.name(), r.shortName(), r.local(), r.town(), r.region(), r.scale(), r.chainLeader(),
                r.output(), r.outputYear(), r.honours(), r.primary(), r.sample());
    }

    public PageResult<ClusterItem> clusters(Integer page, Integer size) {
        Paging p = Paging.of(page, size, paging);
        Map<String, Object> row = reads.one(CLUSTERS, Map.of("skip", p.skip(), "limit", p.size())).orElseThrow();
        List<ClusterItem> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        long total = ((Number) row.get("total")).longValue();
        return new PageResult<>(items, p.page(), p.size(), total, p.skip() + items.size() < total,
                notices.of(items.stream().anyMatch(c -> c.rollup().sampleEnterprises() > 0)));
    }

    public PageResult<ChainItem> chains(Integer page, Integer size) {
        Paging p = Paging.of(page, size, paging);
        Map<String, Object> row = reads.one(CHAINS, Map.of("skip", p.skip(), "limit", p.size())).orElseThrow();
        List<ChainItem> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        long total = ((Number) row.get("total")).longValue();
        return new PageResult<>(items, p.page(), p.size(), total, p.skip() + items.size() < total,
                notices.of(items.stream().anyMatch(c -> c.rollup().sampleEnterprises() > 0)));
    }

    /** The chain's canonical name for any name {@link ChainNames} accepts, or a 404. */
    public String name(String name) {
        return names.require(name);
    }

    /** The chain leader's view; {@code top} enterprises per segment (1–50). */
    public ChainView chain(String key, Integer top) {
        if (top != null && (top < 1 || top > 50)) {
            throw new BadRequestException("top", "top 须在 1 到 50 之间，不能是 " + top, "top must be between 1 and 50, not " + top);
        }
        int n = top == null ? 10 : top;
        Map<String, Object> row = reads.one(VIEW, Map.of("name", key.strip(), "top", n, "itemOrder", ITEM_ORDER))
                .orElseThrow(() -> ChainNames.notFound(key));
        @SuppressWarnings("unchecked") Map<String, Object> chain = new LinkedHashMap<>((Map<String, Object>) row.get("chain"));
        chain.put("segments", ((List<?>) chain.get("segments")).stream().map(ChainService::withTopRows).toList());
        ChainView view = json.convertValue(chain, ChainView.class);
        boolean sample = view.rollup().sampleEnterprises() > 0 || view.targets().stream().anyMatch(t -> t.sample()
                || t.targets().stream().anyMatch(x -> x.progress() != null && x.progress().sample()));
        return new ChainView(view.name(), view.nameEn(), view.aliases(), view.stated(), view.cluster(), view.clusterAssumed(), view.rollup(),
                view.segments(), view.chainLeaders(), view.items(), view.servedBy(), view.hostPlatforms(), view.tasks(), view.honours(),
                view.targets().stream().map(ChainRecords.ChainTarget::withShare).toList(), notices.of(sample));
    }
}
