package cn.clustergraph.register;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.neo4j.TransactionMemory;
import cn.clustergraph.rollup.RollupService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Loads an enterprise register (统一社会信用代码-keyed enterprises, yearly figures, honours, supply links and chain
 * plan targets; see import/README.md "register/ and sample/") from CSV, GB18030 CSV or XLSX.
 * <p>
 * Two streaming passes: the first validates every row of every sheet (credit codes per GB 32100, references to
 * segments, towns, platforms, honours, chains and to enterprises in the file or the graph) and collects every
 * problem with file, line and column; if there is any, nothing is written. The second pass writes in batches of
 * {@code clustergraph.register.batch-rows} (default {@value #BATCH}) rows with {@code UNWIND … MERGE}: in one transaction up to {@code clustergraph.register.single-transaction-rows}
 * rows, in one transaction per batch above that. Reimport updates in place; only rows with {@code remove} = true
 * and {@code -value} entries in list cells remove anything. Rows that only concern enterprises new to the graph (a first
 * load) are written with {@code CREATE} instead, complete with their derived values ({@link NewEnterprises}); after an
 * upsert or removal batch the derived values of its enterprises are recomputed from the graph in the same transaction.
 * Both compute them with {@link EnterpriseValues}. Afterwards the rollups are refreshed.
 */
@Component
public class RegisterImporter {

    public static final String SAMPLE = "sample-register";
    /** Rows per write batch by default ({@code clustergraph.register.batch-rows}). */
    public static final int BATCH = 5000;

    private static final Logger log = LoggerFactory.getLogger(RegisterImporter.class);

    /** What a load wrote: rows per sheet, removals, and the dataset's counts in the graph afterwards. */
    public record Result(String dataset, boolean sample, String source, Map<String, Long> written, Map<String, Long> removed,
                         Map<String, Long> graph, Map<String, Long> timings, long millis) {

        public String summary() {
            return "register '" + dataset + "'" + (sample ? " (SAMPLE, fictional)" : "") + " from " + source + ": written " + written
                    + (removed.values().stream().anyMatch(v -> v > 0) ? ", removed " + removed : "") + "; in the graph " + graph
                    + " (" + millis + " ms: " + timings + ")";
        }
    }

    private final Driver driver;
    private final RollupService rollups;
    private final ApplicationEventPublisher events;
    private final RegisterProperties props;

    RegisterImporter(Driver driver, RollupService rollups, ApplicationEventPublisher events, RegisterProperties props) {
        this.driver = driver;
        this.rollups = rollups;
        this.events = events;
        this.props = props;
    }

    /** Why {@code name} cannot name a register's dataset (the rule of the dataset sheet), or null when it can. */
    public static String datasetNameProblem(String name) {
        return RegisterRows.datasetNameProblem(name);
    }

    /** Registers whose load did not finish (killed or failed midway): their Dataset says {@code complete = false}. */
    public List<String> incomplete() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("MATCH (d:Dataset) WHERE d.complete = false RETURN d.name AS n ORDER BY n")
                    .list(r -> r.get("n").asString()));
        }
    }

    /** True when a register named {@code dataset} has been loaded (completely or not: see {@link #incomplete()}). */
    public boolean isLoaded(String dataset) {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("RETURN EXISTS { MATCH (d:Dataset {name: $d}) } AS x", Map.of("d", dataset))
                    .single().get("x").asBoolean());
        }
    }

    /** What the read-only validation pass found: the dataset the register writes, its row count, every problem. */
    public record Checked(String dataset, boolean sample, long rows, List<ImportProblems.Problem> problems) {
    }

    /** Reports rows written so far of the total, while a load runs. */
    @FunctionalInterface
    public interface ProgressListener {
        void rows(long done, long total);
    }

    /**
     * The validation pass of {@link #load} alone (reads the file and the graph, writes nothing); every converted row is
     * handed to {@code rows} (sheet name, the writer's parameter map) as it is read.
     */
    public Checked check(RegisterSource source, String defaultDataset,
                         java.util.function.BiConsumer<String, Map<String, Object>> rows) {
        return check(source, defaultDataset, false, rows);
    }

    /** {@link #check(RegisterSource, String, java.util.function.BiConsumer)}; {@code datasetGiven}: see {@link #load(RegisterSource, String, boolean, ProgressListener)}. */
    public Checked check(RegisterSource source, String defaultDataset, boolean datasetGiven,
                         java.util.function.BiConsumer<String, Map<String, Object>> rows) {
        RegisterValidation validation = new RegisterValidation(driver, RegisterRows.Vocabulary.load(driver), source, defaultDataset)
                .datasetGiven(datasetGiven).onRow(rows);
        RegisterRows.DatasetInfo ds = validation.run();
        return new Checked(ds.name(), ds.sample(), validation.totalRows(), validation.problems().list());
    }

    /**
     * Validates the whole register, then writes it.
     *
     * @param defaultDataset dataset name when the register has no {@code dataset} sheet
     * @throws ImportValidationException listing every problem; nothing was written
     */
    public Result load(RegisterSource source, String defaultDataset) {
        return load(source, defaultDataset, (done, total) -> { });
    }

    /** {@link #load(RegisterSource, String)}, telling {@code listener} how many rows are written as it goes. */
    public Result load(RegisterSource source, String defaultDataset, ProgressListener listener) {
        return load(source, defaultDataset, false, listener);
    }

    /**
     * {@link #load(RegisterSource, String, ProgressListener)}; with {@code datasetGiven} the name was given by the caller
     * (--dataset, the upload form), and a dataset sheet naming another one is a validation problem naming both.
     */
    public Result load(RegisterSource source, String defaultDataset, boolean datasetGiven, ProgressListener listener) {
        Validated valid = validate(source, defaultDataset, datasetGiven);
        try {
            return write(source, valid, listener, false);
        } catch (TransientException e) {
            if (!TransactionMemory.exceeded(e)) {
                throw e;
            }
            // the one transaction was rolled back whole: nothing written; batches each fit (the dataset is marked
            // incomplete until the last one, as for any register above single-transaction-rows)
            log.warn("Register ({}) did not fit in one transaction under the transaction memory limit (db.memory.transaction.max,"
                    + " clustergraph.neo4j.embedded.transaction-max-memory): nothing was written; loading it again batch by batch."
                    + " Lower clustergraph.register.single-transaction-rows to skip the first attempt", source.describe());
            return write(source, valid, listener, true);
        }
    }

    /** A register that passed validation: what its write phase needs, and when and for how long it was validated. */
    record Validated(RegisterRows.Vocabulary vocabulary, RegisterValidation validation, RegisterRows.DatasetInfo ds,
                     long started, long millis) {
    }

    /**
     * The validation pass of {@link #load}, run once per load (a write retried batch by batch reuses it: the rolled-back
     * attempt wrote nothing).
     *
     * @throws ImportValidationException listing every problem
     */
    Validated validate(RegisterSource source, String defaultDataset, boolean datasetGiven) {
        long started = System.nanoTime();
        RegisterRows.Vocabulary vocabulary = RegisterRows.Vocabulary.load(driver);
        RegisterValidation validation = new RegisterValidation(driver, vocabulary, source, defaultDataset).datasetGiven(datasetGiven);
        RegisterRows.DatasetInfo ds = validation.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (validation.problems().size() > 0) {
            throw new ImportValidationException("Register import (" + source.describe() + ")", validation.problems().list());
        }
        return new Validated(vocabulary, validation, ds, started, millis);
    }

    /** The write phase of {@link #load}: in one transaction unless {@code inBatches} or the register is too large for one. */
    private Result write(RegisterSource source, Validated valid, ProgressListener listener, boolean inBatches) {
        long started = valid.started();
        RegisterRows.Vocabulary vocabulary = valid.vocabulary();
        RegisterValidation validation = valid.validation();
        RegisterRows.DatasetInfo ds = valid.ds();
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("validate", valid.millis());
        long mark;
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, Long> removed = new LinkedHashMap<>();
        boolean single = !inBatches && validation.totalRows() <= props.singleTransactionRows();
        progress = new Progress(validation.totalRows(), listener);
        try (Sink sink = single ? new SingleTransaction(driver.session()) : new PerBatch(driver, Math.max(1, props.writers()))) {
            Map<String, Object> base = Map.of("dataset", ds.name(), "sample", ds.sample());
            Map<String, Object> d = new HashMap<>(ds.asMap(source.describe()));
            d.put("rowsTotal", validation.totalRows());
            // the dataset exists, marked incomplete, before any of its rows: a load killed midway is visible and removable
            sink.write(List.of(RegisterCypher.DATASET), with(base, "d", d));
            sink.barrier();
            if (!single) {
                events.publishEvent(new RegisterChangedEvent(ds.name()));  // reads say "incomplete" while it loads
            }
            RegisterRows rows = new RegisterRows(vocabulary, ds);
            NewEnterprises fresh = new NewEnterprises(validation, vocabulary);
            mark = System.nanoTime();
            stream(source, "enterprises", rows::enterprise, sink, base, RegisterCypher.ENTERPRISE_UPSERT, RegisterCypher.ENTERPRISE_REMOVE,
                    fresh::enterpriseRoute, RegisterCypher.ENTERPRISE_CREATE, b -> b.stream().map(m -> fresh.enterprise(m, ds.name(), ds.sample())).toList(),
                    written, removed);
            timings.put("enterprises", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            stream(source, "figures", rows::figure, sink, base, RegisterCypher.FIGURE_UPSERT, RegisterCypher.FIGURE_REMOVE,
                    fresh::ownRoute, RegisterCypher.FIGURE_CREATE, b -> NewEnterprises.grouped(b, "id"), written, removed);
            timings.put("figures", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            stream(source, "honours", rows::honour, sink, base, RegisterCypher.HONOUR_UPSERT, RegisterCypher.HONOUR_REMOVE,
                    fresh::ownRoute, RegisterCypher.HONOUR_CREATE, b -> NewEnterprises.grouped(b, "id"), written, removed);
            timings.put("honours", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            stream(source, "supply_links", rows::supply, sink, base, RegisterCypher.SUPPLY_UPSERT, RegisterCypher.SUPPLY_REMOVE,
                    fresh::supplyRoute, RegisterCypher.SUPPLY_CREATE, b -> NewEnterprises.grouped(b, "supplier"), written, removed);
            timings.put("supply_links", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            stream(source, "targets", rows::target, sink, base, RegisterCypher.TARGET_UPSERT, RegisterCypher.TARGET_REMOVE,
                    m -> NewEnterprises.Route.UPSERT, null, b -> b, written, removed);
            sink.barrier();
            sink.write(List.of(RegisterCypher.DATASET_COMPLETE), base);
            sink.commit();
            timings.put("targets+commit", (System.nanoTime() - mark) / 1_000_000);
        } catch (RuntimeException e) {
            if (!single) {
                // batches before the failure are committed: the dataset stays marked incomplete (reads say so); the
                // rollups follow what is in the graph, and a rerun completes the register or remove-register removes it
                log.warn("Register '{}' failed midway ({}); it stays marked incomplete until a rerun completes it", ds.name(), e.toString());
                try {
                    rollups.refresh();
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                events.publishEvent(new RegisterChangedEvent(ds.name()));
            }
            throw e;
        }
        mark = System.nanoTime();
        rollups.refresh();
        timings.put("rollups", (System.nanoTime() - mark) / 1_000_000);
        Map<String, Long> graph = counts(ds.name());
        Result result = new Result(ds.name(), ds.sample(), source.describe(), written, removed, graph, timings,
                (System.nanoTime() - started) / 1_000_000);
        log.info("Import {}", result.summary());
        events.publishEvent(new RegisterChangedEvent(ds.name()));
        return result;
    }

    /**
     * Recomputes every enterprise's derived values ({@link EnterpriseValues}: the output shares after segments were moved
     * between chains, and the rest), {@code clustergraph.register.batch-rows} enterprises per transaction, then the rollups; returns the milliseconds taken.
     */
    public long refreshDerivedValues() {
        long started = System.nanoTime();
        try (var s = driver.session()) {
            // the generation and the segment → chain map the shares are recomputed from, read together
            var basis = s.executeRead(tx -> Map.entry(RollupService.state(tx).sharesGeneration(), RollupService.segmentChains(tx)));
            String after = "";
            while (after != null) {
                String from = after;
                after = s.executeWrite(tx -> {
                    String next = EnterpriseValues.refreshPage(tx, from, batch());
                    RollupService.markChanged(tx);
                    return next;
                });
            }
            s.executeWriteWithoutResult(tx -> RollupService.sharesDone(tx, basis.getKey(), basis.getValue()));
        }
        rollups.refresh();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Removes everything a register wrote (its enterprises with their figures, its links, targets and dataset node). */
    public Map<String, Long> remove(String dataset) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (var s = driver.session()) {
            // marked first: the removal runs in many transactions, and a crash midway leaves the rollups known to be stale
            s.executeWriteWithoutResult(RollupService::markChanged);
            out.put("relationships", s.run("""
                    MATCH ()-[r]->() WHERE r.dataset = $d
                    CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
                    RETURN count(*) AS n""", Map.of("d", dataset)).single().get("n").asLong());
            out.put("figures", s.run("""
                    MATCH (e:Enterprise {dataset: $d})-[:REPORTED]->(f:Figure)
                    CALL (f) { DETACH DELETE f } IN TRANSACTIONS OF 10000 ROWS
                    RETURN count(*) AS n""", Map.of("d", dataset)).single().get("n").asLong());
            out.put("enterprises", s.run("""
                    MATCH (e:Enterprise {dataset: $d})
                    CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 10000 ROWS
                    RETURN count(*) AS n""", Map.of("d", dataset)).single().get("n").asLong());
            out.put("other", s.run("""
                    MATCH (n) WHERE (n:Figure OR n:Indicator OR n:Target OR n:Dataset) AND n.dataset = $d
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
                    RETURN count(*) AS n""", Map.of("d", dataset)).single().get("n").asLong());
        }
        rollups.refresh();
        events.publishEvent(new RegisterChangedEvent(dataset));
        log.info("Removed register '{}': {}", dataset, out);
        return out;
    }

    private int batch() {
        return Math.max(1, props.batchRows());
    }

    private Map<String, Long> counts(String dataset) {
        try (var s = driver.session()) {
            return s.executeRead(tx -> {
                var r = tx.run("""
                        RETURN COUNT { MATCH (e:Enterprise {dataset: $d}) } AS enterprises,
                               COUNT { MATCH (e:Enterprise {dataset: $d}) WHERE e.local } AS local,
                               COUNT { MATCH (e:Enterprise {dataset: $d})-[:REPORTED]->(:Figure) } AS figures,
                               COUNT { MATCH (e:Enterprise {dataset: $d})-[x:HAS_HONOUR]->() WHERE x.dataset = $d } AS honours,
                               COUNT { MATCH (e:Enterprise {dataset: $d})-[x:SUPPLIES]->() WHERE x.dataset = $d } AS supplyLinks,
                               COUNT { MATCH (t:Target) WHERE t.dataset = $d } AS targets""", Map.of("d", dataset)).single();
                Map<String, Long> m = new LinkedHashMap<>();
                r.keys().forEach(k -> m.put(k, r.get(k).asLong()));
                return m;
            });
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private void stream(RegisterSource source, String sheet, BiFunction<CsvTable.Row, ImportProblems, Map<String, Object>> convert,
                        Sink sink, Map<String, Object> base, List<String> upsert, List<String> remove,
                        Function<Map<String, Object>, NewEnterprises.Route> route, String create,
                        UnaryOperator<List<Map<String, Object>>> pack, Map<String, Long> written, Map<String, Long> removed) {
        // enterprises, figures and honours change what an enterprise's derived values are computed from
        boolean derive = sheet.equals("enterprises") || sheet.equals("figures") || sheet.equals("honours");
        ImportProblems problems = new ImportProblems();
        var rows = source.open(sheet, problems, RegisterRows.headers(sheet));
        written.put(sheet, 0L);
        removed.put(sheet, 0L);
        if (rows == null) {
            return;
        }
        List<Map<String, Object>> adds = new ArrayList<>();
        List<Map<String, Object>> creates = new ArrayList<>();
        List<Map<String, Object>> later = new ArrayList<>();
        List<Map<String, Object>> drops = new ArrayList<>();
        try (rows) {
            while (rows.hasNext()) {
                Map<String, Object> m = convert.apply(rows.next(), problems);
                if (m == null) {
                    continue;
                }
                if (Boolean.TRUE.equals(m.get("remove"))) {
                    if (route.apply(m) == NewEnterprises.Route.NOTHING) {
                        removed.merge(sheet, 1L, Long::sum);
                        progress.add(1);
                        continue;
                    }
                    drops.add(m);
                    if (drops.size() >= batch()) {
                        flush(sink, base, remove, drops, removed, sheet, derive);
                    }
                    continue;
                }
                switch (route.apply(m)) {
                    case CREATE -> {
                        creates.add(m);
                        if (creates.size() >= batch()) {
                            flush(sink, base, List.of(create), pack.apply(creates), creates, written, sheet, false);
                        }
                    }
                    case UPSERT_LATER -> later.add(m);
                    default -> {
                        adds.add(m);
                        if (adds.size() >= batch()) {
                            flush(sink, base, upsert, adds, written, sheet, derive);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportValidationException("Register " + sheet + " changed while it was being imported", problems.list());
        }
        if (!creates.isEmpty()) {
            flush(sink, base, List.of(create), pack.apply(creates), creates, written, sheet, false);
        }
        flush(sink, base, upsert, adds, written, sheet, derive);
        if (!later.isEmpty()) {
            // repeats of links created above: merged onto them once those are committed (and before the removals, as before)
            sink.barrier();
            for (int i = 0; i < later.size(); i += batch()) {
                List<Map<String, Object>> batch = new ArrayList<>(later.subList(i, Math.min(later.size(), i + batch())));
                flush(sink, base, upsert, batch, written, sheet, derive);
            }
        }
        flush(sink, base, remove, drops, removed, sheet, derive);
        // the next sheet refers to what this one wrote
        sink.barrier();
        progress.report(sheet, true);
    }

    private Progress progress = new Progress(0, (done, total) -> { });

    /** A progress line (rows done, rows/s, ETA) in the log (and so on the console of a CLI run) at most every 5 s. */
    private static final class Progress {
        private final long total;
        private final ProgressListener listener;
        private final long started = System.nanoTime();
        private long done;
        private long last = started;

        Progress(long total, ProgressListener listener) {
            this.total = total;
            this.listener = listener;
        }

        synchronized void add(long rows) {
            done += rows;
            listener.rows(done, total);
        }

        synchronized void report(String sheet, boolean force) {
            long now = System.nanoTime();
            if (!force && now - last < 5_000_000_000L) {
                return;
            }
            last = now;
            double secs = Math.max(1e-3, (now - started) / 1e9);
            double rate = done / secs;
            log.info(String.format(java.util.Locale.ROOT, "Import progress: %s, %,d of %,d rows done, %,.0f rows/s, ETA %.0f s",
                    sheet, done, total, rate, rate <= 0 ? 0.0 : Math.max(0, total - done) / rate));
        }
    }

    private void flush(Sink sink, Map<String, Object> base, List<String> statements, List<Map<String, Object>> batch,
                       Map<String, Long> counter, String sheet, boolean derive) {
        flush(sink, base, statements, List.copyOf(batch), batch, counter, sheet, derive);
    }

    /**
     * Writes {@code rows} (the batch as the statements take it) and counts and clears {@code batch}; with {@code derive},
     * the derived values of the batch's enterprises are recomputed in the same transaction ({@link EnterpriseValues}).
     */
    private void flush(Sink sink, Map<String, Object> base, List<String> statements, List<Map<String, Object>> rows,
                       List<Map<String, Object>> batch, Map<String, Long> counter, String sheet, boolean derive) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> enterprises = new LinkedHashSet<>();
        if (derive) {
            batch.forEach(m -> enterprises.add((String) m.get("id")));
        }
        sink.write(statements, with(base, "rows", rows), enterprises);
        counter.merge(sheet, (long) batch.size(), Long::sum);
        progress.add(batch.size());
        progress.report(sheet, false);
        batch.clear();
    }

    /** Where batches go: one transaction for the whole register, or one per batch. */
    private interface Sink extends AutoCloseable {
        /** Runs the statements, then recomputes the derived values of {@code derive} (enterprise ids), in one transaction. */
        void write(List<String> statements, Map<String, Object> params, Collection<String> derive);

        default void write(List<String> statements, Map<String, Object> params) {
            write(statements, params, List.of());
        }

        void commit();

        /** Waits until every batch written so far is committed. */
        default void barrier() {
        }

        @Override
        void close();
    }

    private static final class SingleTransaction implements Sink {
        private final Session session;
        private final Transaction tx;

        SingleTransaction(Session session) {
            this.session = session;
            this.tx = session.beginTransaction();
        }

        @Override
        public void write(List<String> statements, Map<String, Object> params, Collection<String> derive) {
            statements.forEach(s -> tx.run(s, params).consume());
            EnterpriseValues.refresh(tx, derive);
            if (!marked) {
                RollupService.markChanged(tx);  // once: the whole register commits (or not) with it
                marked = true;
            }
        }

        private boolean marked;

        @Override
        public void commit() {
            tx.commit();
        }

        @Override
        public void close() {
            try {
                tx.close();
            } finally {
                session.close();
            }
        }
    }

    /**
     * One transaction per batch, {@code writers} of them at a time (each in its own session); {@link #barrier()} between
     * sheets. A deadlock between two writers is transient: the driver's {@code executeWrite} retries it.
     */
    private static final class PerBatch implements Sink {
        private final Driver driver;
        private final java.util.concurrent.ExecutorService pool;
        private final java.util.concurrent.Semaphore inFlight;
        private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();

        PerBatch(Driver driver, int writers) {
            this.driver = driver;
            this.pool = java.util.concurrent.Executors.newFixedThreadPool(writers, r -> {
                Thread t = new Thread(r, "register-writer");
                t.setDaemon(true);
                return t;
            });
            this.inFlight = new java.util.concurrent.Semaphore(writers * 2);
        }

        @Override
        public void write(List<String> statements, Map<String, Object> params, Collection<String> derive) {
            inFlight.acquireUninterruptibly();
            pending.add(pool.submit(() -> {
                try (Session session = driver.session()) {
                    session.executeWriteWithoutResult(tx -> {
                        statements.forEach(s -> tx.run(s, params).consume());
                        EnterpriseValues.refresh(tx, derive);
                        RollupService.markChanged(tx);  // each batch: the rollups are stale from the moment it commits
                    });
                } finally {
                    inFlight.release();
                }
            }));
            // fail fast: surface an error from a finished batch
            pending.removeIf(f -> f.isDone() && get(f));
        }

        private static boolean get(java.util.concurrent.Future<?> f) {
            try {
                f.get();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the register", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void barrier() {
            for (var f : pending) {
                get(f);
            }
            pending.clear();
        }

        @Override
        public void commit() {
            barrier();
        }

        @Override
        public void close() {
            pool.shutdownNow();
            try {
                // no batch may still be committing once the load has returned (or failed)
                if (!pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    log.warn("Register writers still running 60 s after the load ended");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
