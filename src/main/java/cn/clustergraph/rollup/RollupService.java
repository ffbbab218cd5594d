package cn.clustergraph.rollup;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.rollup.RollupsRefreshed;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Maintained aggregates, so chain views and target progress read a few properties instead of scanning every enterprise
 * (at province scale a live chain view costs ~1 s, a rollup read ~2 ms). Refreshed after every register import or
 * removal, at startup when missing or stale (every write that changes their data moves a generation on in its own
 * transaction: {@link #markChanged}), and by the {@code rollup} command.
 * <p>
 * On every {@code Segment}, {@code Chain}, {@code Cluster} and {@code Programme}: {@code rollupEnterprises},
 * {@code rollupLocal}, {@code rollupScale} (local 规上), {@code rollupCandidates} (not local), {@code rollupOutput} and
 * {@code rollupScaleOutput} (万元, each local enterprise's latest year × its share under the node — see the split rule in
 * docs/model.md), {@code rollupOutputYear} (latest year seen), {@code rollupLocalReporting} / {@code rollupScaleReporting}
 * (those with an output figure), {@code rollupYears} with {@code rollupOutputByYear} and {@code rollupScaleOutputByYear}
 * (figures of each year × share), {@code rollupSample} (sample enterprises counted), {@code rollupAt}; on {@code Chain}
 * also {@code rollupPlatforms} / {@code rollupPlatformCounts} (local enterprises per platform), {@code rollupHonourNames} /
 * {@code rollupHonourYears} / {@code rollupHonourCounts} (local enterprises per honour and award year) and
 * {@code rollupLeaders}; on {@code Honour} {@code rollupYears} / {@code rollupCounts} (local holders by award year),
 * {@code rollupTowns} / {@code rollupTownYears} / {@code rollupTownCounts} (the same per town) and {@code rollupSample}. Counts are distinct enterprises; output sums add up segment → chain → cluster → programme.
 */
@Component
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);

    /** Every how many enterprises of a chain's ranked list a bookmark is kept (keyset pagination of the chain's enterprise list: {@code rollupRankMarkRanks} / {@code rollupRankMarkIds}). */
    public static final int RANK_MARK_EVERY = 50;

    /** How many of a segment's largest local enterprises and candidates are kept in order for the chain view. */
    public static final int TOP_KEPT = 50;

    /** The chain map: segments with stage and chains, chains with clusters, clusters with programmes, programmes, honours. */
    private static final String STRUCTURE = """
            MATCH (s:Segment) RETURN 'Segment' AS kind, s.id AS key, s.stage AS stage, [(s)-[:PART_OF]->(c:Chain) | c.name] AS parents
            UNION ALL
            MATCH (c:Chain) RETURN 'Chain' AS kind, c.name AS key, null AS stage, [(c)-[:PART_OF]->(x:Cluster) | x.name] AS parents
            UNION ALL
            MATCH (c:Cluster) RETURN 'Cluster' AS kind, c.name AS key, null AS stage, [(c)-[:PART_OF]->(p:Programme) | p.id] AS parents
            UNION ALL
            MATCH (p:Programme) RETURN 'Programme' AS kind, p.id AS key, null AS stage, [] AS parents
            UNION ALL
            MATCH (h:Honour) RETURN 'Honour' AS kind, h.name AS key, null AS stage, [] AS parents""";

    /**
     * Each enterprise of one part once (parts by internal id, so every reader scans the store in storage order), with what the rollups need: memberships (segment, share, primary), figures,
     * platforms and towns of local enterprises, honours, supply links into local enterprises and, for enterprises
     * elsewhere, the first five local customers by id (examples of external supply).
     */
    static final String ENTERPRISES = """
            MATCH (e:Enterprise) WHERE $parts = 1 OR id(e) % $parts = $part
            WITH e, [(e)-[m:IN_SEGMENT]->(s:Segment) | [s.id, m.share, m.primary]] AS segments
            RETURN e.id AS id, e.name AS name, e.local AS local, e.scale AS scale, e.sample AS sample, e.chainLeader AS leader,
                   e.output AS output, e.outputYear AS outputYear, e.outputRank AS rank, segments,
                   CASE WHEN e.local THEN [(e)-[:REPORTED]->(f:Figure) WHERE f.output IS NOT NULL | [f.year, f.output]] ELSE [] END AS figures,
                   [(e)-[r:HAS_HONOUR]->(h:Honour) | [h.name, r.year]] AS honours,
                   CASE WHEN e.local THEN [(e)-[:ON_PLATFORM]->(p:Platform) | p.id] ELSE [] END AS platforms,
                   CASE WHEN e.local THEN [(e)-[:LOCATED_IN]->(t:Town) | t.name] ELSE [] END AS towns,
                   CASE WHEN size(segments) = 0 OR e.local IS NULL THEN 0
                        ELSE COUNT { (e)-[:SUPPLIES]->(:Enterprise {local: true}) } END AS suppliesLocal,
                   CASE WHEN size(segments) > 0 AND e.local = false
                        THEN COLLECT { MATCH (e)-[:SUPPLIES]->(y:Enterprise {local: true}) RETURN [y.id, y.name] ORDER BY y.id LIMIT 5 }
                        ELSE [] END AS examples""";

    private static final String WRITE = """
            UNWIND $rows AS r
            MATCH (x:%s {%s: r.key})
            SET x += r.props, x.rollupAt = datetime()""";

    private static final String WRITE_STAGES = """
            UNWIND $rows AS r
            MATCH (c:Chain {name: r.chain})
            MERGE (x:StageRollup {id: r.key})
            SET x += r.props, x.chain = r.chain, x.stage = r.stage, x.rollupAt = datetime()
            MERGE (c)-[:HAS_ROLLUP]->(x)
            WITH count(*) AS done
            MATCH (x:StageRollup) WHERE NOT x.id IN $keys
            DETACH DELETE x""";

    private static final String STORED = """
            MATCH (x) WHERE x:Segment OR x:Chain OR x:Cluster OR x:Programme OR x:Honour OR x:StageRollup
            WITH x, [l IN labels(x) WHERE l IN ['Segment', 'Chain', 'Cluster', 'Programme', 'Honour', 'StageRollup']][0] AS label
            RETURN label + ':' + CASE WHEN label IN ['Segment', 'Programme', 'StageRollup'] THEN x.id ELSE x.name END AS key,
                   properties(x) AS props""";

    /**
     * Run in the same transaction as every write that changes what the rollups summarise: the data's generation moves on,
     * so rollups computed from an older one are known to be out of date (after a crash between the write and the refresh).
     */
    private static final String MARK_CHANGED = """
            MERGE (g:RollupState {id: 'rollups'})
            SET g.dataGeneration = coalesce(g.dataGeneration, 0) + 1""";

    /** {@link #MARK_CHANGED}, and the enterprises' derived values (output shares) are out of date too: the chain map changed. */
    private static final String MARK_SHARES_CHANGED = """
            MERGE (g:RollupState {id: 'rollups'})
            SET g.dataGeneration = coalesce(g.dataGeneration, 0) + 1, g.sharesGeneration = coalesce(g.sharesGeneration, 0) + 1""";

    /**
     * Cypher expression: true while the stored rollups are fresh (no write changed their data since the generation they
     * were computed from; {@link State#stale()} in one expression), for reads that may use a stored value only then.
     */
    public static final String FRESH = """
            COUNT { MATCH (g:RollupState {id: 'rollups'})
                    WHERE coalesce(g.dataGeneration, 0) <= coalesce(g.rollupGeneration, -1) } > 0""";

    /** The stored top rows of the segments {@code $segments} ({id, local, candidates}: the pass's top ids). */
    private static final String TOP_ROWS = """
            UNWIND $segments AS seg
            MATCH (s:Segment {id: seg.id})
            RETURN s.id AS id, %s AS local, %s AS candidates""".formatted(SegmentTopRows.rows("seg.local"), SegmentTopRows.rows("seg.candidates"));

    private static final String GENERATION = """
            OPTIONAL MATCH (g:RollupState {id: 'rollups'})
            RETURN coalesce(g.dataGeneration, 0) AS data, coalesce(g.rollupGeneration, -1) AS rollup,
                   coalesce(g.sharesGeneration, 0) AS shares, coalesce(g.sharesDoneGeneration, -1) AS sharesDone,
                   g.rollupGenerationAt AS at""";

    /** Where the rollups stand against the data: stale when the data moved on since the generation they were computed from. */
    public record State(long dataGeneration, long rollupGeneration, long sharesGeneration, long sharesDoneGeneration, Object rolledUpAt) {

        /** True when data changed after the last complete refresh (or none ever finished). */
        public boolean stale() {
            return dataGeneration > rollupGeneration;
        }

        /** True when the chain map changed after the enterprises' derived values were last recomputed. */
        public boolean sharesStale() {
            return sharesGeneration > sharesDoneGeneration;
        }
    }

    /** Marks the rollups out of date in {@code tx}, the transaction that changes their data. */
    public static void markChanged(SimpleQueryRunner tx) {
        tx.run(MARK_CHANGED).consume();
    }

    /** Marks the rollups and the enterprises' derived values out of date in {@code tx} (the chain map changes in it). */
    public static void markSharesChanged(SimpleQueryRunner tx) {
        tx.run(MARK_SHARES_CHANGED).consume();
    }

    /** The generations of the data and of the rollups. */
    public State state() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> state(tx));
        }
    }

    /** {@link #state()} read in {@code tx}. */
    public static State state(SimpleQueryRunner tx) {
        var r = tx.run(GENERATION).single();
        return new State(r.get("data").asLong(), r.get("rollup").asLong(), r.get("shares").asLong(), r.get("sharesDone").asLong(),
                r.get("at").isNull() ? null : r.get("at").asObject());
    }

    /**
     * Records, in {@code tx}, that the derived values were recomputed from the chain map of generation {@code generation},
     * whose segment → chain map was {@code segmentChains} ({@link #segmentChains(SimpleQueryRunner)}).
     */
    public static void sharesDone(SimpleQueryRunner tx, long generation, List<String> segmentChains) {
        tx.run("""
                MERGE (g:RollupState {id: 'rollups'})
                SET g.sharesDoneGeneration = CASE WHEN coalesce(g.sharesDoneGeneration, -1) < $gen THEN $gen ELSE g.sharesDoneGeneration END,
                    g.sharesSegmentChains = $map""",
                Map.of("gen", generation, "map", segmentChains)).consume();
    }

    /**
     * The segment → chain map, the one input of the enterprises' output shares ({@code EnterpriseValues.shares}), in one
     * canonical form: {@code segment id>chain name}, sorted. Equal forms give equal shares.
     */
    public static List<String> segmentChains(Map<String, String> segmentToChain) {
        return segmentToChain.entrySet().stream().filter(e -> e.getValue() != null).map(e -> e.getKey() + ">" + e.getValue()).sorted().toList();
    }

    /** {@link #segmentChains(Map)} of the chain map in the graph, read in {@code tx}. */
    public static List<String> segmentChains(SimpleQueryRunner tx) {
        Map<String, String> map = new HashMap<>();
        tx.run("MATCH (s:Segment)-[:PART_OF]->(c:Chain) RETURN s.id AS s, c.name AS c")
                .forEachRemaining(r -> map.put(r.get("s").asString(), r.get("c").asString()));
        return segmentChains(map);
    }

    /**
     * Marks, in {@code tx} (the transaction that writes the chain map), the rollups out of date, and the enterprises'
     * derived values too when there are enterprises whose shares were not computed from the segment → chain map the
     * graph now holds (the one recorded by {@link #sharesDone} or by the offline import): re-importing the same chain
     * map, or importing the one an offline import computed its shares from, leaves them valid.
     */
    public static void markChainMapChanged(SimpleQueryRunner tx, boolean registerEnterprises) {
        if (!registerEnterprises) {
            markChanged(tx);
            return;
        }
        var basis = tx.run("OPTIONAL MATCH (g:RollupState {id: 'rollups'}) RETURN g.sharesSegmentChains AS map").single().get("map");
        boolean same = !basis.isNull() && basis.asList(v -> v.asString()).equals(segmentChains(tx));
        if (same) {
            markChanged(tx);
        } else {
            markSharesChanged(tx);
        }
    }

    private static final Map<String, String> KEYS = Map.of("Segment", "id", "Chain", "name", "Cluster", "name", "Programme", "id",
            "Honour", "name");

    private final Driver driver;
    private final ObjectProvider<EmbeddedNeo4j> embedded;
    private final int readers;
    private final long minEnterprisesToSplit;
    private final ApplicationEventPublisher events;

    @Autowired
    RollupService(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded, @Value("${clustergraph.rollup.readers:2}") int readers,
                  ApplicationEventPublisher events) {
        this(driver, embedded, readers, 10_000, events);
    }

    /** With {@code minEnterprisesToSplit}: below it one reader does (tests split small graphs to exercise the readers). */
    RollupService(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded, int readers, long minEnterprisesToSplit) {
        this(driver, embedded, readers, minEnterprisesToSplit, event -> {
        });
    }

    private RollupService(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded, int readers, long minEnterprisesToSplit,
                          ApplicationEventPublisher events) {
        this.driver = driver;
        this.embedded = embedded;
        this.readers = Math.max(1, readers);
        this.minEnterprisesToSplit = minEnterprisesToSplit;
        this.events = events;
    }

    /**
     * Recomputes every rollup in one pass over the enterprises — read by {@code clustergraph.rollup.readers} concurrent
     * transactions, each over a part of them (in-process when the database is embedded, over Bolt otherwise), aggregated here,
     * written in one short transaction; returns milliseconds taken.
     */
    public long refresh() {
        long started = System.nanoTime();
        try (var s = driver.session()) {
            // every enterprise sorts by outputRank, also those no register wrote (the document's named enterprises)
            s.executeWriteWithoutResult(tx -> tx.run("MATCH (e:Enterprise) WHERE e.outputRank IS NULL SET e.outputRank = coalesce(e.output, -1.0)").consume());
            // the data generation these rollups are computed from: a write committed after this read leaves them stale
            long generation = s.executeRead(tx -> state(tx)).dataGeneration();
            RollupPass pass = new RollupPass(s.executeRead(RollupService::structure), TOP_KEPT);
            long enterprises = s.executeRead(tx -> tx.run("MATCH (e:Enterprise) RETURN count(e) AS n").single().get("n").asLong());
            int parts = enterprises < minEnterprisesToSplit ? 1 : readers;
            EmbeddedNeo4j db = embedded.getIfAvailable();
            long mark = System.nanoTime();
            read(db, parts, pass);
            long read = System.nanoTime();
            Map<String, Map<String, Object>> values = pass.result(RANK_MARK_EVERY);
            s.executeRead(tx -> {
                topRows(tx, values);
                return null;
            });
            s.executeWriteWithoutResult(tx -> {
                write(tx, values);
                tx.run("""
                        MERGE (g:RollupState {id: 'rollups'})
                        SET g.rollupGeneration = CASE WHEN coalesce(g.rollupGeneration, -1) < $gen THEN $gen ELSE g.rollupGeneration END,
                            g.rollupGenerationAt = datetime()""", Map.of("gen", generation)).consume();
            });
            long ms = (System.nanoTime() - started) / 1_000_000;
            log.info("Rollups refreshed in {} ms ({} enterprises read by {} {} readers and aggregated in {} ms, {} nodes written)", ms,
                    pass.count(), parts, db != null ? "in-process" : "Bolt",
                    (read - mark) / 1_000_000, values.size());
            events.publishEvent(new RollupsRefreshed(ms));  // rules derived from the rollups (gap status) follow at once
            return ms;
        }
    }

    /**
     * Streams every enterprise into {@code pass}: {@code parts} readers (in {@code db} when embedded, else over Bolt),
     * decoded rows handed to this thread in batches.
     */
    private void read(EmbeddedNeo4j db, int parts, RollupPass pass) {
        BlockingQueue<List<RollupPass.Enterprise>> queue = new ArrayBlockingQueue<>(64);
        // a marker by identity: List.of() / List.copyOf of an empty batch are one shared instance and must not end a reader
        List<RollupPass.Enterprise> done = new ArrayList<>(0);
        try (var pool = Executors.newFixedThreadPool(parts)) {
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                Map<String, Object> range = Map.of("parts", parts, "part", i);
                readers.add(pool.submit(() -> {
                    try {
                        List<RollupPass.Enterprise> batch = new ArrayList<>(1000);
                        Consumer<Map<String, Object>> row = r -> {
                            batch.add(enterprise(r));
                            if (batch.size() == 1000) {
                                put(queue, List.copyOf(batch));
                                batch.clear();
                            }
                        };
                        if (db != null) {
                            try (var tx = db.database().beginTx()) {
                                try (var result = tx.execute(ENTERPRISES, range)) {
                                    result.forEachRemaining(row);
                                }
                            }
                        } else {
                            try (var session = driver.session()) {
                                session.executeRead(tx -> {
                                    tx.run(ENTERPRISES, range).forEachRemaining(r -> row.accept(r.asMap()));
                                    return null;
                                });
                            }
                        }
                        if (!batch.isEmpty()) {
                            put(queue, List.copyOf(batch));
                        }
                    } finally {
                        put(queue, done);
                    }
                    return null;
                }));
            }
            int finished = 0;
            try {
                while (finished < parts) {
                    List<RollupPass.Enterprise> batch = queue.take();
                    if (batch == done) {
                        finished++;
                    } else {
                        batch.forEach(pass::add);
                    }
                }
            } catch (RuntimeException | InterruptedException e) {
                pool.shutdownNow();  // readers blocked on a full queue would otherwise wait forever
                throw e;
            }
            for (var f : readers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rollup refresh interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rollup refresh failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Adds to each segment's values the chain view's rows of its top ids ({@link SegmentTopRows}), read in {@code tx}. */
    private static void topRows(TransactionContext tx, Map<String, Map<String, Object>> values) {
        List<Map<String, Object>> segments = new ArrayList<>();
        values.forEach((key, props) -> {
            if (key.startsWith("Segment:")) {
                segments.add(Map.of("id", key.substring("Segment:".length()), "local", props.get(RollupNames.TOP_LOCAL_IDS),
                        "candidates", props.get(RollupNames.TOP_CANDIDATE_IDS)));
            }
        });
        tx.run(TOP_ROWS, Map.of("segments", segments)).forEachRemaining(r -> {
            Map<String, Object> props = values.get("Segment:" + r.get("id").asString());
            props.put(RollupNames.TOP_LOCAL_ROWS, SegmentTopRows.encodeAll(r.get("local").asList(v -> v.asMap())));
            props.put(RollupNames.TOP_CANDIDATE_ROWS, SegmentTopRows.encodeAll(r.get("candidates").asList(v -> v.asMap())));
        });
    }

    private static void put(BlockingQueue<List<RollupPass.Enterprise>> queue, List<RollupPass.Enterprise> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RollupPass.Structure structure(TransactionContext tx) {
        Map<String, List<String>> segmentChains = new LinkedHashMap<>();
        Map<String, String> stages = new HashMap<>();
        Map<String, List<String>> chainClusters = new LinkedHashMap<>();
        Map<String, List<String>> clusterProgrammes = new LinkedHashMap<>();
        List<String> programmes = new ArrayList<>();
        List<String> honours = new ArrayList<>();
        tx.run(STRUCTURE).forEachRemaining(r -> {
            String key = r.get("key").asString(null);
            if (key == null) {
                return;
            }
            List<String> parents = r.get("parents").asList(v -> v.asString());
            switch (r.get("kind").asString()) {
                case "Segment" -> {
                    segmentChains.put(key, parents);
                    if (!r.get("stage").isNull()) {
                        stages.put(key, r.get("stage").asString());
                    }
                }
                case "Chain" -> chainClusters.put(key, parents);
                case "Cluster" -> clusterProgrammes.put(key, parents);
                case "Programme" -> programmes.add(key);
                default -> honours.add(key);
            }
        });
        return new RollupPass.Structure(segmentChains, stages, chainClusters, clusterProgrammes, programmes, honours);
    }

    @SuppressWarnings("unchecked")
    private static RollupPass.Enterprise enterprise(Map<String, Object> r) {
        List<RollupPass.Membership> segments = ((List<List<Object>>) r.get("segments")).stream().map(v -> new RollupPass.Membership(
                (String) v.get(0), v.get(1) == null ? 0.0 : ((Number) v.get(1)).doubleValue(), Boolean.TRUE.equals(v.get(2)))).toList();
        List<RollupPass.Figure> figures = ((List<List<Object>>) r.get("figures")).stream().map(v -> new RollupPass.Figure(
                ((Number) v.get(0)).longValue(), ((Number) v.get(1)).doubleValue())).toList();
        List<RollupPass.Honour> honours = ((List<List<Object>>) r.get("honours")).stream().map(v -> new RollupPass.Honour(
                (String) v.get(0), v.get(1) == null ? null : ((Number) v.get(1)).longValue())).toList();
        List<String[]> examples = ((List<List<Object>>) r.get("examples")).stream().map(v -> new String[]{(String) v.get(0), (String) v.get(1)}).toList();
        Number output = (Number) r.get("output");
        Number outputYear = (Number) r.get("outputYear");
        Number rank = (Number) r.get("rank");
        return new RollupPass.Enterprise((String) r.get("id"), (String) r.get("name"), (Boolean) r.get("local"),
                Boolean.TRUE.equals(r.get("scale")), Boolean.TRUE.equals(r.get("sample")), Boolean.TRUE.equals(r.get("leader")),
                output == null ? null : output.doubleValue(), outputYear == null ? null : outputYear.longValue(),
                rank == null ? -1.0 : rank.doubleValue(), segments, figures, honours, (List<String>) r.get("platforms"),
                (List<String>) r.get("towns"), ((Number) r.get("suppliesLocal")).longValue(), examples);
    }

    private static void write(TransactionContext tx, Map<String, Map<String, Object>> values) {
        Map<String, List<Map<String, Object>>> byLabel = new LinkedHashMap<>();
        List<Map<String, Object>> stages = new ArrayList<>();
        values.forEach((key, props) -> {
            int colon = key.indexOf(':');
            String label = key.substring(0, colon);
            String id = key.substring(colon + 1);
            if (label.equals("StageRollup")) {
                int slash = id.lastIndexOf('/');
                stages.add(Map.of("key", id, "chain", id.substring(0, slash), "stage", id.substring(slash + 1), "props", props));
            } else {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(Map.of("key", id, "props", props));
            }
        });
        byLabel.forEach((label, rows) -> tx.run(WRITE.formatted(label, KEYS.get(label)), Map.of("rows", rows)).consume());
        tx.run(WRITE_STAGES, Map.of("rows", stages, "keys", stages.stream().map(m -> m.get("key")).toList())).consume();
    }

    /**
     * Every rollup computed live by Cypher ({@link RollupLive}), keyed {@code Label:key} (Segment id, Chain / Cluster /
     * Honour name, Programme id, StageRollup chain/stage): what {@link #stored()} must equal. Slow at scale; for verification.
     */
    public Map<String, Map<String, Object>> live() {
        return RollupLive.compute(driver, RANK_MARK_EVERY, TOP_KEPT);
    }

    /** The stored rollups under the keys and names of {@link #live()}. */
    public Map<String, Map<String, Object>> stored() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        try (var s = driver.session()) {
            s.executeRead(tx -> {
                tx.run(STORED).forEachRemaining(r -> {
                    String key = r.get("key").asString();
                    Map<String, Object> props = new LinkedHashMap<>();
                    r.get("props").asMap().forEach((k, v) -> {
                        if ((k.startsWith("rollup") && !k.equals("rollupAt"))
                                || (key.startsWith("StageRollup:") && (k.equals("segments") || k.equals("emptySegments")))) {
                            props.put(k, v);
                        }
                    });
                    out.put(key, props);
                });
                return out;
            });
        }
        return out;
    }

    /**
     * Where the stored rollups differ from the live aggregation: one line per node and property (doubles compared to a
     * relative 1e-9, since sums depend on their order). Empty when every rollup is right.
     */
    public List<String> differences() {
        return differences(stored(), live());
    }

    static List<String> differences(Map<String, Map<String, Object>> stored, Map<String, Map<String, Object>> live) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(live.keySet());
        keys.addAll(stored.keySet());
        for (String key : keys) {
            Map<String, Object> want = live.getOrDefault(key, Map.of());
            Map<String, Object> have = stored.getOrDefault(key, Map.of());
            java.util.Set<String> names = new java.util.TreeSet<>(want.keySet());
            names.addAll(have.keySet());
            for (String name : names) {
                if (!same(have.get(name), want.get(name))) {
                    out.add(key + " " + name + ": stored " + have.get(name) + ", live " + want.get(name));
                }
            }
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Double || y instanceof Double) {
                double d = x.doubleValue(), e = y.doubleValue();
                return Math.abs(d - e) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(d), Math.abs(e)));
            }
            return x.longValue() == y.longValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }

    /** True when some chain has never been rolled up. */
    public boolean missing() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("""
                    RETURN EXISTS { MATCH (c:Chain) WHERE c.rollupAt IS NULL OR c.rollupRankMarkIds IS NULL }
                        OR EXISTS { MATCH (s:Segment) WHERE s.rollupTopLocalIds IS NULL OR s.rollupTopLocalRows IS NULL } AS x""").single().get("x").asBoolean());
        }
    }
}
