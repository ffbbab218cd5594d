package cn.clustergraph.backup;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What "the same graph" means for backup and restore: node counts per label, relationship counts per type, and a
 * checksum over every node (its labels and properties with their types) and every relationship (its type, properties and
 * the checksums of its two end nodes) that does not depend on element ids or the order of the store.
 *
 * @param nodes         nodes in the graph
 * @param relationships relationships in the graph
 * @param labels        nodes per label
 * @param types         relationships per type
 * @param checksum      hex of the order-independent sums of the node and relationship hashes
 */
public record GraphFingerprint(long nodes, long relationships, Map<String, Long> labels, Map<String, Long> types, String checksum) {

    /** Reads the whole graph in one read transaction and computes its fingerprint. */
    public static GraphFingerprint of(Driver driver) {
        try (Session s = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
             Transaction tx = s.beginTransaction()) {
            Accumulator acc = new Accumulator();
            Result nodes = tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p");
            while (nodes.hasNext()) {
                Record r = nodes.next();
                acc.node(r.get("id").asString(), r.get("l").asList(Value::asString), r.get("p").asMap(v -> v));
            }
            Result rels = tx.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS t, properties(r) AS p");
            while (rels.hasNext()) {
                Record r = rels.next();
                acc.relationship(r.get("t").asString(), r.get("s").asString(), r.get("e").asString(), r.get("p").asMap(v -> v));
            }
            return acc.result();
        }
    }

    /** Builds a fingerprint from nodes and then relationships as they stream past (the dump and {@link #of}). */
    static final class Accumulator {
        private final Map<String, Long> labels = new TreeMap<>();
        private final Map<String, Long> types = new TreeMap<>();
        private final NodeIds hashes = new NodeIds();
        private final MessageDigest sha;
        private long nodes;
        private long relationships;
        private long nodeSum;
        private long relSum;

        Accumulator() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void node(String elementId, List<String> nodeLabels, Map<String, Value> props) {
            List<String> sorted = new ArrayList<>(nodeLabels);
            sorted.sort(null);
            StringBuilder b = new StringBuilder("N");
            for (String l : sorted) {
                b.append(':').append(l);
                labels.merge(l, 1L, Long::sum);
            }
            properties(b, props);
            long h = hash(b);
            hashes.put(elementId, h);
            nodeSum += h;
            nodes++;
        }

        void relationship(String type, String startId, String endId, Map<String, Value> props) {
            StringBuilder b = new StringBuilder("R:").append(type).append(':')
                    .append(hashes.get(startId)).append('>').append(hashes.get(endId));
            properties(b, props);
            types.merge(type, 1L, Long::sum);
            relSum += hash(b);
            relationships++;
        }

        private static void properties(StringBuilder b, Map<String, Value> props) {
            new TreeMap<>(props).forEach((k, v) -> {
                b.append('{').append(k).append('=');
                PropertyCodec.canonical(b, v);
                b.append('}');
            });
        }

        private long hash(StringBuilder b) {
            byte[] d = sha.digest(b.toString().getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        }

        GraphFingerprint result() {
            return new GraphFingerprint(nodes, relationships, labels, types, String.format("%016x%016x", nodeSum, relSum));
        }
    }

    /**
     * Element id → node hash without a boxed map entry per node where the id ends in a number (Neo4j's
     * {@code 4:<database>:<n>}), so a dump of a million-node graph stays small in memory.
     */
    static final class NodeIds {
        private long[] keys = new long[1 << 12];
        private long[] values = new long[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;
        private final Map<String, Long> other = new HashMap<>();

        static long numeric(String elementId) {
            int colon = elementId.lastIndexOf(':');
            try {
                return Long.parseLong(elementId.substring(colon + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        void put(String elementId, long value) {
            long k = numeric(elementId);
            if (k < 0) {
                other.put(elementId, value);
                return;
            }
            if (size * 2 >= keys.length) {
                grow();
            }
            insert(k, value);
        }

        Long get(String elementId) {
            long k = numeric(elementId);
            if (k < 0) {
                return other.get(elementId);
            }
            int mask = keys.length - 1;
            for (int i = slot(k, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    return values[i];
                }
            }
            return null;
        }

        private void insert(long k, long v) {
            int mask = keys.length - 1;
            int i = slot(k, mask);
            while (used[i] && keys[i] != k) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                size++;
            }
            used[i] = true;
            keys[i] = k;
            values[i] = v;
        }

        private static int slot(long k, int mask) {
            return (int) ((k * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        }

        private void grow() {
            long[] ok = keys;
            long[] ov = values;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            values = new long[ok.length * 2];
            used = new boolean[ok.length * 2];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ou[i]) {
                    insert(ok[i], ov[i]);
                }
            }
        }
    }
}
