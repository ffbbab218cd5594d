package cn.clustergraph.console;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Neo4j values into plain JSON-ready Java values in the documented console form (docs/console.md):
 * graph entities as tagged maps, temporal, spatial and byte values as strings, lists and maps recursively.
 */
final class ValueJson {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private ValueJson() {
    }

    static Object toJson(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.hasType(TYPES.BOOLEAN())) {
            return v.asBoolean();
        }
        if (v.hasType(TYPES.INTEGER())) {
            return v.asLong();
        }
        if (v.hasType(TYPES.FLOAT())) {
            double d = v.asDouble();
            return Double.isFinite(d) ? d : Double.toString(d);
        }
        if (v.hasType(TYPES.STRING())) {
            return v.asString();
        }
        if (v.hasType(TYPES.NODE())) {
            return node(v.asNode());
        }
        if (v.hasType(TYPES.RELATIONSHIP())) {
            return relationship(v.asRelationship());
        }
        if (v.hasType(TYPES.PATH())) {
            return path(v.asPath());
        }
        if (v.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>(v.size());
            for (Value item : v.values()) {
                list.add(toJson(item));
            }
            return list;
        }
        if (v.hasType(TYPES.MAP())) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : v.keys()) {
                map.put(key, toJson(v.get(key)));
            }
            return map;
        }
        if (v.hasType(TYPES.BYTES())) {
            return Base64.getEncoder().encodeToString(v.asByteArray());
        }
        if (v.hasType(TYPES.POINT())) {
            return point(v.asPoint());
        }
        if (v.hasType(TYPES.DATE_TIME())) {
            ZonedDateTime t = v.asZonedDateTime();
            return t.getZone() instanceof ZoneOffset ? t.toOffsetDateTime().toString() : t.toString();
        }
        if (v.hasType(TYPES.DATE()) || v.hasType(TYPES.TIME()) || v.hasType(TYPES.LOCAL_TIME())
                || v.hasType(TYPES.LOCAL_DATE_TIME()) || v.hasType(TYPES.DURATION())) {
            return v.asObject().toString();
        }
        // Vectors and types this driver cannot decode: their text form.
        return v.toString();
    }

    static Map<String, Object> node(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_type", "node");
        m.put("id", n.elementId());
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        m.put("labels", labels);
        m.put("properties", properties(n.asMap(ValueJson::toJson)));
        return m;
    }

    static Map<String, Object> relationship(Relationship r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_type", "relationship");
        m.put("id", r.elementId());
        m.put("type", r.type());
        m.put("start", r.startNodeElementId());
        m.put("end", r.endNodeElementId());
        m.put("properties", properties(r.asMap(ValueJson::toJson)));
        return m;
    }

    static Map<String, Object> path(Path p) {
        List<Object> nodes = new ArrayList<>(p.length() + 1);
        p.nodes().forEach(n -> nodes.add(node(n)));
        List<Object> relationships = new ArrayList<>(p.length());
        p.relationships().forEach(r -> relationships.add(relationship(r)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_type", "path");
        m.put("nodes", nodes);
        m.put("relationships", relationships);
        return m;
    }

    /** Cypher's own literal form, e.g. {@code point({srid: 7203, x: 1.0, y: 2.0})}. */
    static String point(Point p) {
        return Double.isNaN(p.z())
                ? "point({srid: %d, x: %s, y: %s})".formatted(p.srid(), p.x(), p.y())
                : "point({srid: %d, x: %s, y: %s, z: %s})".formatted(p.srid(), p.x(), p.y(), p.z());
    }

    private static Map<String, Object> properties(Map<String, Object> raw) {
        return new TreeMap<>(raw);
    }
}
