package cn.clustergraph.enterprise;

import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseDetail;
import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseItem;
import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseTargets;
import cn.clustergraph.enterprise.EnterpriseRecords.Feed;
import cn.clustergraph.enterprise.EnterpriseRecords.FeedPath;
import cn.clustergraph.enterprise.EnterpriseRecords.PathStep;
import cn.clustergraph.enterprise.EnterpriseRecords.TargetShare;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.indicator.TargetFeeds;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.rollup.RollupNames;
import cn.clustergraph.search.Lucene;
import cn.clustergraph.web.NotFoundException;
import cn.clustergraph.web.PageResult;
import cn.clustergraph.web.Paging;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.Where;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static cn.clustergraph.neo4j.CypherTemplate.property;

/** The enterprise register's read model: filtered ranked lists, one enterprise, and the targets it feeds. */
@Service
public class EnterpriseService {

    /** Filters; the anchor (where the match starts) is chosen in Java from the most selective filter given. */
    public record Filter(String chain, String segment, String town, String platform, String honour, Boolean local, Boolean sample, String q) {
    }

    private static final Node E = Cypher.node("Enterprise").named("e");
    private static final SymbolicName TOWN = Cypher.name("town");

    /** Enterprise {@code e}'s segments as [id, name, chain], primary first: one walk over its memberships for a list item. */
    private static final Expression SEGMENTS = Cypher.raw("COLLECT { MATCH (e)-[m:IN_SEGMENT]->(s:Segment) RETURN [s.id, s.name, s.chain] ORDER BY m.primary DESC, s.id }");
    private static final SymbolicName SEGS = Cypher.name("segs");

    /** One list item of enterprise {@code e} with {@code town} and {@code segs} ({@link #SEGMENTS}) bound, shaped like {@link EnterpriseItem}. */
    private static final Expression ITEM = Cypher.mapOf("id", E.property("id"), "name", E.property("name"),
            "shortName", Cypher.valueAt(E.property("aliases"), 0), "aliases", Cypher.coalesce(E.property("aliases"), Cypher.listOf()),
            "local", Cypher.coalesce(E.property("local"), Cypher.literalFalse()), "town", Cypher.property(TOWN, "name"),
            "region", E.property("region"), "scale", Cypher.coalesce(E.property("scale"), Cypher.literalFalse()),
            "chainLeader", Cypher.coalesce(E.property("chainLeader"), Cypher.literalFalse()),
            "output", E.property("output"), "outputYear", E.property("outputYear"),
            "segments", Cypher.raw("[x IN segs | x[0]]"),
            "segmentNames", Cypher.raw("[x IN segs | x[1]]"),
            "chains", Cypher.raw("COLLECT { UNWIND segs AS x WITH DISTINCT x[2] AS c ORDER BY c RETURN c }"),
            "honours", Cypher.coalesce(E.property("honourNames"), Cypher.listOf()),
            "platforms", Cypher.raw("COLLECT { MATCH (e)-[:ON_PLATFORM]->(p:Platform) RETURN p.id ORDER BY p.id }"),
            "sample", Cypher.coalesce(E.property("sample"), Cypher.literalFalse()), "dataset", E.property("dataset"));

    /** {@code $key}: a credit code, else an exact name, else an exact alias (the largest enterprise if several share it). */
    private static final String RESOLVE = """
            CALL () {
              MATCH (e:Enterprise {id: $key}) RETURN e, 0 AS p
              UNION MATCH (e:Enterprise {name: $key}) RETURN e, 1 AS p
              UNION CALL db.index.fulltext.queryNodes('name_search', $lucene, {limit: 50}) YIELD node
                    WHERE node:Enterprise AND $key IN node.aliases RETURN node AS e, 2 AS p
            }
            WITH e ORDER BY p, e.outputRank DESC, e.id LIMIT 1
            """;

