package cn.clustergraph.faults;

import org.neo4j.graphdb.GraphDatabaseService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checksum over the data the app holds (every node's labels and properties, every relationship with its ends), leaving
 * out what a start writes by itself (audit events, tokens, migrations' records): equal checksums are equal graphs.
 */
final class GraphChecksum {

    private GraphChecksum() {
    }

    /** Properties in key order, arrays by their elements (never by identity). */
    private static String props(Object map) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>((Map<?, ?>) map).forEach((k, v) -> {
            sb.append(k).append('=');
            if (v != null && v.getClass().isArray()) {
                sb.append('[');
                for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                    sb.append(java.lang.reflect.Array.get(v, i)).append(',');
                }
                sb.append(']');
            } else {
                sb.append(v);
            }
            sb.append(';');
        });
        return sb.append('}').toString();
    }

    static String of(GraphDatabaseService db) {
        List<String> lines = new ArrayList<>();
        try (var tx = db.beginTx()) {
            try (var r = tx.execute("""
                    MATCH (n) WHERE NOT (n:AuditEvent OR n:ApiToken OR n:User OR n:SchemaMigration)
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props""")) {
                r.forEachRemaining(row -> lines.add("n " + row.get("id") + " " + new java.util.TreeSet<>((List<?>) row.get("labels"))
                        + " " + props(row.get("props"))));
            }
            try (var r = tx.execute("""
                    MATCH (a)-[x]->(b) WHERE NOT (a:AuditEvent OR a:ApiToken OR a:User OR b:AuditEvent OR b:User)
                    RETURN elementId(x) AS id, type(x) AS type, elementId(a) AS a, elementId(b) AS b, properties(x) AS props""")) {
                r.forEachRemaining(row -> lines.add("r " + row.get("id") + " " + row.get("type") + " " + row.get("a") + " " + row.get("b")
                        + " " + props(row.get("props"))));
            }
        }
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return lines.size() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
