package cn.clustergraph.register;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Maintained aggregates, so chain views and target progress read a few properties instead of scanning every enterprise
 * (at province scale a live chain view costs ~1 s, a rollup read ~2 ms). Refreshed after every register import or
 * removal, at startup when missing, and by the {@code rollup} command.
 * <p>
 * On every {@code Segment}, {@code Chain}, {@code Cluster} and {@code Programme}: {@code rollupEnterprises},
 * {@code rollupLocal}, {@code rollupScale} (local 规上), {@code rollupCandidates} (not local), {@code rollupOutput} and
 * {@code rollupScaleOutput} (万元, each local enterprise's latest year × its share under the node — see the split rule in
 * docs/model.md), {@code rollupOutputYear} (latest year seen), {@code rollupLocalReporting} / {@code rollupScaleReporting}
 * (those with an output figure), {@code rollupYears} with {@code rollupOutputByYear} and {@code rollupScaleOutputByYear}
 * (figures of each year × share), {@code rollupSample} (sample enterprises counted), {@code rollupAt}; on {@code Chain}
 * also {@code rollupPlatforms} / {@code rollupPlatformCounts} (local enterprises per platform), {@code rollupHonourNames} /
 * {@code rollupHonourYears} / {@code rollupHonourCounts} (local enterprises per honour and award year) and
 * {@code rollupLeaders}; on {@code Honour} {@code rollupYears} / {@code rollupCounts} (local holders by award year),
 * {@code rollupTowns} / {@code rollupTownYears} / {@code rollupTownCounts} (the same per town) and {@code rollupSample}. Counts are distinct enterprises; output sums add up segment → chain → cluster → programme.
 */
