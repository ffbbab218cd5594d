package cn.clustergraph.backup;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the whole graph as one gzip'd JSON-lines file: a header, the schema (every constraint and index as its
 * {@code CREATE} statement), every node (labels and typed properties), every relationship, and a trailer with the
 * counts and the {@link GraphFingerprint} of what was written. Generic on purpose: whatever labels, relationship types
 * and properties a future feature writes are in it without a change here.
 */
final class GraphDump {

    static final String FORMAT = "cluster-graph-backup";
    static final int VERSION = 1;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphDump() {
    }

    /** The schema as statements that re-create it (token lookup indexes and constraint-owned indexes come by themselves). */
    static List<String> schema(Driver driver) {
        List<String> statements = new ArrayList<>();
        try (Session s = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            s.run("SHOW CONSTRAINTS YIELD name, createStatement RETURN createStatement ORDER BY name")
                    .forEachRemaining(r -> statements.add(r.get(0).asString()));
            s.run("""
                    SHOW INDEXES YIELD name, type, owningConstraint, createStatement
                    WHERE owningConstraint IS NULL AND type <> 'LOOKUP'
                    RETURN createStatement ORDER BY name""").forEachRemaining(r -> statements.add(r.get(0).asString()));
        }
        return statements;
    }

    /**
     * Writes the dump to {@code file} (through a temporary file, so a failed dump leaves no partial backup behind).
     * The data is read in one read transaction; the caller pauses writes around it where it can (see {@link WriteGate}).
     */
    static GraphFingerprint write(Driver driver, Path file, Map<String, Object> header) throws IOException {
        List<String> schema = schema(driver);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        GraphFingerprint fp;
        try (OutputStream out = Files.newOutputStream(tmp);
             Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("format", FORMAT);
            h.put("version", VERSION);
            h.put("createdAt", OffsetDateTime.now().toString());
            h.putAll(header);
            line(w, h);
            for (String st : schema) {
                line(w, Map.of("schema", st));
            }
            GraphFingerprint.Accumulator acc = new GraphFingerprint.Accumulator();
            try (Session s = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
                 Transaction tx = s.beginTransaction()) {
                Result nodes = tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p");
                Map<String, Object> row = new LinkedHashMap<>();
                while (nodes.hasNext()) {
                    Record r = nodes.next();
                    String id = r.get("id").asString();
                    List<String> labels = r.get("l").asList(Value::asString);
                    Map<String, Value> props = r.get("p").asMap(v -> v);
                    acc.node(id, labels, props);
                    row.clear();
                    row.put("n", nodeKey(id));
                    row.put("l", labels);
                    row.put("p", PropertyCodec.encode(props));
                    line(w, row);
                }
                Result rels = tx.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS s, elementId(b) AS e, type(r) AS t, properties(r) AS p");
                while (rels.hasNext()) {
                    Record r = rels.next();
                    String start = r.get("s").asString();
                    String end = r.get("e").asString();
                    String type = r.get("t").asString();
                    Map<String, Value> props = r.get("p").asMap(v -> v);
                    acc.relationship(type, start, end, props);
                    row.clear();
                    row.put("r", type);
                    row.put("s", nodeKey(start));
                    row.put("e", nodeKey(end));
                    row.put("p", PropertyCodec.encode(props));
                    line(w, row);
                }
                // a read transaction: rolled back on close, nothing to commit
            }
            fp = acc.result();
            Map<String, Object> trailer = new LinkedHashMap<>();
            trailer.put("end", true);
            trailer.put("fingerprint", fp);
            line(w, trailer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return fp;
    }

    /** A node's key inside the file: the number at the end of its element id, or the whole id. */
    private static Object nodeKey(String elementId) {
        long n = GraphFingerprint.NodeIds.numeric(elementId);
        return n >= 0 ? (Object) n : elementId;
    }

    private static void line(Writer w, Object value) throws IOException {
        w.write(JSON.writeValueAsString(value));
        w.write('\n');
    }
}
