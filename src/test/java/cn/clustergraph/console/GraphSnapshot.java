package cn.clustergraph.console;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.TreeSet;

/**
 * Everything a refused console query must leave as it was: node and relationship counts, a checksum over every
 * label, type and property, the schema, the token names and the users.
 */
record GraphSnapshot(long nodes, long relationships, String checksum, List<String> schema, List<String> tokens, List<String> users) {

    /** A snapshot with the id of the last transaction the database had committed when it was taken. */
    record Marked(GraphSnapshot snapshot, long txn) {
    }

    /** {@link #take}, marked with {@code txn} (the database's last committed transaction id, read before the graph). */
    static Marked mark(Driver driver, LongSupplier txn) {
        long t = txn.getAsLong();
        return new Marked(take(driver), t);
    }

    /**
     * The snapshot again after {@code before}: when the database committed no transaction since, its nodes, relationships
     * and properties are as they were and are not read again (the schema, tokens and users always are); any commit since
     * means a full read.
     */
    static GraphSnapshot again(Driver driver, LongSupplier txn, Marked before) {
        if (txn.getAsLong() != before.txn()) {
            return take(driver);
        }
        GraphSnapshot b = before.snapshot();
        try (var session = driver.session()) {
            return new GraphSnapshot(b.nodes(), b.relationships(), b.checksum(), schema(session), tokens(session), users(driver));
        }
    }

    static GraphSnapshot take(Driver driver) {
        try (var session = driver.session()) {
            MessageDigest digest = sha256();
            long nodes = 0;
            for (Record r : session.run("""
                    MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id""").list()) {
                nodes++;
                update(digest, r.get("id").asString() + new TreeSet<>(r.get("labels").asList(Value::asString)) + props(r.get("props")));
            }
            long relationships = 0;
            for (Record r : session.run("""
                    MATCH (a)-[r]->(b)
                    RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b, properties(r) AS props
                    ORDER BY id""").list()) {
                relationships++;
                update(digest, r.get("id").asString() + r.get("type").asString() + r.get("a").asString() + r.get("b").asString()
                        + props(r.get("props")));
            }
            return new GraphSnapshot(nodes, relationships, HexFormat.of().formatHex(digest.digest()), schema(session), tokens(session),
                    users(driver));
        }
    }

    private static List<String> schema(Session session) {
        List<String> schema = new java.util.ArrayList<>();
        schema.addAll(session.run("SHOW INDEXES YIELD name, type, state RETURN 'index ' + name + ' ' + type + ' ' + state AS s")
                .list(r -> r.get("s").asString()));
        schema.addAll(session.run("SHOW CONSTRAINTS YIELD name, type RETURN 'constraint ' + name + ' ' + type AS s")
                .list(r -> r.get("s").asString()));
        schema.sort(null);
        return List.copyOf(schema);
    }

    private static List<String> tokens(Session session) {
        return session.run("""
                CALL db.labels() YIELD label RETURN 'label ' + label AS t
                UNION ALL
                CALL db.relationshipTypes() YIELD relationshipType RETURN 'type ' + relationshipType AS t
                UNION ALL
                CALL db.propertyKeys() YIELD propertyKey RETURN 'key ' + propertyKey AS t""")
                .list(r -> r.get("t").asString()).stream().sorted().toList();
    }

    private static List<String> users(Driver driver) {
        try (var system = driver.session(SessionConfig.forDatabase("system"))) {
            return system.run("SHOW USERS YIELD user RETURN user ORDER BY user").list(r -> r.get("user").asString());
        }
    }

    private static String props(Value map) {
        StringBuilder sb = new StringBuilder("{");
        new TreeSet<>(toList(map.keys())).forEach(k -> sb.append(k).append('=').append(map.get(k)).append(';'));
        return sb.append('}').toString();
    }

    private static List<String> toList(Iterable<String> keys) {
        List<String> out = new java.util.ArrayList<>();
        keys.forEach(out::add);
        return out;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
