package cn.clustergraph.register;

import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one computation of an enterprise's derived values, for every write path (the online importer's CREATE and upsert
 * paths, the share refresh after the chain map changed, and the offline bulk load): {@code aliasText} (the aliases for
 * the full-text index), {@code output} / {@code outputYear} (the latest year with an output), {@code outputRank} (that
 * output, -1 when none: the sort key), {@code honourNames} (distinct, sorted) and each {@code IN_SEGMENT.share} (the
 * split rule). An instance collects a register file's figure and honour rows for the enterprises it creates.
 */
public final class EnterpriseValues {

    /** The values stored on the enterprise node (the shares go on its {@code IN_SEGMENT} relationships). */
    public record Derived(String aliasText, Double output, Long outputYear, double outputRank, List<String> honourNames) {

        /** Puts the values into a node's property map under their property names. */
        public void putInto(Map<String, Object> properties) {
            properties.put("aliasText", aliasText);
            properties.put("output", output);
            properties.put("outputYear", outputYear);
            properties.put("outputRank", outputRank);
            properties.put("honourNames", honourNames);
        }
    }

    private final Map<String, double[]> latest = new HashMap<>();
    private final Map<String, List<String>> honours = new HashMap<>();

    /** A figure row; the latest year with an output is the enterprise's {@code output} / {@code outputYear}. */
    public void figure(String id, int year, Double output) {
        if (output == null) {
            return;
        }
        double[] l = latest.get(id);
        if (l == null || year > l[0]) {
            latest.put(id, new double[]{year, output});
        }
    }

    public void honour(String id, String name) {
        honours.computeIfAbsent(id, k -> new ArrayList<>(2)).add(name);
    }

    /** The derived values of an enterprise with these aliases, from the figure and honour rows collected. */
    public Derived derived(String id, List<String> aliases) {
        return derived(aliases, latest.get(id), honours.getOrDefault(id, List.of()));
    }

    public void clear() {
        latest.clear();
        honours.clear();
    }

    private static Derived derived(List<String> aliases, double[] latest, Collection<String> honourNames) {
        return new Derived(String.join(" ", aliases), latest == null ? null : latest[1], latest == null ? null : (long) latest[0],
                latest == null ? -1.0 : latest[1], new ArrayList<>(new TreeSet<>(honourNames)));
    }

    /**
     * The split rule on one enterprise's segments (distinct, in order): 1 / (chains of the enterprise) / (its segments in
     * that chain), one share per segment.
     */
    public static double[] shares(List<String> segments, Function<String, String> chainOf) {
        Map<String, Integer> perChain = new LinkedHashMap<>();
        for (String s : segments) {
            perChain.merge(chainOf.apply(s), 1, Integer::sum);
        }
        double[] out = new double[segments.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1.0 / perChain.size() / perChain.get(chainOf.apply(segments.get(i)));
        }
        return out;
    }

    // ---- enterprises already in the graph: recomputed from what the graph holds of them --------------------------------

    /** What the values are computed from, per enterprise {@code e}. */
    private static final String INPUTS = """
            RETURN e.id AS id, coalesce(e.aliases, []) AS aliases,
                   [(e)-[:REPORTED]->(f:Figure) WHERE f.output IS NOT NULL | [f.year, f.output]] AS figures,
                   [(e)-[:HAS_HONOUR]->(h:Honour) | h.name] AS honours,
                   [(e)-[:IN_SEGMENT]->(s:Segment) | [s.id, s.chain]] AS segments""";

    private static final String INPUTS_OF = "UNWIND $ids AS id\nMATCH (e:Enterprise {id: id})\n" + INPUTS;

    private static final String INPUTS_PAGE = "MATCH (e:Enterprise) WHERE e.id > $after\nWITH e ORDER BY e.id LIMIT $limit\n" + INPUTS;

    private static final String WRITE = """
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            SET e.aliasText = r.aliasText, e.output = r.output, e.outputYear = r.outputYear, e.outputRank = r.outputRank,
                e.honourNames = r.honourNames
            WITH e, r
            CALL (e, r) {
              MATCH (e)-[x:IN_SEGMENT]->(s:Segment)
              SET x.share = r.shares[s.id]
            }""";

    /** Recomputes and stores the derived values of the enterprises {@code ids} (those missing are skipped), in {@code tx}. */
    static void refresh(SimpleQueryRunner tx, Collection<String> ids) {
        if (!ids.isEmpty()) {
            write(tx, tx.run(INPUTS_OF, Map.of("ids", List.copyOf(ids))).list());
        }
    }

    /**
     * Recomputes and stores the derived values of up to {@code limit} enterprises after id {@code after} (id order);
     * returns the last id done, or null when there were none.
     */
    static String refreshPage(SimpleQueryRunner tx, String after, int limit) {
        List<Record> inputs = tx.run(INPUTS_PAGE, Map.of("after", after, "limit", limit)).list();
        write(tx, inputs);
        return inputs.isEmpty() ? null : inputs.getLast().get("id").asString();
    }

    private static void write(SimpleQueryRunner tx, List<Record> inputs) {
        List<Map<String, Object>> rows = new ArrayList<>(inputs.size());
        for (Record r : inputs) {
            double[] latest = null;
            for (Value f : r.get("figures").values()) {
                if (latest == null || f.get(0).asLong() > latest[0]) {
                    latest = new double[]{f.get(0).asLong(), f.get(1).asDouble()};
                }
            }
            Map<String, String> chainOf = new HashMap<>();
            List<String> segments = new ArrayList<>();
            for (Value s : r.get("segments").values()) {
                segments.add(s.get(0).asString());
                chainOf.put(s.get(0).asString(), s.get(1).asString(null));
            }
            double[] shares = shares(segments, chainOf::get);
            Map<String, Object> byId = new HashMap<>();
            for (int i = 0; i < shares.length; i++) {
                byId.put(segments.get(i), shares[i]);
            }
            Map<String, Object> row = new HashMap<>();
            derived(r.get("aliases").asList(Value::asString), latest, r.get("honours").asList(Value::asString)).putInto(row);
            row.put("id", r.get("id").asString());
            row.put("shares", byId);
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            tx.run(WRITE, Map.of("rows", rows)).consume();
        }
    }
}