    private static final String DETAIL = CypherTemplate.render("""
            $E
            OPTIONAL MATCH (e)-[:LOCATED_IN]->(town:Town)
            RETURN {id: e.id, creditCode: coalesce(e.creditCode, e.id), name: e.name, aliases: coalesce(e.aliases, []),
              local: coalesce(e.local, false), town: town.name, region: e.region, scale: coalesce(e.scale, false),
              chainLeader: coalesce(e.chainLeader, false), output: e.output, outputYear: e.outputYear, unit: '万元',
              figures: COLLECT { MATCH (e)-[:REPORTED]->(f:Figure) RETURN f {.year, .output, .revenue} ORDER BY f.year },
              segments: COLLECT { MATCH (e)-[m:IN_SEGMENT]->(s:Segment)
                  RETURN {id: s.id, name: s.name, chain: s.chain, stage: s.stage, primary: coalesce(m.primary, false), share: m.share,
                          assumed: coalesce(s.assumed, true)} ORDER BY m.primary DESC, s.id },
              honours: COLLECT { MATCH (e)-[r:HAS_HONOUR]->(h:Honour) RETURN {name: h.name, level: h.level, year: r.year} ORDER BY r.year, h.name },
              platforms: COLLECT { MATCH (e)-[:ON_PLATFORM]->(p:Platform) RETURN p {.id, .name} ORDER BY p.id },
              suppliers: {total: COUNT { (e)<-[:SUPPLIES]-(:Enterprise) }, top: COLLECT {
                  MATCH (e)<-[x:SUPPLIES]-(o:Enterprise) OPTIONAL MATCH (o)-[:LOCATED_IN]->(ot:Town)
                  RETURN {id: o.id, name: o.name, local: coalesce(o.local, false), town: ot.name, region: o.region, segment: x.segment,
                          product: x.product, output: o.output, sample: coalesce(o.sample, false)}
                  ORDER BY o.outputRank DESC, o.id LIMIT $top }},
              customers: {total: COUNT { (e)-[:SUPPLIES]->(:Enterprise) }, top: COLLECT {
                  MATCH (e)-[x:SUPPLIES]->(o:Enterprise) OPTIONAL MATCH (o)-[:LOCATED_IN]->(ot:Town)
                  RETURN {id: o.id, name: o.name, local: coalesce(o.local, false), town: ot.name, region: o.region, segment: x.segment,
                          product: x.product, output: o.output, sample: coalesce(o.sample, false)}
                  ORDER BY o.outputRank DESC, o.id LIMIT $top }},
              stated: coalesce(e.stated, false), sample: coalesce(e.sample, false), dataset: e.dataset} AS enterprise""", Cypher.raw(RESOLVE));

    private static final String TARGETS = CypherTemplate.render("""
            $E
            OPTIONAL MATCH (e)-[:LOCATED_IN]->(town:Town)
            CALL (e) {
              MATCH (e)-[m:IN_SEGMENT]->(s:Segment)-[:PART_OF]->(ch:Chain)
              OPTIONAL MATCH (ch)-[pc:PART_OF]->(cl:Cluster)
              OPTIONAL MATCH (cl)-[:PART_OF]->(p:Programme)
              // narrowed to this path's own nodes first (cheap identity tests), then the rule (TargetFeeds.IN_SCOPE)
              MATCH (i:Indicator)-[so:SUMS_OUTPUT_OF]->(x) WHERE (x = s OR x = ch OR x = cl OR x = p) AND $E
              RETURN collect({indicatorId: i.id, indicatorName: i.name, unit: i.unit, assumed: coalesce(so.assumed, false),
                scaleOnly: coalesce(so.scaleOnly, false), share: m.share, counts: $E, factor: $E,
                steps: [{kind: 'Enterprise', id: e.id, name: e.name}, {kind: 'Segment', id: s.id, name: s.name, assumed: true}]
                  + CASE WHEN x = s THEN [] ELSE [{kind: 'Chain', id: ch.name, name: ch.name}] END
                  + CASE WHEN x = cl OR x = p THEN [{kind: 'Cluster', id: cl.name, name: cl.name, assumed: coalesce(pc.assumed, true)}] ELSE [] END
                  + CASE WHEN x = p THEN [{kind: 'Programme', id: p.id, name: p.title}] ELSE [] END
                  + [{kind: 'Indicator', id: i.id, name: i.name, assumed: coalesce(so.assumed, false)}]}) AS output
            }
            CALL (e) {
              MATCH (e)-[r:HAS_HONOUR]->(h:Honour)<-[c:COUNTS_HONOUR]-(i:Indicator)
              RETURN collect({indicatorId: i.id, indicatorName: i.name, unit: i.unit, assumed: coalesce(c.assumed, false),
                honour: h.name, honourYear: r.year, fromYear: c.fromYear, counts: $E,
                countsFor: COLLECT { MATCH (i)-[:HAS_TARGET]->(t:Target) WHERE $E AND $E AND $E RETURN t.id },
                steps: [{kind: 'Enterprise', id: e.id, name: e.name}, {kind: 'Honour', id: h.name, name: h.name, year: r.year},
                        {kind: 'Indicator', id: i.id, name: i.name, assumed: coalesce(c.assumed, false)}]}) AS honours
            }
            WITH e, town, output, honours, [x IN output | x.indicatorId] + [x IN honours | x.indicatorId] AS ids
            CALL (ids) {
              MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target) WHERE i.id IN ids AND coalesce(t.primary, true)
              RETURN collect({indicatorId: i.id, id: t.id, year: t.year, value: t.value, comparator: t.comparator, period: t.period,
                              town: t.town}) AS targets
            }
            RETURN {id: e.id, name: e.name, local: coalesce(e.local, false), scale: coalesce(e.scale, false), output: e.output,
                    outputYear: e.outputYear, town: town.name, sample: coalesce(e.sample, false)} AS enterprise,
                   output, honours, targets""", Cypher.raw(RESOLVE), TargetFeeds.inScope(), TargetFeeds.outputCounts(), TargetFeeds.factor(),
            TargetFeeds.honourCounts(), TargetFeeds.honourCounts(), TargetFeeds.honourInTarget(), TargetFeeds.honourByTargetYear());

