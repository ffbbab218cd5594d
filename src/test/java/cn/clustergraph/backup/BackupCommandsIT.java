package cn.clustergraph.backup;

import cn.clustergraph.ChildJvm;
import cn.clustergraph.ClusterGraphApplication;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands {@code backup}, {@code restore} and {@code export} as an operator runs them: each in its own JVM (the jar's
 * main class) on one store. A backup, then a change, then a restore of that backup gives the graph of the backup again
 * (counts per label and type, and the property checksum, read by this JVM from the store afterwards); the export writes
 * the import/ layout. Three child starts in all.
 */
class BackupCommandsIT {

    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    private List<String> settings(Path data, Path backups) {
        return List.of(
                "--clustergraph.neo4j.embedded.data-dir=" + data,
                // the default classpath*: finds the migrations twice on the test class path Surefire hands on: one location (as FaultDrillIT)
                "--clustergraph.migrations.location=classpath:cypher/migrations/",
                "--clustergraph.neo4j.embedded.bolt-port=0",
                "--clustergraph.neo4j.embedded.page-cache=64m",
                "--clustergraph.backup.dir=" + backups,
                "--clustergraph.sample.enabled=false", // also what restore adds itself: given twice it must still start
                "--clustergraph.warmup.iterations=0",
                "--clustergraph.security.admin-password=test-admin-password-1",
                "--logging.level.root=WARN",
                "--logging.level.cn.clustergraph=WARN");
    }

    private ChildJvm.Result command(Path data, Path backups, String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(settings(data, backups));
        List<String> options = new ArrayList<>(ChildJvm.FAST);
        options.add("-Xmx512m");
        ChildJvm.Result r = ChildJvm.run(options, ClusterGraphApplication.class.getName(), args, CHILD_TIMEOUT);
        assertThat(r.exitCode()).as("%s exit code; output:%n%s", words[0], r.output()).isZero();
        return r;
    }

    /** Opens the store the children use (they have exited), hands a driver to {@code check}. */
    private static <T> T withStore(Path data, Function<Driver, T> check) {
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, data, 0, "127.0.0.1", false, "64m", "1 files", "0s"),
                "neo4j", "");
             Driver driver = GraphDatabase.driver(store.boltUri(), AuthTokens.none())) {
            return check.apply(driver);
        }
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return m.group(1);
    }

    @Test
    @Timeout(value = 16, unit = TimeUnit.MINUTES)
    void backupChangeRestoreGivesTheBackedUpGraphAndExportWritesTheImportLayout() throws Exception {
        Path data = tmp.resolve("neo4j");
        Path backups = tmp.resolve("backups");

        // 1. backup: the first start loads the programme, then the command writes the whole graph
        ChildJvm.Result backup = command(data, backups, "backup");
        Path file = Path.of(group(backup.output(), "backup written: (\\S+" + Pattern.quote(BackupService.SUFFIX) + ")"));
        String checksum = group(backup.output(), "checksum (\\S+) \\(");
        long nodes = Long.parseLong(group(backup.output(), "(\\d+) nodes, "));
        assertThat(file).exists().hasParent(backups);
        GraphRestore.Contents contents = GraphRestore.check(file);
        assertThat(contents.nodes()).isEqualTo(nodes);

        // 2. a change after the backup: tasks gone, a stranger added
        GraphFingerprint changed = withStore(data, driver -> {
            try (var s = driver.session()) {
                s.run("MATCH (t:Task) WHERE t.no > 50 DETACH DELETE t").consume();
                s.run("CREATE (:AfterBackup {x: 1})").consume();
            }
            return GraphFingerprint.of(driver);
        });
        assertThat(changed.checksum()).isNotEqualTo(checksum);
        assertThat(changed.labels()).containsEntry("Task", 50L).containsEntry("AfterBackup", 1L);

        // 3. restore: the command compares the result with the backup itself and says so
        ChildJvm.Result restore = command(data, backups, "restore", "--file=" + file);
        assertThat(restore.output()).contains("identical to the backup: counts per label and type and checksum " + checksum);
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the graph before the restore is saved first").anyMatch(n -> n.endsWith("-before-restore" + BackupService.SUFFIX));
        }

        // ... and this JVM reads the same: the backed-up graph, plus the restore's own audit event
        withStore(data, driver -> {
            try (var s = driver.session()) {
                assertThat(s.run("MATCH (e:AuditEvent {kind: 'backup.restore'}) RETURN count(e) AS n").single().get("n").asLong()).isOne();
                s.run("MATCH (e:AuditEvent {kind: 'backup.restore'}) DETACH DELETE e").consume();
            }
            GraphFingerprint restored = GraphFingerprint.of(driver);
            assertThat(restored.labels()).containsEntry("Task", 62L).doesNotContainKey("AfterBackup");
            assertThat(restored.nodes()).isEqualTo(nodes);
            assertThat(restored.checksum()).isEqualTo(checksum);
            return null;
        });

        // 4. export: the import/ layout, every dataset (no register in this store: registers/ holds none)
        Path out = tmp.resolve("export");
        ChildJvm.Result export = command(data, backups, "export", "--out=" + out);
        for (ProgrammeExport.FileSpec f : ProgrammeExport.FILES) {
            assertThat(out.resolve(f.path())).as(f.path()).isRegularFile();
            assertThat(export.output()).contains(out.resolve(f.path()) + ": ");
        }
        assertThat(Files.readAllLines(out.resolve("programme/tasks.csv"))).hasSize(63);
        assertThat(Files.readAllLines(out.resolve("chains/chains.csv"))).hasSize(9);
        assertThat(Map.of("programme", out.resolve("programme"), "chains", out.resolve("chains"), "pipeline", out.resolve("pipeline"),
                "tracking", out.resolve("tracking")).values()).allMatch(Files::isDirectory);
    }
}
