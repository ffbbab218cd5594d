package cn.clustergraph.backup;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Neo4j property value to JSON and back without losing its type (integer vs float, the temporal types, points,
 * durations, byte arrays), and the canonical text of a value that the graph fingerprint hashes.
 */
final class PropertyCodec {

    /** Key of the type tag of a value JSON cannot hold natively: {@code {"$": "datetime", "v": "…"}}. */
    static final String TAG = "$";

    private PropertyCodec() {
    }

    /** A property map as JSON-ready Java values (keys sorted, so the file is diffable). */
    static Map<String, Object> encode(Map<String, Value> properties) {
        Map<String, Object> m = new TreeMap<>();
        properties.forEach((k, v) -> m.put(k, encode(v.asObject())));
        return m;
    }

    static Object encode(Object o) {
        return switch (o) {
            case null -> null;
            case String s -> s;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Boolean b -> b;
            case Double d -> Double.isFinite(d) ? d : tagged("float", d.toString());
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(encode(x)));
                yield out;
            }
            case LocalDate d -> tagged("date", d.toString());
            case ZonedDateTime d -> tagged("datetime", d.toString());
            case LocalDateTime d -> tagged("localdatetime", d.toString());
            case OffsetTime t -> tagged("time", t.toString());
            case LocalTime t -> tagged("localtime", t.toString());
            case IsoDuration d -> {
                Map<String, Object> m = tagged("duration", null);
                m.remove("v");
                m.put("months", d.months());
                m.put("days", d.days());
                m.put("seconds", d.seconds());
                m.put("nanos", d.nanoseconds());
                yield m;
            }
            case Point p -> {
                Map<String, Object> m = tagged("point", null);
                m.remove("v");
                m.put("srid", p.srid());
                m.put("x", p.x());
                m.put("y", p.y());
                if (!Double.isNaN(p.z())) {
                    m.put("z", p.z());
                }
                yield m;
            }
            case byte[] b -> tagged("bytes", Base64.getEncoder().encodeToString(b));
            default -> throw new IllegalArgumentException("A property of type " + o.getClass().getName() + " cannot be backed up");
        };
    }

    private static Map<String, Object> tagged(String type, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TAG, type);
        m.put("v", value);
        return m;
    }

    /** A JSON-parsed property map back to driver parameter values. */
    static Map<String, Object> decode(Map<String, Object> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        properties.forEach((k, v) -> m.put(k, decode(v)));
        return m;
    }

    @SuppressWarnings("unchecked")
    static Object decode(Object o) {
        return switch (o) {
            case null -> null;
            case Integer i -> i.longValue();
            case Long l -> l;
            case java.math.BigInteger b -> b.longValueExact();
            case Float f -> f.doubleValue();
            case Double d -> d;
            case java.math.BigDecimal d -> d.doubleValue();
            case String s -> s;
            case Boolean b -> b;
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(x -> out.add(decode(x)));
                yield out;
            }
            case Map<?, ?> map -> decodeTagged((Map<String, Object>) map);
            default -> throw new IllegalArgumentException("Unexpected value in a backup: " + o);
        };
    }

    private static Object decodeTagged(Map<String, Object> m) {
        Object type = m.get(TAG);
        String v = m.get("v") == null ? null : m.get("v").toString();
        if (type == null) {
            throw new IllegalArgumentException("A map property value without a type tag: " + m);
        }
        return switch (type.toString()) {
            case "float" -> Double.valueOf(v);
            case "date" -> LocalDate.parse(v);
            case "datetime" -> ZonedDateTime.parse(v);
            case "localdatetime" -> LocalDateTime.parse(v);
            case "time" -> OffsetTime.parse(v);
            case "localtime" -> LocalTime.parse(v);
            case "duration" -> Values.isoDuration(num(m, "months"), num(m, "days"), num(m, "seconds"), (int) num(m, "nanos")).asIsoDuration();
            case "point" -> m.containsKey("z")
                    ? Values.point((int) num(m, "srid"), dbl(m, "x"), dbl(m, "y"), dbl(m, "z")).asPoint()
                    : Values.point((int) num(m, "srid"), dbl(m, "x"), dbl(m, "y")).asPoint();
            case "bytes" -> Base64.getDecoder().decode(v);
            default -> throw new IllegalArgumentException("Unknown value type '" + type + "' in a backup");
        };
    }

    private static long num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).longValue();
    }

    private static double dbl(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    /** The canonical text of a value: its type and its exact representation (what the fingerprint hashes). */
    static void canonical(StringBuilder b, Value v) {
        Object o = v.asObject();
        canonical(b, o);
    }

    private static void canonical(StringBuilder b, Object o) {
        switch (o) {
            case null -> b.append("null");
            case List<?> list -> {
                b.append('[');
                list.forEach(x -> {
                    canonical(b, x);
                    b.append(',');
                });
                b.append(']');
            }
            case byte[] bytes -> b.append("bytes:").append(Base64.getEncoder().encodeToString(bytes));
            default -> b.append(o.getClass().getSimpleName()).append(':').append(o);
        }
    }
}