    private final ReadQueries reads;
    private final ChainNames chains;
    private final JsonMapper json;
    private final DataNotices notices;
    private final Paging.Settings paging;

    EnterpriseService(ReadQueries reads, ChainNames chains, JsonMapper json, DataNotices notices, Paging.Settings paging) {
        this.reads = reads;
        this.chains = chains;
        this.json = json;
        this.notices = notices;
        this.paging = paging;
    }

    public PageResult<EnterpriseItem> list(Filter f, Integer page, Integer size) {
        Paging p = Paging.of(page, size, paging);
        Map<String, Object> params = new HashMap<>();
        String chain = blank(f.chain());
        if (chain != null && Stream.of(f.segment(), f.town(), f.platform(), f.honour(), f.q()).allMatch(x -> blank(x) == null)
                && f.local() == null && f.sample() == null) {
            // the hot case, a chain's list alone: the name is resolved inside the page's own query (one round trip)
            PageResult<EnterpriseItem> ranked = chainPage(chain, p);
            if (ranked != null) {
                return ranked;
            }
        }
        params.put("chain", chain == null ? null : chains.resolve(chain).orElseThrow(() -> BadRequestException.unknownName("chain",
                "没有名为 " + chain + " 的产业链（名称、别名或英文名，见 GET /api/chains）",
                "No chain named '" + chain + "' (a chain name, alias or English name; see GET /api/chains)")));
        params.put("segment", blank(f.segment()));
        params.put("town", blank(f.town()));
        params.put("platform", blank(f.platform()));
        params.put("honour", blank(f.honour()));
        requireKnown(params, "segment", "Segment", true, "环节", "segment");
        requireKnown(params, "town", "Town", false, "镇（街道）", "town");
        requireKnown(params, "platform", "Platform", true, "平台", "platform");
        requireKnown(params, "honour", "Honour", false, "荣誉", "honour");
        params.put("local", f.local());
        params.put("sample", f.sample());
        String q = blank(f.q());
        params.put("q", q);
        params.put("lucene", q == null ? null : Lucene.escape(q));
        params.put("skip", p.skip());
        params.put("limit", p.size());
        List<String> given = Stream.of("chain", "segment", "town", "platform", "honour", "local", "sample", "q")
                .filter(k -> params.get(k) != null).toList();
        String cypher = listQuery(params, q);
        Map<String, Object> row = reads.one(cypher, params).orElseThrow();
        List<EnterpriseItem> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        long total = ((Number) row.get("total")).longValue();
        return new PageResult<>(items, p.page(), p.size(), total, p.skip() + items.size() < total,
                notices.of(items.stream().anyMatch(EnterpriseItem::sample)));
    }

