package cn.clustergraph.rollup;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * Maintains the aggregates that chain views, gaps and the city matrix read (per segment and per chain × stage), so those
 * answers cost milliseconds instead of a live scan over every enterprise. Refreshed after every import or update.
 *
 * <p>Per segment, over the enterprises in it: {@code localCount}, {@code scaleCount} (规上), {@code localOutput}
 * (output split evenly over the enterprise's segments, so segment sums add up to chain totals without double counting),
 * {@code honourCount} (honours held by local enterprises), {@code leaderCount} (local 链主), {@code externalCount}
 * (non-local candidates), {@code topLocal} (the three largest local enterprises), {@code localSupplyLinks} and
 * {@code externalSupplyLinks} (supply links from local / non-local enterprises of the segment into local enterprises) with
 * up to five {@code externalSupplyExamples}. Per chain × stage: a {@code (:StageRollup)} node with the same sums over distinct enterprises.
 */
@Service
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);

    /** The per-segment aggregation over the enterprises of segment {@code s}; shared by refresh and live checks. */
    static final String AGGREGATE = """
            OPTIONAL MATCH (e:Enterprise)-[:IN_SEGMENT]->(s)
            WITH s, e, CASE WHEN e IS NULL THEN 0 ELSE COUNT { (e)-[:IN_SEGMENT]->(:Segment) } END AS n
            WITH s, sum(CASE WHEN e.local THEN 1 ELSE 0 END) AS localCount,
                 sum(CASE WHEN e.local AND e.scale THEN 1 ELSE 0 END) AS scaleCount,
                 round(sum(CASE WHEN e.local THEN coalesce(e.output, 0.0) / n ELSE 0.0 END), 4) AS localOutput,
                 sum(CASE WHEN e.local THEN size(coalesce(e.honourNames, [])) ELSE 0 END) AS honourCount,
                 sum(CASE WHEN e.local AND e.chainLeader THEN 1 ELSE 0 END) AS leaderCount,
                 sum(CASE WHEN e IS NOT NULL AND NOT e.local THEN 1 ELSE 0 END) AS externalCount
            RETURN localCount, scaleCount, localOutput, honourCount, leaderCount, externalCount,
                   COLLECT { MATCH (x:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                             RETURN x.name ORDER BY x.output DESC, x.id LIMIT 3 } AS topLocal,
                   COUNT { MATCH (x:Enterprise {local: true})-[:IN_SEGMENT]->(s)
                           MATCH (x)-[:SUPPLIES]->(:Enterprise {local: true}) } AS localSupplyLinks,
                   COUNT { MATCH (x:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                           MATCH (x)-[:SUPPLIES]->(:Enterprise {local: true}) } AS externalSupplyLinks,
                   COLLECT { MATCH (x:Enterprise {local: false})-[:IN_SEGMENT]->(s)
                             MATCH (x)-[:SUPPLIES]->(y:Enterprise {local: true})
                             RETURN x.name + ' → ' + y.name ORDER BY x.id, y.id LIMIT 5 } AS externalSupplyExamples
            """;

    static final String SEGMENTS = "MATCH (s:Segment) CALL (s) {\n" + AGGREGATE + """
            }
            SET s.localCount = localCount, s.scaleCount = scaleCount, s.localOutput = localOutput,
                s.honourCount = honourCount, s.leaderCount = leaderCount, s.externalCount = externalCount,
                s.topLocal = topLocal, s.localSupplyLinks = localSupplyLinks, s.externalSupplyLinks = externalSupplyLinks,
                s.externalSupplyExamples = externalSupplyExamples""";

    static final String STAGES = """
            MATCH (c:Chain)<-[:PART_OF]-(s:Segment)
            WITH c, s.stage AS stage, collect(s) AS segments
            CALL (c, stage, segments) {
              UNWIND segments AS s
              OPTIONAL MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(s)
              WITH DISTINCT e WHERE e IS NOT NULL
              RETURN count(e) AS localCount, sum(CASE WHEN e.scale THEN 1 ELSE 0 END) AS scaleCount
            }
            MERGE (r:StageRollup {id: c.name + '/' + stage})
            SET r.chain = c.name, r.stage = stage, r.segments = size(segments),
                r.localCount = localCount, r.scaleCount = scaleCount,
                r.localOutput = round(reduce(o = 0.0, s IN segments | o + coalesce(s.localOutput, 0.0)), 4),
                r.emptySegments = size([s IN segments WHERE coalesce(s.localCount, 0) = 0]),
                r.rolledUpAt = datetime()
            MERGE (c)-[:HAS_ROLLUP]->(r)""";

    private final Driver driver;

    RollupService(Driver driver) {
        this.driver = driver;
    }

    /** Recomputes every rollup from the enterprises now in the graph. */
    public void refresh() {
        long started = System.nanoTime();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(SEGMENTS).consume());
            session.executeWriteWithoutResult(tx -> tx.run(STAGES).consume());
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (r:StageRollup) WHERE NOT EXISTS { MATCH (c:Chain {name: r.chain})<-[:PART_OF]-(:Segment {stage: r.stage}) }
                    DETACH DELETE r""").consume());
        }
        log.info("Rollups refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Live aggregation for one segment, bypassing the rollups (for verification). */
    public Map<String, Object> liveSegment(String segmentId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (s:Segment {id: $id})\n" + AGGREGATE,
                    Map.of("id", segmentId)).single().asMap());
        }
    }
}
