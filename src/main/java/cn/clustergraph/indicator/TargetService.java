package cn.clustergraph.indicator;

import cn.clustergraph.indicator.TargetRecords.Contributors;
import cn.clustergraph.indicator.TargetRecords.TargetDetail;
import cn.clustergraph.indicator.TargetRecords.TargetItem;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import cn.clustergraph.web.PageResult;
import cn.clustergraph.web.Paging;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.rollup.RollupNames;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.clustergraph.neo4j.CypherTemplate.property;

/** Targets with their progress, and the enterprises that feed them; one read query per request. */
@Service
public class TargetService {

    /** The shared fragments of {@link TargetCypher}, as Cypher-DSL expressions for the {@code $E} slots below. */
    private static final Expression FACTOR = TargetFeeds.factor();
    private static final Expression PROGRESS = Cypher.raw(TargetCypher.PROGRESS);
    private static final Expression ITEM = Cypher.raw(TargetCypher.ITEM);

    private static final String LIST = CypherTemplate.render("""
            MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target)
            WHERE ($indicator IS NULL OR i.id = $indicator)
              AND ($measured IS NULL OR $measured = EXISTS { (i)-[:SUMS_OUTPUT_OF|COUNTS_HONOUR]->() })
              AND ($year IS NULL OR t.year = $year)
              AND ($primary IS NULL OR t.primary = $primary)
              AND ($sample IS NULL OR coalesce(t.sample, false) = $sample)
            WITH i, t ORDER BY i.id, t.year, coalesce(t.town, ''), t.id
            WITH collect([i, t]) AS everything
            CALL (everything) {
              UNWIND everything[$skip..$skip + $limit] AS pair
              WITH pair[0] AS i, pair[1] AS t
            $E
              RETURN collect($E) AS items
            }
            RETURN size(everything) AS total, items""", PROGRESS, ITEM);

    /** Resolves {@code $id}: a target id, or an indicator id (its primary city-wide target of the latest year). */
    private static final String RESOLVE = """
            CALL () {
              MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target {id: $id}) RETURN i, t
              UNION
              MATCH (i:Indicator {id: $id})-[:HAS_TARGET]->(t:Target) WHERE t.town IS NULL
              WITH i, t ORDER BY t.primary DESC, t.year DESC, t.id LIMIT 1
              RETURN i, t
            }
            WITH i, t LIMIT 1
            """;

    private static final String DETAIL = CypherTemplate.render("""
            $E
            $E
            RETURN $E AS target""", Cypher.raw(RESOLVE), PROGRESS, ITEM);

    /** Contributors of a resolved target other than a programme-wide output total: rows {@code e, share, via, contribution, honourYear, inYear}. */
    private static final Expression CONTRIBUTOR_ROWS = Cypher.raw("""
              CALL (i, t, so, x, c, h) {
                MATCH (s:Segment)
                WHERE x IS NOT NULL AND t.town IS NULL AND $E
                MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s)
                WHERE $E
                WITH i, e, sum(m.share) AS share, collect(s.id) AS via
                RETURN e, share, via, e.output * share / $E AS contribution, null AS honourYear, null AS inYear
                UNION
                MATCH (h)<-[r:HAS_HONOUR]-(e:Enterprise)
                WHERE $E AND $E
                RETURN e, null AS share, [] AS via, 1.0 AS contribution, r.year AS honourYear, $E AS inYear
              }""", TargetFeeds.inScope(), TargetFeeds.outputCounts(), FACTOR, TargetFeeds.honourCounts(), TargetFeeds.honourInTarget(),
            TargetFeeds.honourByTargetYear());

