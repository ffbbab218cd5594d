package cn.clustergraph.report;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;

import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns driver values into plain Java values that JSON, CSV and XLSX writers understand: a node becomes
 * {@code {elementId, labels, properties}}, a relationship {@code {elementId, type, startElementId, endElementId,
 * properties}}, a path {@code {nodes, relationships}}; dates stay dates, other temporals and points become text.
 */
final class ResultValues {

    private ResultValues() {
    }

    static Object toJava(Value value) {
        return plain(value.asObject());
    }

    static Object plain(Object o) {
        return switch (o) {
            case null -> null;
            case Node n -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("elementId", n.elementId());
                List<String> labels = new ArrayList<>();
                n.labels().forEach(labels::add);
                m.put("labels", labels);
                m.put("properties", properties(n));
                yield m;
            }
            case Relationship r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("elementId", r.elementId());
                m.put("type", r.type());
                m.put("startElementId", r.startNodeElementId());
                m.put("endElementId", r.endNodeElementId());
                m.put("properties", properties(r));
                yield m;
            }
            case Path p -> {
                List<Object> nodes = new ArrayList<>();
                List<Object> rels = new ArrayList<>();
                p.nodes().forEach(n -> nodes.add(plain(n)));
                p.relationships().forEach(r -> rels.add(plain(r)));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("nodes", nodes);
                m.put("relationships", rels);
                yield m;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(plain(x)));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case Integer i -> i.longValue();
            case ZonedDateTime z -> z.toOffsetDateTime().toString();
            case OffsetTime t -> t.toString();
            case LocalTime t -> t.toString();
            case IsoDuration d -> d.toString();
            case Point p -> p.toString();
            case byte[] b -> java.util.Base64.getEncoder().encodeToString(b);
            default -> o; // String, Long, Double, Boolean, LocalDate, LocalDateTime
        };
    }

    /** Properties sorted by key, so exports are stable. */
    private static Map<String, Object> properties(Entity e) {
        Map<String, Object> m = new TreeMap<>();
        e.asMap().forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }
}
