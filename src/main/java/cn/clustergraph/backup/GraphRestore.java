package cn.clustergraph.backup;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import tools.jackson.core.JacksonException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Gives back the graph of a {@link GraphDump} file: checks the whole file first (header, every line, the trailer that
 * proves it is complete) and writes nothing when it is damaged; then empties the database (data, constraints and
 * indexes), re-creates the schema, the nodes and the relationships in batches, and compares the
 * {@link GraphFingerprint} of the result with the one recorded in the file.
 */
final class GraphRestore {

    static final int BATCH = 5_000;
    private static final String TEMP_LABEL = "_CgRestore";
    private static final String TEMP_KEY = "_cgRestoreId";
    private static final String TEMP_INDEX = "cg_restore_id";

    /** What a restore did. */
    record Summary(long nodes, long relationships, int schemaStatements, GraphFingerprint expected, GraphFingerprint actual,
                   long millis) {
        boolean identical() {
            return expected.equals(actual);
        }
    }

    /** What the file holds, known after checking it whole. */
    record Contents(Map<String, Object> header, int schemaStatements, long nodes, long relationships, GraphFingerprint fingerprint) {
    }

    private GraphRestore() {
    }

    /** Reads the whole file and says what it holds; a damaged or incomplete file is refused with the line. */
    static Contents check(Path file) throws IOException {
        Map<String, Object> header = null;
        int schema = 0;
        long nodes = 0;
        long rels = 0;
        GraphFingerprint fp = null;
        long lineNo = 0;
        try (BufferedReader in = reader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (fp != null) {
                    throw new BackupFileException(file, lineNo, "data after the end marker");
                }
                Map<String, Object> m = parse(file, lineNo, line);
                if (lineNo == 1) {
                    if (!GraphDump.FORMAT.equals(m.get("format"))) {
                        throw new BackupFileException(file, 1, "not a Cluster Graph backup (no \"format\": \"" + GraphDump.FORMAT + "\" header)");
                    }
                    if (!(m.get("version") instanceof Number v) || v.intValue() > GraphDump.VERSION) {
                        throw new BackupFileException(file, 1, "backup format version " + m.get("version") + " is newer than this app reads ("
                                + GraphDump.VERSION + "): restore it with the version that wrote it or a newer one");
                    }
                    header = m;
                } else if (m.containsKey("schema")) {
                    schema++;
                } else if (m.containsKey("n")) {
                    nodes++;
                } else if (m.containsKey("r")) {
                    rels++;
                } else if (Boolean.TRUE.equals(m.get("end"))) {
                    fp = GraphDump.JSON.convertValue(m.get("fingerprint"), GraphFingerprint.class);
                } else {
                    throw new BackupFileException(file, lineNo, "unknown line " + cut(line));
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BackupFileException(file, lineNo + 1, "the file is damaged or cut short (" + e.getMessage() + ")");
        }
        if (header == null) {
            throw new BackupFileException(file, 1, "the file is empty");
        }
        if (fp == null) {
            throw new BackupFileException(file, lineNo, "no end marker: the backup is incomplete (cut short while it was written or copied)");
        }
        if (fp.nodes() != nodes || fp.relationships() != rels) {
            throw new BackupFileException(file, lineNo, "the end marker counts " + fp.nodes() + " nodes and " + fp.relationships()
                    + " relationships, the file holds " + nodes + " and " + rels);
        }
        return new Contents(header, schema, nodes, rels, fp);
    }

    /** Restores the file into the database the driver talks to, replacing everything in it. */
    static Summary restore(Driver driver, Path file, java.util.function.Consumer<String> progress) throws IOException {
        long started = System.nanoTime();
        Contents contents = check(file);
        try (Session s = driver.session()) {
            long existing = s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
            progress.accept("emptying the database (" + existing + " nodes)");
            for (String name : s.run("SHOW CONSTRAINTS YIELD name RETURN name").list(r -> r.get(0).asString())) {
                s.run("DROP CONSTRAINT " + quote(name)).consume();
            }
            for (String name : s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").list(r -> r.get(0).asString())) {
                s.run("DROP INDEX " + quote(name) + " IF EXISTS").consume();
            }
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        int schema = 0;
        long nodes = 0;
        long rels = 0;
        try (BufferedReader in = reader(file); Session s = driver.session()) {
            s.run("CREATE INDEX " + TEMP_INDEX + " IF NOT EXISTS FOR (n:" + TEMP_LABEL + ") ON (n." + TEMP_KEY + ")").consume();
            s.run("CALL db.awaitIndex($name, 600)", Map.of("name", TEMP_INDEX)).consume();
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            boolean inRelationships = false;
            String line = in.readLine(); // header
            while ((line = in.readLine()) != null) {
                Map<String, Object> m = GraphDump.JSON.readValue(line, LINE);
                if (m.containsKey("schema")) {
                    s.run(m.get("schema").toString()).consume();
                    schema++;
                } else if (m.containsKey("n")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("n", PropertyCodec.decode(m.get("n")));
                    row.put("l", m.get("l"));
                    row.put("p", PropertyCodec.decode(props(m)));
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        nodes += writeNodes(s, batch);
                        progress.accept("nodes " + nodes + " of " + contents.nodes());
                    }
                } else if (m.containsKey("r")) {
                    if (!inRelationships) {
                        nodes += writeNodes(s, batch);
                        inRelationships = true;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("r", m.get("r"));
                    row.put("s", PropertyCodec.decode(m.get("s")));
                    row.put("e", PropertyCodec.decode(m.get("e")));
                    row.put("p", PropertyCodec.decode(props(m)));
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        rels += writeRelationships(s, batch);
                        progress.accept("relationships " + rels + " of " + contents.relationships());
                    }
                }
            }
            if (inRelationships) {
                rels += writeRelationships(s, batch);
            } else {
                nodes += writeNodes(s, batch);
            }
            progress.accept("removing the restore's temporary markers");
            s.run("MATCH (n:" + TEMP_LABEL + ") CALL (n) { REMOVE n:" + TEMP_LABEL + " REMOVE n." + TEMP_KEY
                    + " } IN TRANSACTIONS OF 10000 ROWS").consume();
            s.run("DROP INDEX " + TEMP_INDEX + " IF EXISTS").consume();
            s.run("CALL db.awaitIndexes(600)").consume();
        }
        GraphFingerprint actual = GraphFingerprint.of(driver);
        return new Summary(nodes, rels, schema, contents.fingerprint(), actual, (System.nanoTime() - started) / 1_000_000);
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> LINE = new tools.jackson.core.type.TypeReference<>() {
    };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> m) {
        Object p = m.get("p");
        return p == null ? Map.of() : (Map<String, Object>) p;
    }

    private static long writeNodes(Session s, List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        List<Map<String, Object>> rows = List.copyOf(batch);
        batch.clear();
        s.executeWriteWithoutResult(tx -> tx.run("UNWIND $rows AS r CREATE (n:" + TEMP_LABEL + " {" + TEMP_KEY + ": r.n})"
                + " SET n += r.p SET n:$(r.l)", Map.of("rows", rows)).consume());
        return n;
    }

    private static long writeRelationships(Session s, List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        List<Map<String, Object>> rows = List.copyOf(batch);
        batch.clear();
        s.executeWriteWithoutResult(tx -> tx.run("UNWIND $rows AS r MATCH (a:" + TEMP_LABEL + " {" + TEMP_KEY + ": r.s})"
                + " MATCH (b:" + TEMP_LABEL + " {" + TEMP_KEY + ": r.e}) CREATE (a)-[x:$(r.r)]->(b) SET x = r.p", Map.of("rows", rows)).consume());
        return n;
    }

    private static Map<String, Object> parse(Path file, long lineNo, String line) {
        try {
            return GraphDump.JSON.readValue(line, LINE);
        } catch (JacksonException e) {
            throw new BackupFileException(file, lineNo, "not a JSON line: " + cut(line));
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A backup file that cannot be restored, with the line where that showed. */
    static final class BackupFileException extends IllegalArgumentException {
        BackupFileException(Path file, long line, String message) {
            super(file.getFileName() + " line " + line + ": " + message);
        }
    }
}
