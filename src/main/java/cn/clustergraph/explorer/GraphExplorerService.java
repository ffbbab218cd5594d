package cn.clustergraph.explorer;

import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.DataNotice;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph explorer: one node and its neighbours, capped per relationship type so a view never becomes a hairball.
 * One READ query per request; the label comes from a fixed allow-list, every user value is a parameter.
 */
@Service
public class GraphExplorerService {

    /** Explorable labels and their business key, in the order used to pick a node's kind from its labels. */
    static final Map<String, String> KINDS = kinds();

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("Task", "no");
        k.put("Department", "name");
        k.put("Chain", "name");
        k.put("Segment", "id");
        k.put("Enterprise", "id");
        k.put("Indicator", "id");
        k.put("Target", "id");
        k.put("Town", "name");
        k.put("Platform", "id");
        k.put("Institute", "id");
        k.put("Cluster", "name");
        k.put("Measure", "id");
        k.put("Section", "id");
        k.put("Source", "id");
        // further labels of the model, so every neighbour can be expanded in turn
        k.put("Programme", "id");
        k.put("Honour", "name");
        k.put("ChainItem", "id");
        k.put("Figure", "id");
        k.put("Dataset", "name");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** Properties that are bookkeeping, not information, and would only bloat the answer. */
    private static boolean hidden(String property) {
        return property.startsWith("rollup") || property.equals("aliasText") || property.equals("outputRank");
    }

    private static final Expression LABELS = Cypher.raw("labels(n)").as("labels");
    private static final Expression PROPS = Cypher.raw("properties(n)").as("props");
    private static final Expression SOURCES = Cypher.raw("[(n)-[:STATED_IN]->(s:Source) | {id: s.id, ref: s.ref, text: s.text}]").as("sources");

    /** Node {@code n} of a label by its business key, with the count per relationship type. */
    private static final Map<String, String> NODE = byKey(LABELS, PROPS, SOURCES,
            Cypher.raw("COLLECT { MATCH (n)-[r]-() WITH type(r) AS t, count(*) AS c RETURN [t, c] }").as("types"));

    /**
     * Per relationship type, its count and its first {@code $limit} neighbours (a top-k per type: a town or an honour of a
     * province-sized register has hundreds of thousands of enterprises, which are counted but never all sorted or returned).
     */
    private static final Map<String, String> NEIGHBOURS = byKey(LABELS, PROPS, SOURCES, Cypher.raw("""
                   COLLECT {
                     MATCH (n)-[r]-()
                     WITH type(r) AS relType, count(*) AS total
                     CALL (n, relType) {
                       MATCH (n)-[r]-(m) WHERE type(r) = relType
                       WITH r, m
                       ORDER BY coalesce(r.order, 9999), m.no, coalesce(m.outputRank, 0.0) DESC, coalesce(m.name, m.ref, m.id, '')
                       LIMIT $limit
                       OPTIONAL MATCH (s:Source) WHERE s.id = r.source
                       RETURN collect({out: startNode(r) = n, rel: properties(r), labels: labels(m), props: properties(m),
                                       src: CASE WHEN s IS NULL THEN null ELSE {id: s.id, ref: s.ref, text: s.text} END}) AS shown
                     }
                     RETURN {type: relType, total: total, kept: shown} ORDER BY relType
                   }""").as("groups"));

    /** Per explorable label, the query {@code MATCH (n:Label) WHERE n.key = $id RETURN returned}, composed with Cypher-DSL. */
    private static Map<String, String> byKey(Expression... returned) {
        Map<String, String> queries = new LinkedHashMap<>();
        KINDS.forEach((label, key) -> {
            Node n = Cypher.node(label).named("n");
            queries.put(label, CypherTemplate.render(Cypher.match(n).where(n.property(key).isEqualTo(Cypher.parameter("id")))
                    .returning(returned).build()));
        });
        return Map.copyOf(queries);
    }

    private final ReadQueries reads;
    private final DataNotices notices;
    private final ChainNames chains;

    GraphExplorerService(ReadQueries reads, DataNotices notices, ChainNames chains) {
        this.reads = reads;
        this.notices = notices;
        this.chains = chains;
    }

    /** The canonical label for a kind given in any case ("task" → "Task"); 400 for a kind not in the allow-list. */
    static String label(String kind) {
        if (kind != null) {
            for (String k : KINDS.keySet()) {
                if (k.equalsIgnoreCase(kind.strip())) {
                    return k;
                }
            }
        }
        throw new BadRequestException("kind", "unknown kind '" + kind + "'; one of " + String.join(", ", KINDS.keySet()));
    }

    private static Object key(String label, String id) {
        if (id == null || id.isBlank()) {
            throw new BadRequestException("id", "id is required");
        }
        if (label.equals("Task")) {
            try {
                return Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("id", "a task is identified by its number (1–62), not '" + id + "'");
            }
        }
        return id.strip();
    }

