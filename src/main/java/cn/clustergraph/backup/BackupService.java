package cn.clustergraph.backup;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.neo4j.EmbeddedModeCondition;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backups of everything the app holds and their restore: one at a time, writes paused by the {@link WriteGate} while the
 * embedded graph is read (an external server has no gate: see docs/operations.md), kept in the backup folder with
 * retention, audited.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    static final String SUFFIX = ".backup.jsonl.gz";
    private static final Pattern NAME = Pattern.compile("cluster-graph-[0-9]{8}-[0-9]{6}(-[a-z0-9-]+)?" + Pattern.quote(SUFFIX));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** A backup that ran. */
    public record BackupInfo(String name, long size, String guarantee, long nodes, long relationships, Map<String, Long> labels,
                             Map<String, Long> types, String checksum, long writesPausedMs, long millis) {
    }

    /** A backup file in the folder. */
    public record BackupFile(String name, long size, String modified) {
    }

    /** Another backup is running. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("A backup is already running; try again when it has finished");
        }
    }

    private final Driver driver;
    private final BackupProperties props;
    private final WriteGate gate;
    private final AuditService audit;
    private final Path dir;
    private final ReentrantLock running = new ReentrantLock();

    BackupService(Driver driver, BackupProperties props, ObjectProvider<WriteGate> gate, AuditService audit, Environment env) {
        this.driver = driver;
        this.props = props;
        this.gate = gate.getIfAvailable();
        this.audit = audit;
        this.dir = props.dir().isBlank() ? defaultDir(env) : Path.of(props.dir()).toAbsolutePath().normalize();
    }

    private static Path defaultDir(Environment env) {
        if (EmbeddedModeCondition.embedded(env)) {
            return Path.of(env.getProperty("clustergraph.neo4j.embedded.data-dir", "data/neo4j")).toAbsolutePath().normalize().resolveSibling("backups");
        }
        return Path.of("data", "backups").toAbsolutePath().normalize();
    }

    /** The backup folder. */
    public Path dir() {
        return dir;
    }

    /** What a backup guarantees while the app runs, in one sentence (shown with every backup). */
    String guarantee() {
        return gate != null
                ? "consistent: writes paused while the graph was read (one committed state, nothing lost)"
                : "external Neo4j: read in one read transaction without pausing writes; consistent only if nothing wrote meanwhile"
                        + " — use the server's own backup (neo4j-admin database dump/backup, Aura snapshots)";
    }

    /**
     * Takes a backup now into the backup folder and applies the retention.
     *
     * @param label short word in the file name ({@code manual}, {@code scheduled}, {@code before-restore}, {@code cli})
     */
    public BackupInfo backup(Actor actor, String label) {
        if (!running.tryLock()) {
            throw new Busy();
        }
        try {
            Files.createDirectories(dir);
            String name = "cluster-graph-" + LocalDateTime.now().format(STAMP) + "-" + label + SUFFIX;
            Path file = dir.resolve(name);
            for (int i = 2; Files.exists(file); i++) {
                name = "cluster-graph-" + LocalDateTime.now().format(STAMP) + "-" + label + "-" + i + SUFFIX;
                file = dir.resolve(name);
            }
            long started = System.nanoTime();
            long paused;
            GraphFingerprint fp;
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("guarantee", guarantee());
            header.put("by", actor.username());
            if (gate != null) {
                gate.close(props.commitWait());
            }
            long pauseStarted = System.nanoTime();
            try {
                fp = GraphDump.write(driver, file, header);
            } finally {
                if (gate != null) {
                    int waited = gate.waiting();
                    gate.open();
                    if (waited > 0) {
                        log.info("Backup: {} write(s) waited at the gate and continue now", waited);
                    }
                }
                paused = gate == null ? 0 : (System.nanoTime() - pauseStarted) / 1_000_000;
            }
            long size = Files.size(file);
            long millis = (System.nanoTime() - started) / 1_000_000;
            BackupInfo info = new BackupInfo(name, size, guarantee(), fp.nodes(), fp.relationships(), fp.labels(), fp.types(),
                    fp.checksum(), paused, millis);
            log.info("Backup {} written: {} nodes, {} relationships, {} bytes in {} ms (writes paused {} ms)", file, fp.nodes(),
                    fp.relationships(), size, millis, paused);
            audit.record(actor, "backup.create", List.of("Backup:" + name), null,
                    fp.nodes() + " nodes, " + fp.relationships() + " relationships, " + size + " bytes, checksum " + fp.checksum(), "ok");
            prune();
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("Backup into " + dir + " failed: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Backup gave up: " + e.getMessage() + " (clustergraph.backup.commit-wait)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Backup interrupted", e);
        } finally {
            running.unlock();
        }
    }

    /** Deletes the oldest backups beyond {@code keep}. */
    void prune() throws IOException {
        if (props.keep() <= 0) {
            return;
        }
        List<BackupFile> files = list();
        for (BackupFile f : files.subList(Math.min(props.keep(), files.size()), files.size())) {
            Files.deleteIfExists(dir.resolve(f.name()));
            log.info("Backup retention (keep {}): deleted {}", props.keep(), f.name());
        }
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<BackupFile> out = new ArrayList<>();
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(p -> {
                try {
                    out.add(new BackupFile(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant().toString()));
                } catch (IOException e) {
                    // deleted meanwhile
                }
            });
            out.sort(Comparator.comparing(BackupFile::name).reversed());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backup file of the folder by its name (404 for anything else, so no path can be smuggled in). */
    public Path file(String name) {
        if (name == null || !NAME.matcher(name).matches() || !Files.isRegularFile(dir.resolve(name))) {
            throw new NotFoundException("No backup named '" + name + "' in the backup folder");
        }
        return dir.resolve(name);
    }

    /**
     * Replaces the graph with a backup file: checks the file whole first, saves the current graph as a
     * {@code before-restore} backup, then restores and compares the result with the file's fingerprint.
     */
    public GraphRestore.Summary restore(Path file, Actor actor, boolean safetyBackup, Consumer<String> progress) throws IOException {
        GraphRestore.Contents contents = GraphRestore.check(file);
        progress.accept("backup checked: " + contents.nodes() + " nodes, " + contents.relationships() + " relationships, "
                + contents.schemaStatements() + " schema statements, written " + contents.header().get("createdAt"));
        if (safetyBackup) {
            BackupInfo before = backup(actor, "before-restore");
            progress.accept("the current graph is saved as " + dir.resolve(before.name()));
        }
        GraphRestore.Summary summary = GraphRestore.restore(driver, file, progress);
        audit.record(actor, "backup.restore", List.of("Backup:" + file.getFileName()), null,
                summary.nodes() + " nodes, " + summary.relationships() + " relationships restored; "
                        + (summary.identical() ? "identical to the backup (counts and checksum)" : "DIFFERENT from the backup"),
                summary.identical() ? "ok" : "failed");
        return summary;
    }
}
