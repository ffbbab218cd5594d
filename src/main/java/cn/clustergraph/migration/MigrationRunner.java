package cn.clustergraph.migration;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned Cypher files of {@code cypher/migrations/} in order, each once, and records each in the graph
 * as a {@code :SchemaMigration} node with its checksum; an applied file that changed stops the app.
 */
@Component
public class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.cypher");
    /** The name a migration's {@code CREATE CONSTRAINT} gives its constraint (and the backing index). */
    private static final Pattern CONSTRAINT = Pattern.compile("(?i)\\s*CREATE\\s+CONSTRAINT\\s+(?!IF\\s)(`?\\w+`?)\\s");

    private final Driver driver;
    private final String location;

    MigrationRunner(Driver driver, @Value("${clustergraph.migrations.location:classpath*:cypher/migrations/}") String location) {
        this.driver = driver;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** A migration file: version, description, statements and checksum. */
    public record Migration(int version, String file, String description, List<String> statements, String checksum) {
    }

    /** Applies pending migrations; returns the files applied now. */
    public List<String> migrate() {
        List<Migration> migrations = load();
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            session.run("CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE").consume();
            Map<Long, String> applied = session.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c")
                    .list(r -> Map.entry(r.get("v").asLong(), r.get("c").asString()))).stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<String> done = new ArrayList<>();
            for (Migration m : migrations) {
                String recorded = applied.get((long) m.version());
                if (recorded != null) {
                    if (!recorded.equals(m.checksum())) {
                        throw new IllegalStateException("Schema migration " + m.file() + " was changed after it was applied"
                                + " (recorded checksum " + recorded + ", file now " + m.checksum() + "). Applied migrations must not"
                                + " be edited: restore the file and add a new V" + String.format("%03d", m.version() + 1) + "__...cypher instead.");
                    }
                    continue;
                }
                long started = System.nanoTime();
                for (String statement : m.statements()) {
                    dropOrphanIndex(session, statement);
                    // Schema commands cannot share a transaction with data writes: one auto-commit statement each.
                    session.run(statement).consume();
                }
                session.executeWrite(tx -> tx.run("""
                        CREATE (m:SchemaMigration {version: $version, file: $file, description: $description,
                                checksum: $checksum, appliedAt: datetime()})""",
                        Map.of("version", m.version(), "file", m.file(), "description", m.description(), "checksum", m.checksum())).consume());
                log.info("Applied schema migration {} ({} statements) in {} ms", m.file(), m.statements().size(),
                        (System.nanoTime() - started) / 1_000_000);
                done.add(m.file());
            }
            if (!done.isEmpty()) {
                // one wait for all new indexes: created together, Neo4j populates them in one scan of a loaded store
                long started = System.nanoTime();
                session.run("CALL db.awaitIndexes(600)").consume();
                log.info("Indexes online in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            return done;
        }
    }

    /**
     * A start stopped while a constraint was being created (a kill, a power cut) can leave its backing index behind without
     * the constraint, under the constraint's name; {@code CREATE CONSTRAINT name IF NOT EXISTS} then fails with "There
     * already exists an index called 'name'" at every start. Such an index owned by no constraint is dropped (it only
     * existed for that constraint), so the statement builds index and constraint again.
     */
    private static void dropOrphanIndex(org.neo4j.driver.Session session, String statement) {
        Matcher m = CONSTRAINT.matcher(statement);
        if (!m.lookingAt()) {
            return;
        }
        String name = m.group(1).replace("`", "");
        boolean orphan = session.run("SHOW INDEXES YIELD name, owningConstraint WHERE name = $name AND owningConstraint IS NULL RETURN count(*) > 0 AS x",
                Map.of("name", name)).single().get("x").asBoolean();
        if (orphan) {
            log.warn("Schema: index '{}' exists without its constraint (a start interrupted while creating it); dropping it so the"
                    + " constraint is built again", name);
            // a schema name cannot be a parameter; it comes from our own migration file and matched \w+ above
            session.run("DROP INDEX `" + name + "` IF EXISTS").consume();
        }
    }

    /** The highest version present in the graph, or 0. */
    public int currentVersion() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN coalesce(max(m.version), 0) AS v").single().get("v").asInt());
        }
    }

    List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "V*.cypher");
            List<Migration> list = new ArrayList<>();
            for (Resource r : resources) {
                Matcher matcher = NAME.matcher(r.getFilename() == null ? "" : r.getFilename());
                if (!matcher.matches()) {
                    throw new IllegalStateException("Migration file name " + r.getFilename() + " does not match V<number>__<description>.cypher");
                }
                String text = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                list.add(new Migration(Integer.parseInt(matcher.group(1)), r.getFilename(), matcher.group(2).replace('_', ' '),
                        statements(text), sha256(text)));
            }
            list.sort(Comparator.comparingInt(Migration::version));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).version() == list.get(i - 1).version()) {
                    throw new IllegalStateException("Two migrations share version " + list.get(i).version() + ": "
                            + list.get(i - 1).file() + ", " + list.get(i).file());
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migrations from " + location, e);
        }
    }

    /** Splits a file into statements at semicolons that end a line; {@code //} comment lines are dropped. */
    static List<String> statements(String text) {
        StringBuilder current = new StringBuilder();
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
