package cn.clustergraph.rollup;

import org.neo4j.driver.Driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollups computed live in Cypher, one graph walk per rolled-up label: the reference the maintained values of
 * {@link RollupPass} must equal (too slow to serve at province scale — a chain view would cost seconds — but plain to
 * read). Keys and property names are those {@link RollupService#stored()} returns.
 */
final class RollupLive {

    private RollupLive() {
    }

    /** Path from an enterprise {@code e} (membership {@code m}) to the rolled-up node {@code x}, per label. */
    private static final Map<String, String> PATHS = Map.of(
            "Segment", "(e:Enterprise)-[m:IN_SEGMENT]->(x)",
            "Chain", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(x)",
            "Cluster", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(:Chain)-[:PART_OF]->(x)",
            "Programme", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(:Chain)-[:PART_OF]->(:Cluster)-[:PART_OF]->(x)");

    private static final Map<String, String> KEYS = Map.of("Segment", "id", "Chain", "name", "Cluster", "name", "Programme", "id");

    /** Counts and output sums under node {@code x}: %1$s label, %2$s path, %3$s key property. */
    private static final String TOTALS = """
            MATCH (x:%1$s)
            CALL (x) {
              OPTIONAL MATCH %2$s
              WITH e, sum(m.share) AS share
              RETURN count(e) AS enterprises,
                     count(CASE WHEN e.local THEN 1 END) AS local,
                     count(CASE WHEN e.local AND e.scale THEN 1 END) AS scale,
                     count(CASE WHEN e.local = false THEN 1 END) AS candidates,
                     sum(CASE WHEN e.local THEN coalesce(e.output, 0.0) * share ELSE 0.0 END) AS output,
                     sum(CASE WHEN e.local AND e.scale THEN coalesce(e.output, 0.0) * share ELSE 0.0 END) AS scaleOutput,
                     max(CASE WHEN e.local THEN e.outputYear END) AS outputYear,
                     count(CASE WHEN e.local AND e.output IS NOT NULL THEN 1 END) AS localReporting,
                     count(CASE WHEN e.local AND e.scale AND e.output IS NOT NULL THEN 1 END) AS scaleReporting,
                     count(CASE WHEN e.sample THEN 1 END) AS sample
            }
            CALL (x) {
              OPTIONAL MATCH %2$s WHERE e.local
              WITH e, sum(m.share) AS share
              OPTIONAL MATCH (e)-[:REPORTED]->(f:Figure) WHERE f.output IS NOT NULL
              WITH f.year AS year, sum(f.output * share) AS out, sum(CASE WHEN e.scale THEN f.output * share ELSE 0.0 END) AS scaleOut
              WITH year, out, scaleOut WHERE year IS NOT NULL
              ORDER BY year
              RETURN collect(year) AS years, collect(out) AS outByYear, collect(scaleOut) AS scaleOutByYear
            }
            RETURN '%1$s:' + x.%3$s AS key,
                   {rollupEnterprises: enterprises, rollupLocal: local, rollupScale: scale, rollupCandidates: candidates,
                    rollupOutput: output, rollupScaleOutput: scaleOutput, rollupOutputYear: outputYear, rollupSample: sample,
                    rollupLocalReporting: localReporting, rollupScaleReporting: scaleReporting,
                    rollupYears: years, rollupOutputByYear: outByYear, rollupScaleOutputByYear: scaleOutByYear} AS props""";

    private static final String CHAIN_EXTRAS = """
            MATCH (x:Chain)
            CALL (x) {
              OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->(x) WHERE e.local
              WITH DISTINCT e
              OPTIONAL MATCH (e)-[:ON_PLATFORM]->(p:Platform)
              WITH p, count(e) AS n WHERE p IS NOT NULL
              ORDER BY n DESC, p.id
              RETURN collect(p.id) AS platforms, collect(n) AS counts
            }
            CALL (x) {
              OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->(x) WHERE e.local
              WITH DISTINCT e
              MATCH (e)-[r:HAS_HONOUR]->(h:Honour)
              WITH h.name AS honour, r.year AS year, count(*) AS n
              ORDER BY honour, year
              RETURN collect(honour) AS honourNames, collect(year) AS honourYears, collect(n) AS honourCounts
            }
            CALL (x) {
              MATCH (x)<-[:PART_OF]-(:Segment)<-[:IN_SEGMENT]-(e:Enterprise)
              WITH DISTINCT e
              WITH e.outputRank AS rank, e.id AS id ORDER BY rank DESC, id
              WITH collect([rank, id]) AS keys
              WITH keys, [i IN range(0, size(keys) - 1, $every) WHERE i < size(keys)] AS at
              RETURN size(keys) AS total, [i IN at | keys[i][0]] AS ranks, [i IN at | keys[i][1]] AS ids
            }
            RETURN 'Chain:' + x.name AS key,
                   {rollupPlatforms: platforms, rollupPlatformCounts: counts, rollupHonourNames: honourNames,
                    rollupHonourYears: honourYears, rollupHonourCounts: honourCounts,
                    rollupLeaders: COUNT { (e:Enterprise)-[:IN_SEGMENT {primary: true}]->(:Segment)-[:PART_OF]->(x) WHERE e.chainLeader = true },
                    rollupRankTotal: total, rollupRankEvery: $every, rollupRankMarkRanks: ranks, rollupRankMarkIds: ids} AS props""";

    private static final String HONOURS = """
            MATCH (h:Honour)
            CALL (h) {
              OPTIONAL MATCH (h)<-[r:HAS_HONOUR]-(e:Enterprise) WHERE e.local
              WITH r.year AS year, count(e) AS n, count(CASE WHEN e.sample THEN 1 END) AS s
              WITH year, n, s WHERE year IS NOT NULL
              ORDER BY year
              RETURN collect(year) AS years, collect(n) AS counts, sum(s) AS sample
            }
            CALL (h) {
              OPTIONAL MATCH (h)<-[r:HAS_HONOUR]-(e:Enterprise)-[:LOCATED_IN]->(tw:Town) WHERE e.local
              WITH tw.name AS town, r.year AS year, count(e) AS n
              WITH town, year, n WHERE town IS NOT NULL
              ORDER BY town, year
              RETURN collect(town) AS towns, collect(year) AS townYears, collect(n) AS townCounts
            }
            RETURN 'Honour:' + h.name AS key,
                   {rollupYears: years, rollupCounts: counts, rollupSample: sample, rollupTowns: towns,
                    rollupTownYears: townYears, rollupTownCounts: townCounts} AS props""";

    private static final String SEGMENT_EXTRAS = """
            MATCH (s:Segment)
            RETURN 'Segment:' + s.id AS key, {
                   rollupHonours: COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s) MATCH (e)-[:HAS_HONOUR]->(:Honour) },
                   rollupLeaderCount: COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s) WHERE e.chainLeader = true },
                   rollupTopLocal: COLLECT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                                             RETURN e.name ORDER BY e.outputRank DESC, e.id LIMIT 3 },
                   rollupLocalSupplyLinks: COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                                                   MATCH (e)-[:SUPPLIES]->(:Enterprise {local: true}) },
                   rollupExternalSupplyLinks: COUNT { MATCH (e:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                                                      MATCH (e)-[:SUPPLIES]->(:Enterprise {local: true}) },
                   rollupExternalSupplyExamples: COLLECT { MATCH (e:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                                                           MATCH (e)-[:SUPPLIES]->(y:Enterprise {local: true})
                                                           RETURN e.name + ' → ' + y.name ORDER BY e.id, y.id LIMIT 5 },
                   rollupTopLocalIds: COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local
                                                RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep },
                   rollupTopCandidateIds: COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local = false
                                                    RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep },
                   rollupTopLocalRows: %s,
                   rollupTopCandidateRows: %s} AS props""".formatted(
            SegmentTopRows.rows("COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep }"),
            SegmentTopRows.rows("COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local = false RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep }"));

    private static final String STAGES = """
            MATCH (c:Chain)<-[:PART_OF]-(s:Segment) WHERE s.stage IS NOT NULL
            WITH c, s.stage AS stage, collect(s) AS segments
            CALL (segments) {
              UNWIND segments AS s
              OPTIONAL MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
              WITH DISTINCT e WHERE e IS NOT NULL
              RETURN count(e) AS local, count(CASE WHEN e.scale THEN 1 END) AS scale
            }
            CALL (segments) {
              UNWIND segments AS s
              OPTIONAL MATCH (e:Enterprise {local: true})-[m:IN_SEGMENT]->(s)
              WITH s, sum(coalesce(e.output, 0.0) * m.share) AS output, count(e) AS n
              RETURN sum(output) AS output, count(CASE WHEN n = 0 THEN 1 END) AS empty
            }
            RETURN 'StageRollup:' + c.name + '/' + stage AS key,
                   {segments: size(segments), rollupLocal: local, rollupScale: scale, rollupOutput: output, emptySegments: empty} AS props""";

    /** Every rollup computed live, keyed {@code Label:key}; properties merged per node. */
    static Map<String, Map<String, Object>> compute(Driver driver, int rankEvery, int keep) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> params = Map.of("every", rankEvery, "keep", keep);
        List<String> queries = new java.util.ArrayList<>();
        for (String label : List.of("Segment", "Chain", "Cluster", "Programme")) {
            queries.add(TOTALS.formatted(label, PATHS.get(label), KEYS.get(label)));
        }
        queries.addAll(List.of(CHAIN_EXTRAS, HONOURS, SEGMENT_EXTRAS, STAGES));
        try (var s = driver.session()) {
            s.executeRead(tx -> {
                queries.forEach(q -> tx.run(q, params).forEachRemaining(r ->
                        out.computeIfAbsent(r.get("key").asString(), k -> new LinkedHashMap<>()).putAll(r.get("props").asMap())));
                // the top rows in their stored form (SegmentTopRows), so stored and live compare as they are
                out.values().forEach(props -> {
                    for (String name : List.of(RollupNames.TOP_LOCAL_ROWS, RollupNames.TOP_CANDIDATE_ROWS)) {
                        if (props.containsKey(name)) {
                            props.put(name, SegmentTopRows.encodeAll(props.get(name)));
                        }
                    }
                });
                return out;
            });
        }
        return out;
    }
}
