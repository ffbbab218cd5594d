package cn.clustergraph.upload;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a register would change, sheet by sheet, computed while the importer's validation pass reads it: each converted
 * row is looked up in the graph (read queries, in batches) and counted as new, changed (a value the writer would set
 * differs from the graph's, following the writer's rules: empty cells keep, {@code -x} removes from a list), unchanged, or
 * removed ({@code remove} = true on something the graph has). A register never removes what it does not list.
 */
final class RegisterPreview implements BiConsumer<String, Map<String, Object>> {

    private static final int BATCH = 2000;
    private static final List<String> SHEETS = List.of("enterprises", "figures", "honours", "supply_links", "targets");

    /** Per sheet: the read query (rows → key, the graph's values) and how to compare one row with them. */
    private static final Map<String, String> LOOKUP = Map.of(
            "enterprises", """
                    UNWIND $rows AS r
                    OPTIONAL MATCH (e:Enterprise {id: r.id})
                    RETURN r.id AS key, e IS NOT NULL AS found, e.name AS name, e.local AS local, e.region AS region,
                           e.scale AS scale, e.chainLeader AS chainLeader, coalesce(e.aliases, []) AS aliases,
                           COLLECT { MATCH (e)-[:LOCATED_IN]->(t:Town) RETURN t.name } AS towns,
                           COLLECT { MATCH (e)-[:IN_SEGMENT]->(s:Segment) RETURN s.id } AS segments,
                           COLLECT { MATCH (e)-[x:IN_SEGMENT]->(s:Segment) WHERE x.primary RETURN s.id } AS primary,
                           COLLECT { MATCH (e)-[:ON_PLATFORM]->(p:Platform) RETURN p.id } AS platforms""",
            "figures", """
                    UNWIND $rows AS r
                    OPTIONAL MATCH (f:Figure {id: r.id + '-' + toString(r.year)})
                    RETURN r.id + '|' + toString(r.year) AS key, f IS NOT NULL AS found, f.output AS output, f.revenue AS revenue""",
            "honours", """
                    UNWIND $rows AS r
                    OPTIONAL MATCH (:Enterprise {id: r.id})-[x:HAS_HONOUR]->(:Honour {name: r.honour})
                    RETURN r.id + '|' + r.honour AS key, x IS NOT NULL AS found, x.year AS year""",
            "supply_links", """
                    UNWIND $rows AS r
                    OPTIONAL MATCH (:Enterprise {id: r.supplier})-[x:SUPPLIES {key: r.key}]->(:Enterprise {id: r.customer})
                    RETURN r.supplier + '|' + r.customer + '|' + r.key AS key, x IS NOT NULL AS found""",
            "targets", """
                    UNWIND $rows AS r
                    OPTIONAL MATCH (t:Target {id: r.indicator + '-' + toString(r.year)})
                    OPTIONAL MATCH (i:Indicator {id: r.indicator})
                    RETURN r.indicator + '|' + toString(r.year) AS key, t IS NOT NULL AS found, t.value AS value,
                           t.comparator AS comparator, t.period AS period, t.text AS text, i.name AS name, i.unit AS unit,
                           i.chain AS chain""");

    private final Driver driver;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<Map<String, Object>> batch = new ArrayList<>();
    private String sheet;