@Component
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);

    /** Path from an enterprise {@code e} (membership {@code m}) to the rolled-up node {@code x}, per label. */
    private static final Map<String, String> PATHS = Map.of(
            "Segment", "(e:Enterprise)-[m:IN_SEGMENT]->(x)",
            "Chain", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(x)",
            "Cluster", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(:Chain)-[:PART_OF]->(x)",
            "Programme", "(e:Enterprise)-[m:IN_SEGMENT]->(:Segment)-[:PART_OF]->(:Chain)-[:PART_OF]->(:Cluster)-[:PART_OF]->(x)");

    /** Aggregation over the enterprises under node {@code x} (path %1$s from {@link #PATHS}). */
    private static final String ROLLUP_BODY = """
              OPTIONAL MATCH %1$s
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
            """;

    private static final String ROLLUP = """
            MATCH (x:%1$s)
            CALL (x) {
            """ + ROLLUP_BODY.replace("%1$s", "%2$s") + """
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
            SET x.rollupEnterprises = enterprises, x.rollupLocal = local, x.rollupScale = scale, x.rollupCandidates = candidates,
                x.rollupOutput = output, x.rollupScaleOutput = scaleOutput, x.rollupOutputYear = outputYear, x.rollupSample = sample,
                x.rollupLocalReporting = localReporting, x.rollupScaleReporting = scaleReporting,
                x.rollupYears = years, x.rollupOutputByYear = outByYear, x.rollupScaleOutputByYear = scaleOutByYear,
                x.rollupAt = datetime()
            RETURN count(x) AS n""";

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
            SET x.rollupPlatforms = platforms, x.rollupPlatformCounts = counts, x.rollupHonourNames = honourNames,
                x.rollupHonourYears = honourYears, x.rollupHonourCounts = honourCounts,
                x.rollupLeaders = COUNT { (e:Enterprise)-[:IN_SEGMENT {primary: true}]->(:Segment)-[:PART_OF]->(x) WHERE e.chainLeader = true }""";

    /** Per honour: local enterprises holding it, by the year it was awarded. */
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
            SET h.rollupYears = years, h.rollupCounts = counts, h.rollupSample = sample, h.rollupTowns = towns,
                h.rollupTownYears = townYears, h.rollupTownCounts = townCounts, h.rollupAt = datetime()""";

    /**
     * Gap-analysis extras per segment {@code s}: honours and 链主 among local enterprises, the three largest local
     * enterprises, and supply links from local / non-local enterprises of the segment into local enterprises (with up to
     * five examples). Shared by {@link #refresh()} and {@link #liveSegment(String)}.
     */
    static final String GAP_AGGREGATE = """
            RETURN COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s) MATCH (e)-[:HAS_HONOUR]->(:Honour) } AS honours,
                   COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s) WHERE e.chainLeader = true } AS leaders,
                   COLLECT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                             RETURN e.name ORDER BY e.outputRank DESC, e.id LIMIT 3 } AS topLocal,
                   COUNT { MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                           MATCH (e)-[:SUPPLIES]->(:Enterprise {local: true}) } AS localSupplyLinks,
                   COUNT { MATCH (e:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                           MATCH (e)-[:SUPPLIES]->(:Enterprise {local: true}) } AS externalSupplyLinks,
                   COLLECT { MATCH (e:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                             MATCH (e)-[:SUPPLIES]->(y:Enterprise {local: true})
                             RETURN e.name + ' → ' + y.name ORDER BY e.id, y.id LIMIT 5 } AS externalSupplyExamples
            """;

    private static final String GAP_EXTRAS = "MATCH (s:Segment) CALL (s) {\n" + GAP_AGGREGATE + """
            }
            SET s.rollupHonours = honours, s.rollupLeaderCount = leaders, s.rollupTopLocal = topLocal,
                s.rollupLocalSupplyLinks = localSupplyLinks, s.rollupExternalSupplyLinks = externalSupplyLinks,
                s.rollupExternalSupplyExamples = externalSupplyExamples""";

    /** Per chain × stage: a {@code (:StageRollup)} with distinct local enterprises and the segments' output sum. */
    private static final String STAGES = """
            MATCH (c:Chain)<-[:PART_OF]-(s:Segment)
            WITH c, s.stage AS stage, collect(s) AS segments
            CALL (c, stage, segments) {
              UNWIND segments AS s
              OPTIONAL MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
              WITH DISTINCT e WHERE e IS NOT NULL
              RETURN count(e) AS local, count(CASE WHEN e.scale THEN 1 END) AS scale
            }
            MERGE (r:StageRollup {id: c.name + '/' + stage})
            SET r.chain = c.name, r.stage = stage, r.segments = size(segments), r.rollupLocal = local, r.rollupScale = scale,
                r.rollupOutput = reduce(o = 0.0, s IN segments | o + coalesce(s.rollupOutput, 0.0)),
                r.emptySegments = size([s IN segments WHERE coalesce(s.rollupLocal, 0) = 0]), r.rollupAt = datetime()
            MERGE (c)-[:HAS_ROLLUP]->(r)
            WITH count(*) AS done
            MATCH (r:StageRollup) WHERE NOT EXISTS { MATCH (:Chain {name: r.chain})<-[:PART_OF]-(:Segment {stage: r.stage}) }
            DETACH DELETE r""";

    /** Every how many enterprises of a chain's ranked list a bookmark is kept (see {@link #RANK_MARKS}). */
    public static final int RANK_MARK_EVERY = 200;

    /**
     * Per chain, the maintained order of its enterprise list (output DESC, id): {@code rollupRankTotal} (distinct enterprises) and
     * bookmarks every {@value #RANK_MARK_EVERY} positions, {@code rollupRankMarkRanks[k]} / {@code rollupRankMarkIds[k]} = the sort key
     * of the enterprise at position {@code k × rollupRankEvery}. A deep page seeks the output index at the nearest bookmark
     * (keyset) and skips fewer than {@value #RANK_MARK_EVERY} of the chain's rows instead of re-reading every row before it.
     */
    static final String RANK_MARKS = """
            MATCH (c:Chain)
            CALL (c) {
              MATCH (c)<-[:PART_OF]-(:Segment)<-[:IN_SEGMENT]-(e:Enterprise)
              WITH DISTINCT e
              WITH e.outputRank AS rank, e.id AS id ORDER BY rank DESC, id
              WITH collect([rank, id]) AS keys
              WITH keys, [i IN range(0, size(keys) - 1, $every) WHERE i < size(keys)] AS at
              RETURN size(keys) AS total, [i IN at | keys[i][0]] AS ranks, [i IN at | keys[i][1]] AS ids
            }
            SET c.rollupRankTotal = total, c.rollupRankEvery = $every, c.rollupRankMarkRanks = ranks, c.rollupRankMarkIds = ids""";

    /** How many of a segment's largest local enterprises and candidates are kept in order for the chain view. */
    public static final int TOP_KEPT = 50;

    /**
     * Per segment, the ids of its {@value #TOP_KEPT} largest local enterprises and candidates elsewhere (output DESC, id):
     * the chain view lists the top of each segment from these instead of sorting every enterprise of every segment.
     */
    static final String SEGMENT_TOPS = """
            MATCH (s:Segment)
            SET s.rollupTopLocalIds = COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local
                                              RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep },
                s.rollupTopCandidateIds = COLLECT { MATCH (e:Enterprise)-[:IN_SEGMENT]->(s) WHERE e.local = false
                                                  RETURN e.id ORDER BY e.outputRank DESC, e.id LIMIT $keep }""";

    private final Driver driver;

    RollupService(Driver driver) {
        this.driver = driver;
    }

    /** Recomputes every rollup; returns milliseconds taken. */
    public long refresh() {
        long started = System.nanoTime();
        try (var s = driver.session()) {
            s.executeWriteWithoutResult(tx -> {
                for (String label : new String[]{"Segment", "Chain", "Cluster", "Programme"}) {
                    tx.run(ROLLUP.formatted(label, PATHS.get(label))).consume();
                }
                tx.run(CHAIN_EXTRAS).consume();
                tx.run(HONOURS).consume();
                tx.run(GAP_EXTRAS).consume();
                tx.run(STAGES).consume();
                // every enterprise sorts by outputRank, also those no register wrote (the document's named enterprises)
                tx.run("MATCH (e:Enterprise) WHERE e.outputRank IS NULL SET e.outputRank = coalesce(e.output, -1.0)").consume();
                tx.run(RANK_MARKS, Map.of("every", RANK_MARK_EVERY)).consume();
                tx.run(SEGMENT_TOPS, Map.of("keep", TOP_KEPT)).consume();
            });
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("Rollups refreshed in {} ms", ms);
        return ms;
    }

    /** Recomputes the output shares of every enterprise (after segments were moved between chains), then the rollups. */
    public long refreshAll() {
        long started = System.nanoTime();
        try (var s = driver.session()) {
            s.run("""
                    MATCH (e:Enterprise) WHERE EXISTS { (e)-[:IN_SEGMENT]->() }
                    CALL (e) {
                    """ + RegisterCypher.SHARES + """
                    } IN TRANSACTIONS OF 5000 ROWS""").consume();
        }
        refresh();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * The live aggregation of one segment, bypassing the stored rollups, under the names the rollups are stored as
     * (for verification: every stored {@code rollup*} value must equal this).
     */
    public Map<String, Object> liveSegment(String segmentId) {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("MATCH (x:Segment {id: $id}) CALL (x) {\n" + ROLLUP_BODY.formatted(PATHS.get("Segment"))
                    + "}\nWITH x AS s, enterprises, local, scale, candidates, output, scaleOutput\nCALL (s) {\n" + GAP_AGGREGATE + """
                    }
                    RETURN enterprises AS rollupEnterprises, local AS rollupLocal, scale AS rollupScale, candidates AS rollupCandidates,
                           output AS rollupOutput, scaleOutput AS rollupScaleOutput, honours AS rollupHonours, leaders AS rollupLeaderCount,
                           topLocal AS rollupTopLocal, localSupplyLinks AS rollupLocalSupplyLinks,
                           externalSupplyLinks AS rollupExternalSupplyLinks, externalSupplyExamples AS rollupExternalSupplyExamples""",
                    Map.of("id", segmentId)).single().asMap());
        }
    }

    /** The stored rollups of one segment, under the same names as {@link #liveSegment(String)}. */
    public Map<String, Object> storedSegment(String segmentId) {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("""
                    MATCH (s:Segment {id: $id})
                    RETURN s.rollupEnterprises AS rollupEnterprises, s.rollupLocal AS rollupLocal, s.rollupScale AS rollupScale,
                           s.rollupCandidates AS rollupCandidates, s.rollupOutput AS rollupOutput, s.rollupScaleOutput AS rollupScaleOutput,
                           s.rollupHonours AS rollupHonours, s.rollupLeaderCount AS rollupLeaderCount, s.rollupTopLocal AS rollupTopLocal,
                           s.rollupLocalSupplyLinks AS rollupLocalSupplyLinks, s.rollupExternalSupplyLinks AS rollupExternalSupplyLinks,
                           s.rollupExternalSupplyExamples AS rollupExternalSupplyExamples""", Map.of("id", segmentId)).single().asMap());
        }
    }

    /** True when some chain has never been rolled up. */
    public boolean missing() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("""
                    RETURN EXISTS { MATCH (c:Chain) WHERE c.rollupAt IS NULL OR c.rollupRankMarkIds IS NULL }
                        OR EXISTS { MATCH (s:Segment) WHERE s.rollupTopLocalIds IS NULL } AS x""").single().get("x").asBoolean());
        }
    }
}