    /**
     * The list query for the filters given (null ones left out), composed with Cypher-DSL. Counted from the most selective
     * anchor; paged either by sorting that anchor (small sets: honour, segment, platform, text) or by walking the output
     * index and filtering (big sets: a town, a chain, everything) — no sort of a large set.
     */
    static String listQuery(Map<String, Object> params, String q) {
        boolean code = q != null && q.matches("[0-9A-Z]{6,18}");
        boolean walkIndex = params.get("honour") == null && params.get("segment") == null && params.get("platform") == null
                && (q == null || (q.length() < 2 && !code));
        Condition filters = Cypher.noCondition();
        if (params.get("local") != null) {
            filters = filters.and(E.property("local").isEqualTo(Cypher.parameter("local")));
        }
        if (params.get("sample") != null) {
            filters = filters.and(Cypher.coalesce(E.property("sample"), Cypher.literalFalse()).isEqualTo(Cypher.parameter("sample")));
        }
        if (q != null) {
            SymbolicName a = Cypher.name("a");
            filters = filters.and(E.property("id").startsWith(Cypher.parameter("q"))
                    .or(E.property("name").contains(Cypher.parameter("q")))
                    .or(Cypher.any(a).in(Cypher.coalesce(E.property("aliases"), Cypher.listOf())).where(a.contains(Cypher.parameter("q")))));
        }
        // the filters' nodes are named apart from the anchor's (f…), so each keeps its label when both are in one query
        if (params.get("chain") != null) {
            filters = filters.and(Cypher.exists(List.of(E.relationshipTo(Cypher.node("Segment"), "IN_SEGMENT")
                    .relationshipTo(chain("fc"), "PART_OF")), null));
        }
        if (params.get("segment") != null) {
            Node fs = Cypher.node("Segment").named("fs");
            filters = filters.and(Cypher.exists(List.of(E.relationshipTo(fs, "IN_SEGMENT")), Where.from(byIdNameOrAlias(fs, "segment"))));
        }
        if (params.get("town") != null) {
            Node ftw = Cypher.node("Town").named("ftw");
            filters = filters.and(Cypher.exists(List.of(E.relationshipTo(ftw, "LOCATED_IN")), Where.from(byNameOrAlias(ftw, "town"))));
        }
        if (params.get("platform") != null) {
            Node fpl = Cypher.node("Platform").named("fpl");
            filters = filters.and(Cypher.exists(List.of(E.relationshipTo(fpl, "ON_PLATFORM")), Where.from(byIdNameOrAlias(fpl, "platform"))));
        }
        if (params.get("honour") != null) {
            Node fh = Cypher.node("Honour").named("fh");
            filters = filters.and(Cypher.exists(List.of(E.relationshipTo(fh, "HAS_HONOUR")), Where.from(byNameOrAlias(fh, "honour"))));
        }
        Node segment = Cypher.node("Segment").named("s");
        Node town = Cypher.node("Town").named("tw");
        Node platform = Cypher.node("Platform").named("pl");
        Node honour = Cypher.node("Honour").named("h");
        // a builder is consumed by building: the anchor is made afresh for the count and for the page
        Supplier<StatementBuilder.OngoingReading> anchor;
        if (code) {
            anchor = () -> Cypher.match(E).where(E.property("id").startsWith(Cypher.parameter("q")));
        } else if (params.get("honour") != null) {
            anchor = () -> Cypher.match(honour).where(byNameOrAlias(honour, "honour")).match(honour.relationshipFrom(E, "HAS_HONOUR"));
        } else if (params.get("segment") != null) {
            anchor = () -> Cypher.match(segment).where(byIdNameOrAlias(segment, "segment")).match(segment.relationshipFrom(E, "IN_SEGMENT"));
        } else if (params.get("platform") != null) {
            anchor = () -> Cypher.match(platform).where(byIdNameOrAlias(platform, "platform")).match(platform.relationshipFrom(E, "ON_PLATFORM"));
        } else if (q != null && q.length() >= 2) {
            anchor = () -> Cypher.call("db.index.fulltext.queryNodes")
                    .withArgs(Cypher.literalOf("name_search"), Cypher.parameter("lucene"), Cypher.mapOf("limit", Cypher.literalOf(5000)))
                    .yield("node").where(Cypher.anyNode("node").hasLabels("Enterprise")).with(Cypher.name("node").as("e"));
        } else if (params.get("town") != null) {
            anchor = () -> Cypher.match(town).where(byNameOrAlias(town, "town")).match(town.relationshipFrom(E, "LOCATED_IN"));
        } else if (params.get("chain") != null) {
            anchor = () -> Cypher.match(chain("c").relationshipFrom(Cypher.node("Segment"), "PART_OF").relationshipFrom(E, "IN_SEGMENT"));
        } else {
            anchor = () -> byOutput();
        }
        boolean any = params.get("chain") != null || params.get("segment") != null || params.get("town") != null
                || params.get("platform") != null || params.get("honour") != null || params.get("local") != null
                || params.get("sample") != null || q != null;
        // every enterprise has an outputRank (the rollup refresh sets missing ones), so the count store gives the same total in O(1)
        Statement counted = any ? anchor.get().withDistinct(E).where(filters).returning(Cypher.count(E).as("total")).build()
                : Cypher.match(E).returning(Cypher.count(E).as("total")).build();
        StatementBuilder.OrderableOngoingReadingAndWithWithWhere paged = walkIndex ? byOutput().with(E).where(filters)
                : anchor.get().withDistinct(E).where(filters);
        Statement page = paged.with(E).orderBy(E.property("outputRank").descending(), E.property("id").ascending())
                .skip(Cypher.parameter("skip")).limit(Cypher.parameter("limit"))
                .optionalMatch(E.relationshipTo(Cypher.node("Town").named(TOWN), "LOCATED_IN"))
                .with(E, TOWN, SEGMENTS.as(SEGS))
                .returning(Cypher.collect(ITEM).as("items")).build();
        return CypherTemplate.render(Cypher.call(counted).call(page).returning(Cypher.name("total"), Cypher.name("items")).build());
    }