    public Map<String, Object> node(String kind, String id) {
        String label = label(kind);
        Object key = key(label, id);
        Map<String, Object> row = reads.one(NODE.get(label), Map.of("id", key))
                .orElseThrow(() -> new NotFoundException("no " + label + " with " + KINDS.get(label) + " '" + id + "'"));
        Map<String, Object> node = node(row.get("labels"), row.get("props"));
        node.put("sources", row.get("sources"));
        Map<String, Integer> degree = new TreeMap<>();
        for (Object t : (List<?>) row.get("types")) {
            List<?> typeCount = (List<?>) t;
            degree.put((String) typeCount.get(0), ((Number) typeCount.get(1)).intValue());
        }
        node.put("degree", degree);
        node.put("dataNotice", notices.of(Boolean.TRUE.equals(node.get("sample"))));
        return node;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> neighbours(String kind, String id, Integer limit) {
        String label = label(kind);
        Object key = key(label, id);
        int lim = limit == null ? DEFAULT_LIMIT : limit;
        if (lim < 1 || lim > MAX_LIMIT) {
            throw new BadRequestException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Map<String, Object> row = reads.one(NEIGHBOURS.get(label), Map.of("id", key, "limit", lim))
                .orElseThrow(() -> new NotFoundException("no " + label + " with " + KINDS.get(label) + " '" + id + "'"));
        Map<String, Object> root = node(row.get("labels"), row.get("props"));
        root.put("sources", row.get("sources"));
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        nodes.put((String) root.get("key"), root);
        List<Map<String, Object>> edges = new ArrayList<>();
        Map<String, Long> truncated = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        boolean sample = Boolean.TRUE.equals(root.get("sample"));
        for (Map<String, Object> g : (List<Map<String, Object>>) row.get("groups")) {
            String type = (String) g.get("type");
            long total = ((Number) g.get("total")).longValue();
            List<Map<String, Object>> kept = (List<Map<String, Object>>) g.get("kept");
            totals.put(type, total);
            if (total > kept.size()) {
                truncated.put(type, total - kept.size());
            }
            for (Map<String, Object> k : kept) {
                Map<String, Object> other = node(k.get("labels"), k.get("props"));
                sample |= Boolean.TRUE.equals(other.get("sample"));
                nodes.putIfAbsent((String) other.get("key"), other);
                boolean out = Boolean.TRUE.equals(k.get("out"));
                Map<String, Object> edge = new LinkedHashMap<>();
                edge.put("from", out ? root.get("key") : other.get("key"));
                edge.put("to", out ? other.get("key") : root.get("key"));
                edge.put("type", type);
                edge.put("properties", k.get("rel"));
                if (k.get("src") != null) {
                    edge.put("provenance", k.get("src"));
                }
                edges.add(edge);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("node", root);
        result.put("nodes", new ArrayList<>(nodes.values()));
        result.put("edges", edges);
        result.put("truncated", truncated);
        result.put("totals", totals);
        result.put("limit", lim);
        result.put("dataNotice", notices.of(sample));
        return result;
    }

    private static final String SUPPLIES = """
            MATCH (c:Chain {name: $chain})
            CALL (c) {
              MATCH (a:Segment)-[r:SUPPLIES]->(b:Segment)
              WHERE (a)-[:PART_OF]->(c) OR (b)-[:PART_OF]->(c)
              RETURN collect({from: a.id, fromName: a.name, fromChain: a.chain, fromStage: a.stage,
                              to: b.id, toName: b.name, toChain: b.chain, toStage: b.stage,
                              crossChain: a.chain <> b.chain, assumed: coalesce(r.assumed, false), note: r.note}) AS edges
            }
            RETURN c.name AS chain, edges
            """;

    /** The segment SUPPLIES links touching a chain's segments (both ends, across chains too): the chain map's arrows. */
    public Map<String, Object> supplies(String chain) {
        if (chain == null || chain.isBlank()) {
            throw new BadRequestException("chain", "chain is required");
        }
        return reads.one(SUPPLIES, Map.of("chain", chains.require(chain)))
                .orElseThrow(() -> new NotFoundException("no chain '" + chain + "'"));
    }

    /** {key, kind, id, label, stated, assumed, sample, properties} of a node from its labels and properties. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> node(Object labels, Object properties) {
        List<String> ls = (List<String>) labels;
        Map<String, Object> props = (Map<String, Object>) properties;
        String kind = KINDS.keySet().stream().filter(ls::contains).findFirst().orElse(ls.isEmpty() ? "Node" : ls.get(0));
        String keyProp = KINDS.getOrDefault(kind, "id");
        Object id = props.get(keyProp);
        if (id == null) {
            id = props.getOrDefault("id", props.getOrDefault("name", ""));
        }
        if (id instanceof Double d && d == Math.rint(d)) {
            id = d.longValue();
        }
        Map<String, Object> shown = new TreeMap<>();
        props.forEach((k, v) -> {
            if (!hidden(k)) {
                shown.put(k, v);
            }
        });
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("key", kind + ":" + id);
        n.put("kind", kind);
        n.put("id", String.valueOf(id));
        n.put("label", label(kind, props, String.valueOf(id)));
        n.put("stated", Boolean.TRUE.equals(props.get("stated")) || "programme".equals(props.get("dataset")));
        n.put("assumed", Boolean.TRUE.equals(props.get("assumed")));
        n.put("sample", Boolean.TRUE.equals(props.get("sample")));
        n.put("labels", ls);
        n.put("properties", shown);
        return n;
    }

    private static String label(String kind, Map<String, Object> p, String id) {
        return switch (kind) {
            case "Task" -> "任务" + id;
            case "Source" -> String.valueOf(p.getOrDefault("ref", id));
            case "Target" -> id;
            case "Section", "Measure" -> p.get("title") == null ? id : (p.get("no") == null ? "" : p.get("no") + " ") + p.get("title");
            case "Figure" -> p.get("year") != null ? String.valueOf(p.get("year")) + " 产值" : id;
            case "Programme" -> String.valueOf(p.getOrDefault("docNo", id));
            default -> {
                Object name = p.get("name");
                if (name == null) {
                    name = p.get("title");
                }
                if (kind.equals("Enterprise") && p.get("aliases") instanceof List<?> a && !a.isEmpty()) {
                    yield String.valueOf(a.get(0));
                }
                yield name == null ? id : String.valueOf(name);
            }
        };
    }
}
