package cn.clustergraph.upload;

import cn.clustergraph.programme.ProgrammeImporter;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What loading the programme and chain-map files would change, per kind of thing, compared with the graph (read
 * queries only). The programme import replaces both data sets whole, so a thing the files no longer hold is removed;
 * one whose values differ is changed (its properties compared, e.g. a task's content, a segment's aliases; not its
 * links); segment links and task mentions are compared by their ends.
 */
final class ProgrammePreview {

    /** One kind: the writer's rows, the graph's label, and the key of a row / of a node. */
    private record Kind(String rows, String label, String property, Function<Map<String, Object>, String> key) {
    }

    private static Kind node(String rows, String label, String key) {
        return new Kind(rows, label, key, r -> String.valueOf(r.get(key)));
    }

    private static final List<Kind> KINDS = List.of(
            node("programme", "Programme", "id"), node("sources", "Source", "id"), node("sections", "Section", "id"),
            node("measures", "Measure", "id"), node("tasks", "Task", "no"), node("departments", "Department", "name"),
            node("towns", "Town", "name"), node("indicators", "Indicator", "id"), node("targets", "Target", "id"),
            node("platforms", "Platform", "id"), node("institutes", "Institute", "id"), node("enterprises", "Enterprise", "id"),
            node("clusters", "Cluster", "name"), node("chains", "Chain", "name"), node("segments", "Segment", "id"),
            new Kind("chainItems", "ChainItem", "id", r -> r.get("chain") + "/" + r.get("item")));

    private static final String NODES = """
            MATCH (n:$($label)) WHERE n.dataset IN $datasets
            RETURN toString(n[$key]) AS key, properties(n) AS props""";

    private static final String SEGMENT_LINKS = """
            MATCH (a:Segment)-[x:SUPPLIES]->(b:Segment) WHERE x.dataset IN $datasets
            RETURN a.id + '->' + b.id AS key, properties(x) AS props""";

    private static final String MENTIONS = """
            MATCH (t:Task)-[x:CONCERNS]->(n) WHERE x.dataset IN $datasets
            RETURN toString(t.no) + '/' + head(labels(n)) + '/' + coalesce(n.id, n.name) AS key, properties(x) AS props""";

    private final Driver driver;

    ProgrammePreview(Driver driver) {
        this.driver = driver;
    }

    List<UploadRecords.PreviewRow> compare(Map<String, List<Map<String, Object>>> rows) {
        List<UploadRecords.PreviewRow> out = new ArrayList<>();
        for (Kind k : KINDS) {
            out.add(count(k.rows(), rows.getOrDefault(k.rows(), List.of()), k.key(),
                    graph(NODES, Map.of("label", k.label(), "key", k.property()))));
        }
        out.add(count("segmentLinks", rows.getOrDefault("segmentLinks", List.of()), r -> r.get("from") + "->" + r.get("to"),
                graph(SEGMENT_LINKS, Map.of())));
        out.add(count("mentions", rows.getOrDefault("mentions", List.of()), r -> r.get("task") + "/" + r.get("kind") + "/" + r.get("ref"),
                graph(MENTIONS, Map.of())));
        return out;
    }

    private Map<String, Map<String, Object>> graph(String query, Map<String, Object> params) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("datasets", List.of(ProgrammeImporter.PROGRAMME, ProgrammeImporter.CHAIN_MAP));
        Map<String, Map<String, Object>> out = new HashMap<>();
        try (var s = driver.session()) {
            s.executeRead(tx -> tx.run(query, p).list()).forEach(r -> out.put(r.get("key").asString(), r.get("props").asMap(Value::asObject)));
        }
        return out;
    }

    /** New, changed, unchanged by key; removed: in the graph, not in the files. */
    private static UploadRecords.PreviewRow count(String name, List<Map<String, Object>> rows, Function<Map<String, Object>, String> key,
                                                  Map<String, Map<String, Object>> graph) {
        Set<String> properties = new HashSet<>();
        graph.values().forEach(m -> properties.addAll(m.keySet()));
        Set<String> seen = new HashSet<>();
        long added = 0;
        long changed = 0;
        long unchanged = 0;
        for (Map<String, Object> r : rows) {
            String k = key.apply(r);
            seen.add(k);
            Map<String, Object> g = graph.get(k);
            if (g == null) {
                added++;
            } else if (r.entrySet().stream().anyMatch(e -> properties.contains(e.getKey())
                    && !Objects.equals(normal(e.getValue()), normal(g.get(e.getKey()))))) {
                changed++;
            } else {
                unchanged++;
            }
        }
        long removed = graph.keySet().stream().filter(k -> !seen.contains(k)).count();
        return new UploadRecords.PreviewRow(name, added, changed, unchanged, removed);
    }

    /** Values as the graph stores them: numbers by value, lists element by element, dates as text. */
    private static Object normal(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(ProgrammePreview::normal).toList();
        }
        if (o instanceof java.time.temporal.TemporalAccessor t) {
            return t.toString();
        }
        return RegisterPreview.num(o);
    }
}