    /** The chain named {@code $chain} (already resolved by {@link ChainNames}). */
    private static Node chain(String variable) {
        return Cypher.node("Chain").named(variable).withProperties("name", Cypher.parameter("chain"));
    }

    /** {@code node} has the name of parameter {@code param} or it among its aliases. */
    private static Condition byNameOrAlias(Node node, String param) {
        return node.property("name").isEqualTo(Cypher.parameter(param)).or(Cypher.parameter(param).in(node.property("aliases")));
    }

    /**
     * A filter naming something that does not exist is refused (400 "/problems/unknown-name" naming the parameter), matched
     * by the same condition the filter uses, so an unknown name never reads as "no enterprises".
     */
    private void requireKnown(Map<String, Object> params, String param, String label, boolean byId, String zh, String en) {
        Object value = params.get(param);
        if (value == null) {
            return;
        }
        Node x = Cypher.node(label).named("x");
        String cypher = Cypher.match(x).where(byId ? byIdNameOrAlias(x, param) : byNameOrAlias(x, param))
                .returning(Cypher.count(x).gt(Cypher.literalOf(0)).as("found")).build().getCypher();
        boolean found = reads.one(cypher, Map.of(param, value), r -> r.get("found").asBoolean()).orElse(false);
        if (!found) {
            throw BadRequestException.unknownName(param, "没有这个" + zh + "：" + value + (byId ? "（编号、名称或别名）" : "（名称或别名）"),
                    "No " + en + " '" + value + "'" + (byId ? " (an id, name or alias)" : " (a name or alias)"));
        }
    }

    /** {@code node} has the id or name of parameter {@code param}, or it among its aliases. */
    private static Condition byIdNameOrAlias(Node node, String param) {
        return node.property("id").isEqualTo(Cypher.parameter(param)).or(byNameOrAlias(node, param));
    }

    /** Every enterprise in the order of the output index (every enterprise has an outputRank). */
    private static StatementBuilder.OngoingReadingWithWhere byOutput() {
        return Cypher.match(E).usingIndex(E.property("outputRank")).where(E.property("outputRank").gte(Cypher.literalOf(-1.0)));
    }