    /**
     * A programme-wide output total (A1-02) counts every local (规上) enterprise on a chain with its whole output (the
     * shares add up to 1), so its contributors are read in the order of the output index and the total comes from the
     * rollup — no sort over all enterprises. Other rules aggregate and sort their (smaller) contributor sets.
     */
    private static final String CONTRIBUTORS = CypherTemplate.render("""
            $E
            $E
            OPTIONAL MATCH (i)-[so:SUMS_OUTPUT_OF]->(x)
            OPTIONAL MATCH (i)-[c:COUNTS_HONOUR]->(h:Honour)
            CALL (i, t, so, x, c, h) {
              WITH i, t, so, x, c, h WHERE x:Programme AND t.town IS NULL
              RETURN coalesce(CASE WHEN so.scaleOnly THEN $E ELSE $E END, 0) AS total
              UNION
              WITH i, t, so, x, c, h WHERE NOT coalesce(x:Programme, false)
            $E
              RETURN count(*) AS total
            }
            WITH i, t, progress, so, x, c, h, max(total) AS total
            OPTIONAL CALL (i, t, so, x, c, h) {
              WITH i, t, so, x, c, h WHERE x:Programme AND t.town IS NULL
              // the bound keeps the index walk empty unless this is a programme-wide total (a WHERE alone is applied after it)
              MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank)
              WHERE e.outputRank >= CASE WHEN x:Programme AND t.town IS NULL THEN 0.0 ELSE 1.0e308 END
                AND $E AND EXISTS { MATCH (e)-[:IN_SEGMENT]->(s:Segment) WHERE $E }
              WITH i, e ORDER BY e.outputRank DESC, e.id SKIP $skip LIMIT $limit
              RETURN e, 1.0 AS share, COLLECT { MATCH (e)-[:IN_SEGMENT]->(s:Segment) RETURN s.id ORDER BY s.id } AS via,
                     e.output / $E AS contribution, null AS honourYear, null AS inYear
              UNION
              WITH i, t, so, x, c, h WHERE NOT coalesce(x:Programme, false)
            $E
              WITH e, share, via, contribution, honourYear, inYear
              ORDER BY contribution DESC, e.outputRank DESC, e.id SKIP $skip LIMIT $limit
              RETURN e, share, via, contribution, honourYear, inYear
            }
            WITH t, i, progress, total, e, share, via, contribution, honourYear, inYear
            ORDER BY contribution DESC, e.outputRank DESC, e.id
            OPTIONAL MATCH (e)-[:LOCATED_IN]->(town:Town)
            WITH t, i, progress, total, collect(CASE WHEN e IS NOT NULL THEN {id: e.id, name: e.name, shortName: e.aliases[0],
                          town: town.name, scale: e.scale, output: e.output, outputYear: e.outputYear, share: share,
                          contribution: contribution, via: via, honourYear: honourYear, countsForTargetYear: inYear,
                          sample: coalesce(e.sample, false)} END) AS rows
            CALL (rows) {
              UNWIND range(0, size(rows) - 1) AS k
              WITH rows[k] AS row, k
              RETURN collect(row {.*, rank: $skip + k + 1}) AS items
            }
            RETURN $E AS target, total, items""", Cypher.raw(RESOLVE), PROGRESS,
            property("x", RollupNames.SCALE_REPORTING), property("x", RollupNames.LOCAL_REPORTING), CONTRIBUTOR_ROWS,
            TargetFeeds.outputCounts(), TargetFeeds.inScope(), FACTOR, CONTRIBUTOR_ROWS, ITEM);

    private final ReadQueries reads;
    private final JsonMapper json;
    private final DataNotices notices;
    private final Paging.Settings paging;

    TargetService(ReadQueries reads, JsonMapper json, DataNotices notices, Paging.Settings paging) {
        this.reads = reads;
        this.json = json;
        this.notices = notices;
        this.paging = paging;
    }

    /** The read queries by name, for diagnostics (PROFILE in benchmarks). */
    public static Map<String, String> queries() {
        return Map.of("list", LIST, "detail", DETAIL, "contributors", CONTRIBUTORS);
    }

    public PageResult<TargetItem> list(String indicator, Boolean measured, Integer year, Boolean primary, Boolean sample,
                                       Integer page, Integer size) {
        Paging p = Paging.of(page, size, this.paging);
        Map<String, Object> params = new HashMap<>();
        params.put("indicator", indicator);
        if (indicator != null && reads.one("MATCH (i:Indicator {id: $indicator}) RETURN i.id AS id", params).isEmpty()) {
            throw BadRequestException.unknownName("indicator", "没有编号为 " + indicator + " 的指标（如 A1-02，见 GET /api/indicators）",
                    "No indicator with id '" + indicator + "' (e.g. A1-02; see GET /api/indicators)");
        }
        params.put("measured", measured);
        params.put("year", year);
        params.put("primary", primary);
        params.put("sample", sample);
        params.put("skip", p.skip());
        params.put("limit", p.size());
        Map<String, Object> row = reads.one(LIST, params).orElseThrow();
        List<TargetItem> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        long total = ((Number) row.get("total")).longValue();
        boolean anySample = items.stream().anyMatch(t -> t.sample() || (t.progress() != null && t.progress().sample()));
        return new PageResult<>(items, p.page(), p.size(), total, p.skip() + items.size() < total, notices.of(anySample));
    }

    public TargetDetail get(String id) {
        Map<String, Object> row = reads.one(DETAIL, Map.of("id", id))
                .orElseThrow(() -> new NotFoundException("No target or indicator '" + id + "' (try GET /api/targets)"));
        TargetItem t = json.convertValue(row.get("target"), TargetItem.class);
        return new TargetDetail(t, notices.of(t.sample() || (t.progress() != null && t.progress().sample())));
    }

    public Contributors contributors(String id, Integer page, Integer size) {
        Paging p = Paging.of(page, size, this.paging);
        Map<String, Object> row = reads.one(CONTRIBUTORS, Map.of("id", id, "skip", p.skip(), "limit", p.size()))
                .orElseThrow(() -> new NotFoundException("No target or indicator '" + id + "' (try GET /api/targets)"));
        TargetItem t = json.convertValue(row.get("target"), TargetItem.class);
        List<TargetRecords.Contributor> items = json.convertValue(row.get("items"), new TypeReference<>() {
        });
        long total = ((Number) row.get("total")).longValue();
        boolean sample = t.sample() || items.stream().anyMatch(TargetRecords.Contributor::sample);
        return new Contributors(t, t.progress() == null ? null : "counts-honour".equals(t.progress().rule()) ? "家" : t.unit(),
                items, p.page(), p.size(), total, p.skip() + items.size() < total, notices.of(sample));
    }
}
