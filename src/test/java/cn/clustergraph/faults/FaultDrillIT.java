package cn.clustergraph.faults;

import cn.clustergraph.ChildJvm;
import cn.clustergraph.ClusterGraphApplication;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.EmbeddedNeo4jEarlyStart;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.rollup.RollupService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at each phase of a register load — as validation ends, between the committed batches of a register written
 * batch by batch, during the rollup refresh after the data committed, and in the web app during the reload of a register —
 * then a restart on the same store: the graph is the before or the after state (or, batch by batch, a dataset marked
 * incomplete that reads name), the rollups equal the live aggregation (repaired before ready), and a rerun ends in the
 * register's counts. The child JVM ({@link FaultDrillChild}) runs the whole app; small batches keep it fast. The four
 * children run at once, each on its own store, started before the first check (the checks, one restart each, run in turn).
 */
class FaultDrillIT {

    /** The sample register's own dataset name (its dataset sheet). */
    static final String DATASET = "sample-register";
    static final int BATCH_ROWS = 200;
    static final Path REGISTER = Path.of("import", "sample");

    /** The register's rows: what a complete load holds. */
    static final Map<String, Long> COUNTS = Map.of("enterprises", 480L, "figures", 1328L, "honours", 339L, "supplyLinks", 2282L,
            "targets", 16L);

    @TempDir
    static Path dir;