    RegisterPreview(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void accept(String sheetName, Map<String, Object> row) {
        if (!LOOKUP.containsKey(sheetName)) {
            return;
        }
        if (!sheetName.equals(sheet)) {
            flush();
            sheet = sheetName;
        }
        batch.add(row);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** Counts per sheet, in the register's order: [new, changed, unchanged, removed]. */
    List<UploadRecords.PreviewRow> rows() {
        flush();
        List<UploadRecords.PreviewRow> out = new ArrayList<>();
        for (String s : SHEETS) {
            long[] c = counts.get(s);
            if (c != null) {
                out.add(new UploadRecords.PreviewRow(s, c[0], c[1], c[2], c[3]));
            }
        }
        return out;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = List.copyOf(batch);
        batch.clear();
        Map<String, Record> found = new HashMap<>();
        try (var s = driver.session()) {
            s.executeRead(tx -> tx.run(LOOKUP.get(sheet), Map.of("rows", rows)).list())
                    .forEach(r -> found.put(r.get("key").asString(), r));
        }
        long[] c = counts.computeIfAbsent(sheet, k -> new long[4]);
        for (Map<String, Object> row : rows) {
            Record g = found.get(key(sheet, row));
            boolean exists = g != null && g.get("found").asBoolean();
            if (Boolean.TRUE.equals(row.get("remove"))) {
                c[3] += exists ? 1 : 0;
            } else if (!exists) {
                c[0]++;
            } else if (changes(sheet, row, g)) {
                c[1]++;
            } else {
                c[2]++;
            }
        }
    }

    private static String key(String sheet, Map<String, Object> r) {
        return switch (sheet) {
            case "enterprises" -> (String) r.get("id");
            case "figures" -> r.get("id") + "|" + r.get("year");
            case "honours" -> r.get("id") + "|" + r.get("honour");
            case "supply_links" -> r.get("supplier") + "|" + r.get("customer") + "|" + r.get("key");
            default -> r.get("indicator") + "|" + r.get("year");
        };
    }

    /** Whether writing {@code r} would change what the graph holds ({@code g}), by the writer's rules. */
    private static boolean changes(String sheet, Map<String, Object> r, Record g) {
        return switch (sheet) {
            case "enterprises" -> enterpriseChanges(r, g);
            case "figures" -> differs(r.get("output"), g.get("output")) || differs(r.get("revenue"), g.get("revenue"));
            case "honours" -> !Objects.equals(num(r.get("year")), num(value(g.get("year"))));
            case "supply_links" -> false;
            default -> !Objects.equals(num(r.get("value")), num(value(g.get("value"))))
                    || !Objects.equals(r.get("comparator"), value(g.get("comparator")))
                    || !Objects.equals(r.get("period"), value(g.get("period")))
                    || !Objects.equals(r.get("text"), value(g.get("text")))
                    || !Objects.equals(r.get("name"), value(g.get("name")))
                    || !Objects.equals(r.get("unit"), value(g.get("unit")))
                    || !Objects.equals(r.get("chain"), value(g.get("chain")));
        };
    }

    /** An optional cell: empty keeps the graph's value, so only a given value that differs is a change. */
    private static boolean differs(Object given, Value graph) {
        return given != null && !Objects.equals(num(given), num(value(graph)));
    }

    @SuppressWarnings("unchecked")
    private static boolean enterpriseChanges(Map<String, Object> r, Record g) {
        boolean local = Boolean.TRUE.equals(r.get("local"));
        if (!Objects.equals(r.get("name"), value(g.get("name"))) || !Objects.equals(r.get("local"), value(g.get("local")))) {
            return true;
        }
        if (differs(r.get("scale"), g.get("scale")) || differs(r.get("chainLeader"), g.get("chainLeader"))) {
            return true;
        }
        Object region = local ? null : (r.get("region") != null ? r.get("region") : value(g.get("region")));
        if (!Objects.equals(region, value(g.get("region")))) {
            return true;
        }
        List<String> town = local && r.get("town") != null ? List.of((String) r.get("town")) : List.of();
        if (!Set.copyOf(town).equals(Set.copyOf(strings(g.get("towns"))))) {
            return true;
        }
        List<String> aliases = new ArrayList<>(strings(g.get("aliases")));
        aliases.removeAll((Collection<String>) r.get("aliasesRemove"));
        aliases.removeAll((Collection<String>) r.get("aliasesAdd"));
        aliases.addAll((Collection<String>) r.get("aliasesAdd"));
        if (!aliases.equals(strings(g.get("aliases")))) {
            return true;
        }
        List<String> adds = (List<String>) r.get("segmentsAdd");
        if (!after(strings(g.get("segments")), (Collection<String>) r.get("segmentsRemove"), adds).equals(Set.copyOf(strings(g.get("segments"))))
                || !Set.copyOf(strings(g.get("primary"))).equals(adds.isEmpty() ? Set.of() : Set.of(adds.getFirst()))) {
            return true;
        }
        return !after(strings(g.get("platforms")), (Collection<String>) r.get("platformsRemove"), (Collection<String>) r.get("platformsAdd"))
                .equals(Set.copyOf(strings(g.get("platforms"))));
    }

    private static Set<String> after(List<String> now, Collection<String> removes, Collection<String> adds) {
        Set<String> s = new LinkedHashSet<>(now);
        s.removeAll(removes);
        s.addAll(adds);
        return s;
    }

    private static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    private static Object value(Value v) {
        return v == null || v.isNull() ? null : v.asObject();
    }

    /** Numbers compared by value (an integer year in the file equals a long in the graph, 12 equals 12.0). */
    static Object num(Object o) {
        return o instanceof Number n ? (Object) new java.math.BigDecimal(n.toString()).stripTrailingZeros() : o;
    }
}