    /**
     * One page of a chain's list from the maintained order (RollupService.RANK_MARKS, a bookmark every
     * {@code rollupRankEvery} positions): the rows lie between the bookmark at or before the page and the one at or after
     * its end, so three seeks of the (outputRank, id) index read only that stretch (same rank as the first bookmark from its
     * id on; ranks strictly between; the end bookmark's rank before its id) instead of everything before the page or a whole
     * tie group (the enterprises without output all share outputRank -1). Total from {@code rollupRankTotal}.
     */
    private static final String CHAIN_PAGE = CypherTemplate.render("""
            CALL () {
              $E
            }
            MATCH (c:Chain {name: name})
            WITH c, toInteger($skip / $E) AS k, toInteger(($skip + $limit + $E - 1) / $E) AS j
            WITH c.name AS chain, $E AS total, $skip - k * $E AS offset, $E[k] AS rank,
                 $E[k] AS id, $E[j] AS endRank, $E[j] AS endId
            CALL (chain, offset, rank, id, endRank, endId) {
              CALL (rank, id, endRank, endId) {
                MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank, id)
                WHERE e.outputRank = rank AND e.id >= id AND e.id < CASE WHEN endRank = rank THEN endId ELSE $lastId END
                RETURN e
                UNION
                MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank)
                WHERE e.outputRank < rank AND e.outputRank > coalesce(endRank, -2.0)
                RETURN e
                UNION
                MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank, id)
                WHERE e.outputRank = endRank AND e.id < endId AND e.id >= CASE WHEN endRank = rank THEN id ELSE '' END
                RETURN e
              }
              WITH e WHERE EXISTS { (e)-[:IN_SEGMENT]->(s:Segment) WHERE s.chain = chain }
              WITH e ORDER BY e.outputRank DESC, e.id
              WITH collect(e)[offset..offset + $limit] AS page
              UNWIND page AS e
              OPTIONAL MATCH (e)-[:LOCATED_IN]->(town:Town)
              WITH e, town, $E AS segs
              RETURN collect($E) AS items
            }
            RETURN total, items""", Cypher.raw(ChainNames.RESOLVE), property("c", RollupNames.RANK_EVERY), property("c", RollupNames.RANK_EVERY), property("c", RollupNames.RANK_EVERY),
            property("c", RollupNames.RANK_TOTAL), property("c", RollupNames.RANK_EVERY), property("c", RollupNames.RANK_MARK_RANKS),
            property("c", RollupNames.RANK_MARK_IDS), property("c", RollupNames.RANK_MARK_RANKS), property("c", RollupNames.RANK_MARK_IDS), SEGMENTS, ITEM);

    /** Greater than every enterprise id (credit codes, DOC-…): the open end of a chain page's first seek. */
    private static final String LAST_ID = "\uffff";

    /**
     * A chain's list (no other filter) from the maintained order: any page costs about the same as the first. Null when
     * the chain is unknown or has no bookmarks yet (then the general query answers).
     */
    private PageResult<EnterpriseItem> chainPage(String chain, Paging p) {
        Map<String, Object> row = reads.one(CHAIN_PAGE, Map.of("name", chain, "skip", p.skip(), "limit", p.size(), "lastId", LAST_ID)).orElse(null);
        if (row == null || row.get("total") == null) {
            return null;
        }
        long total = ((Number) row.get("total")).longValue();
        List<EnterpriseItem> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        return new PageResult<>(items, p.page(), p.size(), total, p.skip() + items.size() < total,
                notices.of(items.stream().anyMatch(EnterpriseItem::sample)));
    }

