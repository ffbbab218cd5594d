package cn.clustergraph.rollup;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * A segment's top lists as the chain view shows them (its largest local enterprises and candidates elsewhere, with the
 * display fields): the one shape of a row, the Cypher that builds rows live from a list of ids, and how the rollup stores
 * them ({@link RollupNames#TOP_LOCAL_ROWS}, {@link RollupNames#TOP_CANDIDATE_ROWS}: one JSON object per row, in rank
 * order). The refresh and {@code rollup --verify} build the stored rows with the same Cypher the chain view falls back to
 * when the rollups are stale ({@link RollupService#FRESH}), so the stored and the live rows cannot disagree in shape.
 */
public final class SegmentTopRows {

    private SegmentTopRows() {
    }

    /** One row: an enterprise of segment {@code s} with its town and whether {@code s} is its primary segment. */
    public record Row(String id, String name, String shortName, boolean local, String town, String region, boolean scale,
                      boolean chainLeader, Double output, Long outputYear, List<String> honours, Boolean primary, boolean sample) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Cypher expression: the rows of the enterprises whose ids {@code ids} (a Cypher list expression) lists, in that order,
     * that are still in segment {@code s} (bound outside), each with its town and primary flag from one walk over its
     * relationships (not one for the segment, one for the town).
     */
    public static String rows(String ids) {
        return """
                COLLECT { WITH %s AS ids
                        UNWIND range(0, size(ids) - 1) AS k
                        WITH k, ids[k] AS id
                        MATCH (e:Enterprise {id: id})
                        WITH e, k, [(e)-[r:IN_SEGMENT|LOCATED_IN]->(x) WHERE x = s OR x:Town | [x = s, r.primary, x.name]] AS rels
                        WHERE any(y IN rels WHERE y[0])
                        WITH e, k, [y IN rels WHERE y[0]][0][1] AS primary, [y IN rels WHERE NOT y[0]][0][2] AS town
                        ORDER BY k RETURN %s }""".formatted(ids, ROW);
    }

    /** Enterprise {@code e} with {@code town} and {@code primary} bound, shaped like {@link Row}. */
    private static final String ROW = """
            {id: e.id, name: e.name, shortName: e.aliases[0], local: coalesce(e.local, false), town: town, region: e.region,
             scale: coalesce(e.scale, false), chainLeader: coalesce(e.chainLeader, false), output: e.output, outputYear: e.outputYear,
             honours: coalesce(e.honourNames, []), primary: primary, sample: coalesce(e.sample, false)}""";

    /** The stored form of a row read from Cypher (a map shaped like {@link Row}). */
    static String encode(Map<String, Object> row) {
        return JSON.writeValueAsString(JSON.convertValue(row, Row.class));
    }

    /** The stored form of every row of a list read from Cypher. */
    @SuppressWarnings("unchecked")
    static List<String> encodeAll(Object rows) {
        return ((List<Map<String, Object>>) rows).stream().map(SegmentTopRows::encode).toList();
    }

    /** A stored row. */
    public static Row decode(String stored) {
        return JSON.readValue(stored, Row.class);
    }
}