    /** Each phase's drill, started together: its child's BEFORE checksum once killed at the phase. */
    private static final Map<String, CompletableFuture<String>> DRILLS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startTheDrills() throws IOException {
        Path changed = dir.resolve("changed");
        Files.createDirectories(changed);
        try (var files = Files.list(REGISTER)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(changed.resolve(f.getFileName()),
                        f.getFileName().toString().equals("enterprises.csv") ? text.replace("股份有限公司", "有限责任公司") : text,
                        StandardCharsets.UTF_8);
            }
        }
        for (String phase : List.of("validation", "writes", "rollups", "web")) {
            Files.createDirectories(dir.resolve(phase));
            String[] more = phase.equals("web") ? new String[] {changed.toString()} : new String[0];
            DRILLS.put(phase, CompletableFuture.supplyAsync(() -> {
                try {
                    return drill(store(phase), phase, more);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> Thread.ofVirtual().start(r)));
        }
    }

    /** The children still running: killed when the class ends, whatever happened to its tests. */
    private static final java.util.Set<Process> CHILDREN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @AfterAll
    static void stopTheDrills() {
        CHILDREN.forEach(Process::destroyForcibly);
    }

    private static Path store(String phase) {
        return dir.resolve(phase).resolve("store");
    }

    /** Waits for {@code phase}'s drill (its child killed at the phase); returns its BEFORE checksum, if any. */
    private static String drilled(String phase) throws Throwable {
        try {
            return DRILLS.get(phase).get(900, TimeUnit.SECONDS);  // a loaded CI machine starts the app slowly
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
        }
    }

    static Map<String, Object> settings(Path data) {
        return Map.ofEntries(
                Map.entry("clustergraph.neo4j.embedded.data-dir", data.toString()),
                Map.entry("clustergraph.migrations.location", "classpath:cypher/migrations/"),
                Map.entry("clustergraph.neo4j.embedded.bolt-port", "0"),
                Map.entry("clustergraph.neo4j.embedded.page-cache", "64m"),
                Map.entry("clustergraph.sample.enabled", "false"),
                Map.entry("clustergraph.warmup.iterations", "0"),
                Map.entry("clustergraph.security.admin-password", "test-admin-password-1"),
                Map.entry("clustergraph.register.single-transaction-rows", "1000"),
                Map.entry("clustergraph.register.batch-rows", String.valueOf(BATCH_ROWS)),
                Map.entry("clustergraph.register.writers", "1"),
                Map.entry("server.port", "0"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("logging.level.cn.clustergraph", "WARN"));
    }

    /** Settings as command-line arguments: above application.properties (default properties would be below it). */
    static String[] args(Map<String, Object> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedAsValidationEndsTheGraphIsAsBeforeAndARerunLoadsIt() throws Throwable {
        drilled("validation");
        Path data = store("validation");
        withApp(data, app -> {
            assertThat(app.getBean(RegisterImporter.class).isLoaded(DATASET)).isFalse();
            assertThat(enterprises(app)).isZero();
            assertRollupsRight(app);
            assertCompleteRerun(app);
        });
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedBetweenBatchesTheDatasetIsMarkedIncompleteReadsSaySoARerunCompletesItAndRemovalRemovesIt() throws Throwable {
        drilled("writes");
        Path data = store("writes");
        withApp(data, app -> {
            RegisterImporter importer = app.getBean(RegisterImporter.class);
            assertThat(importer.isLoaded(DATASET)).as("the Dataset exists from the first batch").isTrue();
            assertThat(importer.incomplete()).containsExactly(DATASET);
            assertThat(enterprises(app)).as("half loaded").isBetween(2L * BATCH_ROWS, 479L);
            var notice = app.getBean(DataNotices.class).of(false);
            assertThat(notice).as("reads say so").isNotNull();
            assertThat(notice.incomplete()).containsExactly(DATASET);
            assertThat(notice.notice()).contains(DATASET).contains("未完成").contains("Incomplete dataset");
            assertRollupsRight(app);
            assertCompleteRerun(app);  // resumes: what is in is merged, the rest created, the dataset complete
            assertThat(app.getBean(DataNotices.class).of(false)).as("complete: no notice").isNull();

            // a load that fails midway (here: in the figures, after every enterprise is committed) leaves the same state,
            // and remove-register removes it whole
            Map<String, Long> before = importer.remove(DATASET);
            assertThat(before.get("enterprises")).isEqualTo(480L);
            try {
                importer.load(RegisterSource.of(REGISTER), DATASET, false, (done, total) -> {
                    if (done >= 480L + BATCH_ROWS) {
                        throw new IllegalStateException("failed midway");
                    }
                });
            } catch (IllegalStateException expected) {
                // the load stopped in the figures sheet
            }
            assertThat(importer.incomplete()).containsExactly(DATASET);
            assertThat(enterprises(app)).isEqualTo(480L);
            assertRollupsRight(app);  // a failed load refreshes them over what it committed
            Map<String, Long> removed = importer.remove(DATASET);
            assertThat(removed.get("enterprises")).isEqualTo(480L);
            assertThat(importer.isLoaded(DATASET)).isFalse();
            assertThat(importer.incomplete()).isEmpty();
            assertThat(enterprises(app)).isZero();
            assertRollupsRight(app);
        });
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedDuringTheRollupRefreshTheDataIsInAndTheRollupsAreRepairedBeforeReady() throws Throwable {
        drilled("rollups");
        Path data = store("rollups");
        withApp(data, app -> {
            RegisterImporter importer = app.getBean(RegisterImporter.class);
            assertThat(importer.incomplete()).as("every batch committed").isEmpty();
            assertThat(enterprises(app)).isEqualTo(480L);
            assertRollupsRight(app);
            assertCompleteRerun(app);
        });
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedInTheWebAppDuringAReloadTheGraphIsAsBeforeAndARerunLoadsTheNewRegister() throws Throwable {
        String before = drilled("web");
        Path data = store("web");
        Path changed = dir.resolve("changed");
        withApp(data, app -> {
            EmbeddedNeo4j neo4j = app.getBean(EmbeddedNeo4j.class);
            assertThat(GraphChecksum.of(neo4j.database())).as("the graph as before the reload").isEqualTo(before);
            assertRollupsRight(app);
            RegisterImporter.Result r = app.getBean(RegisterImporter.class).load(RegisterSource.of(changed), DATASET);
            assertThat(r.graph()).containsAllEntriesOf(COUNTS);
            long renamed = neo4j.database().executeTransactionally(
                    "MATCH (e:Enterprise {dataset: $d}) WHERE e.name CONTAINS '股份有限公司' RETURN count(e) AS n", Map.of("d", DATASET),
                    x -> (Long) x.next().get("n"));
            assertThat(renamed).as("the new register is in").isZero();
            assertRollupsRight(app);
        });
    }

    private static long enterprises(ConfigurableApplicationContext app) {
        return app.getBean(EmbeddedNeo4j.class).database().executeTransactionally(
                "MATCH (e:Enterprise {dataset: $d}) RETURN count(e) AS n", Map.of("d", DATASET), r -> (Long) r.next().get("n"));
    }

    private static void assertRollupsRight(ConfigurableApplicationContext app) {
        RollupService rollups = app.getBean(RollupService.class);
        assertThat(rollups.state().stale()).as("rollups of the data's generation").isFalse();
        assertThat(rollups.differences()).as("stored rollups equal the live aggregation").isEmpty();
    }

    private static void assertCompleteRerun(ConfigurableApplicationContext app) {
        RegisterImporter importer = app.getBean(RegisterImporter.class);
        RegisterImporter.Result r = importer.load(RegisterSource.of(REGISTER), DATASET);
        assertThat(r.graph()).containsAllEntriesOf(COUNTS);
        assertThat(importer.incomplete()).isEmpty();
        assertRollupsRight(app);
    }

    /** Starts the app on {@code data} (as a restart after the kill would), hands it to {@code check}, closes it. */
    private static void withApp(Path data, Consumer<ConfigurableApplicationContext> check) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClusterGraphApplication.class)
                .initializers(new EmbeddedNeo4jEarlyStart()).web(WebApplicationType.NONE).run(args(settings(data)))) {
            check.accept(app);
        }
    }

    /** Runs the child at {@code phase} until it announces the halt, kills it with SIGKILL; returns its BEFORE checksum if any. */
    private static String drill(Path data, String phase, String... more) throws Exception {
        List<String> command = ChildJvm.command(Stream.concat(Stream.of("-Xmx512m"), ChildJvm.FAST.stream()).toList(), FaultDrillChild.class.getName());
        command.addAll(List.of(data.toString(), phase, REGISTER.toString()));
        command.addAll(List.of(more));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CHILDREN.add(child);
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Boolean> halted = new CompletableFuture<>();
        String[] before = {null};
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 60) {
                            lastLines.removeFirst();
                        }
                    }
                    if (line.startsWith(FaultDrillChild.BEFORE)) {
                        before[0] = line.substring(FaultDrillChild.BEFORE.length());
                    }
                    if (line.equals(FaultDrillChild.HALTED + phase)) {
                        halted.complete(true);
                    }
                    if (line.equals(FaultDrillChild.FINISHED)) {
                        halted.complete(false);
                    }
                }
            } catch (IOException ignored) {
                // the stream ends when the child dies
            }
            halted.complete(false);
        });
        try {
            boolean seen = halted.get(900, TimeUnit.SECONDS);  // a loaded CI machine starts the app slowly
            synchronized (lastLines) {
                assertThat(seen).as("child halted at %s; its last output:\n%s", phase, String.join("\n", lastLines)).isTrue();
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean DBMS shutdown
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotZero();
        return before[0];
    }
}