    public EnterpriseDetail get(String key) {
        Map<String, Object> row = reads.one(DETAIL, Map.of("key", key.strip(), "lucene", Lucene.escape(key), "top", 20))
                .orElseThrow(() -> notFound(key));
        @SuppressWarnings("unchecked") Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) row.get("enterprise"));
        boolean sample = Boolean.TRUE.equals(e.get("sample"));
        e.put("dataNotice", notices.of(sample));
        return json.convertValue(e, EnterpriseDetail.class);
    }

    /** Every target the enterprise feeds, how much, and along which path. */
    @SuppressWarnings("unchecked")
    public EnterpriseTargets targets(String key) {
        Map<String, Object> row = reads.one(TARGETS, Map.of("key", key.strip(), "lucene", Lucene.escape(key)))
                .orElseThrow(() -> notFound(key));
        Map<String, Object> e = (Map<String, Object>) row.get("enterprise");
        boolean local = Boolean.TRUE.equals(e.get("local"));
        boolean scale = Boolean.TRUE.equals(e.get("scale"));
        Double output = e.get("output") == null ? null : ((Number) e.get("output")).doubleValue();
        String town = (String) e.get("town");
        List<String> notes = new ArrayList<>();
        if (!local) {
            notes.add("招商候选（非本地）: a candidate elsewhere feeds no Pinghu target until it is located in Pinghu");
        }
        if (output == null) {
            notes.add("no output (产值) reported: feeds no output target");
        }
        Map<String, List<Map<String, Object>>> targetsByIndicator = new HashMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) row.get("targets")) {
            targetsByIndicator.computeIfAbsent((String) t.get("indicatorId"), k -> new ArrayList<>()).add(t);
        }
        Map<String, Feed> feeds = new LinkedHashMap<>();
        // output: the shares of the paths under one indicator add up (split rule); contribution in the indicator's unit
        Map<String, List<Map<String, Object>>> outputByIndicator = new LinkedHashMap<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) row.get("output")) {
            outputByIndicator.computeIfAbsent((String) x.get("indicatorId"), k -> new ArrayList<>()).add(x);
        }
        for (var entry : outputByIndicator.entrySet()) {
            Map<String, Object> first = entry.getValue().getFirst();
            String unit = (String) first.get("unit");
            // whether it counts and the unit factor are TargetFeeds' rule, evaluated in the query
            double factor = ((Number) first.get("factor")).doubleValue();
            boolean scaleOnly = Boolean.TRUE.equals(first.get("scaleOnly"));
            double share = entry.getValue().stream().mapToDouble(x -> ((Number) x.get("share")).doubleValue()).sum();
            boolean counts = Boolean.TRUE.equals(first.get("counts"));
            Double contribution = counts ? output * share / factor : 0.0;
            List<FeedPath> paths = entry.getValue().stream().map(x -> new FeedPath(steps(x.get("steps")), ((Number) x.get("share")).doubleValue())).toList();
            List<TargetShare> shares = targetsByIndicator.getOrDefault(entry.getKey(), List.of()).stream()
                    .filter(t -> t.get("town") == null)
                    .map(t -> share(t, counts, contribution)).toList();
            String note = !local ? "not local" : output == null ? "no output reported" : scaleOnly && !scale
                    ? "not 规上: this indicator counts 规上 enterprises only" : null;
            feeds.put(entry.getKey(), new Feed(entry.getKey(), (String) first.get("indicatorName"), unit, "sums-output-of",
                    Boolean.TRUE.equals(first.get("assumed")), contribution, paths, shares, note));
        }
        for (Map<String, Object> x : (List<Map<String, Object>>) row.get("honours")) {
            String id = (String) x.get("indicatorId");
            long year = ((Number) x.get("honourYear")).longValue();
            Long from = x.get("fromYear") == null ? null : ((Number) x.get("fromYear")).longValue();
            boolean counts = Boolean.TRUE.equals(x.get("counts"));
            List<?> countsFor = (List<?>) x.get("countsFor");
            List<TargetShare> shares = targetsByIndicator.getOrDefault(id, List.of()).stream()
                    .filter(t -> t.get("town") == null || Objects.equals(t.get("town"), town))
                    .map(t -> {
                        boolean c = countsFor.contains(t.get("id"));
                        return share(t, c, c ? 1.0 : 0.0);
                    }).toList();
            String note = !local ? "not local" : from != null && year < from ? "honour from " + year + " is before " + from + ", not counted" : null;
            feeds.put(id + "/" + x.get("honour"), new Feed(id, (String) x.get("indicatorName"), (String) x.get("unit"), "counts-honour",
                    Boolean.TRUE.equals(x.get("assumed")), counts ? 1.0 : 0.0, List.of(new FeedPath(steps(x.get("steps")), null)), shares, note));
        }
        boolean sample = Boolean.TRUE.equals(e.get("sample"));
        if (feeds.isEmpty() && local) {
            notes.add("in no segment of a chain and without an honour a target counts: feeds no target");
        }
        return new EnterpriseTargets((String) e.get("id"), (String) e.get("name"), local, scale, output,
                e.get("outputYear") == null ? null : ((Number) e.get("outputYear")).longValue(), List.copyOf(feeds.values()), notes,
                sample, notices.of(sample));
    }

    private List<PathStep> steps(Object steps) {
        return json.convertValue(steps, new TypeReference<>() {
        });
    }

    private static TargetShare share(Map<String, Object> t, boolean counts, Double contribution) {
        Double value = t.get("value") == null ? null : ((Number) t.get("value")).doubleValue();
        return new TargetShare((String) t.get("id"), ((Number) t.get("year")).longValue(), value, (String) t.get("comparator"),
                (String) t.get("period"), (String) t.get("town"), counts,
                counts && value != null && value > 0 && contribution != null ? contribution / value : null);
    }

    private static NotFoundException notFound(String key) {
        return new NotFoundException("没有企业 " + key + "（请给出统一社会信用代码、企业名称或唯一的简称）",
                "No enterprise '" + key + "' (give the unified social credit code, the name or a unique alias)");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
