package cn.clustergraph.console;

import cn.clustergraph.console.CypherResponse.Notice;
import cn.clustergraph.console.CypherResponse.PlanNode;
import cn.clustergraph.console.CypherResponse.Position;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.ResponseSize;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.GqlNotification;
import org.neo4j.driver.summary.GqlStatusObject;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs an analyst's Cypher safely: {@code EXPLAIN} first so Neo4j says whether it only reads, then the query itself in
 * a READ access-mode transaction (the server refuses writes there) with a timeout and a row cap, and always rolls back.
 */
@Service
class CypherConsole {

    private static final Logger log = LoggerFactory.getLogger(CypherConsole.class);
    private static final String EXPLAIN = "EXPLAIN ";
    private static final String PROFILE = "PROFILE ";
    private static final Set<String> PLAN_FIELDS = Set.of("Details", "EstimatedRows", "Rows", "DbHits",
            "PageCacheHits", "PageCacheMisses", "PageCacheHitRatio", "Time");

    enum Mode { RUN, EXPLAIN, PROFILE }

    /** The texts sent to Neo4j and how many characters each puts before the analyst's first line. */
    record Prepared(Mode mode, String checkText, int checkShift, String runText, int runShift) {
    }

    /** Console queries running at once; more are answered 503 (a few runaway queries cannot occupy the server). */
    static final int RUNNERS = 4;
    /** How long past its timeout the console waits for a query before it answers the timeout itself. */
    static final long GRACE_MS = 5_000;

    private final Driver driver;
    private final ConsoleProperties props;
    /**
     * The threads console queries run on. The request waits at most the timeout plus {@link #GRACE_MS}: Neo4j checks
     * its timeout between rows, and a single expression (a string doubled by {@code reduce}) runs on regardless; the
     * analyst gets the timeout answer in time, the query's thread stays busy until Neo4j gives up on it.
     */
    private final java.util.concurrent.ThreadPoolExecutor runners = new java.util.concurrent.ThreadPoolExecutor(RUNNERS, RUNNERS,
            30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            Thread.ofPlatform().name("console-", 1).daemon().factory());

    CypherConsole(Driver driver, ConsoleProperties props) {
        this.driver = driver;
        this.props = props;
        runners.allowCoreThreadTimeOut(true);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    CypherResponse execute(CypherRequest request) {
        String query = request.query();
        if (query == null || query.isBlank()) {
            throw new BadRequestException("query", "query is required: one Cypher statement, e.g. MATCH (n) RETURN n LIMIT 25");
        }
        if (query.length() > props.maxQueryLength()) {
            throw new BadRequestException("query", "query is " + query.length() + " characters long; the console accepts at most "
                    + props.maxQueryLength() + " (clustergraph.console.max-query-length)");
        }
        Mode requested = parseMode(request.mode());
        int maxRows = effectiveMaxRows(request.maxRows());
        long timeoutMs = effectiveTimeoutMs(request.timeoutMs());
        Map<String, Object> params = params(request.params());
        Prepared prepared = prepare(query, requested);
        try {
            QueryGuard.checkText(query, params);
            CypherResponse response = runBounded(prepared, params, maxRows, timeoutMs);
            log.info("Console {} ({} chars): {} rows{} in {} ms", response.mode(), query.length(), response.rowCount(),
                    response.truncated() ? " (truncated)" : "", response.elapsedMs());
            return response;
        } catch (ConsoleProblem p) {
            log.info("Console query ({} chars) not answered: {} {}", query.length(), p.getStatusCode().value(), p.reason());
            throw p;
        }
    }

    /** {@link #run} on a console thread, answered by the timeout plus {@link #GRACE_MS} at the latest. */
    private CypherResponse runBounded(Prepared prepared, Map<String, Object> params, int maxRows, long timeoutMs) {
        java.util.concurrent.Future<CypherResponse> running;
        try {
            running = runners.submit(() -> run(prepared, params, maxRows, timeoutMs));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw ConsoleProblem.of(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Console busy 控制台繁忙", "busy",
                    RUNNERS + " console queries are running (or still being stopped); try again shortly.");
        }
        try {
            return running.get(timeoutMs + GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            log.warn("Console query still running {} ms past its {} ms timeout: answered as timed out, its thread is left to Neo4j", GRACE_MS, timeoutMs);
            throw ConsoleProblem.of(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "Query timed out 查询超时", "timeout",
                    "The query did not finish within " + timeoutMs + " ms and was stopped waiting for. Narrow it (labels, WHERE, LIMIT;"
                            + " no strings or lists grown without bound).", Map.of("timeoutMs", timeoutMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw new IllegalStateException("interrupted while waiting for a console query", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private CypherResponse run(Prepared prepared, Map<String, Object> params, int maxRows, long timeoutMs) {
        SessionConfig sessionConfig = SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ)
                .withFetchSize(Math.min(maxRows + 1L, 1000L))
                .build();
        TransactionConfig txConfig = TransactionConfig.builder()
                .withTimeout(Duration.ofMillis(timeoutMs))
                .withMetadata(Map.of("app", "cluster-graph", "source", "analyst-console"))
                .build();
        long started = System.nanoTime();
        try (Session session = driver.session(sessionConfig)) {
            Transaction tx = session.beginTransaction(txConfig);
            try {
                // 1. Let Neo4j classify the query without running it.
                List<String> columns;
                ResultSummary explained;
                try {
                    Result check = tx.run(prepared.checkText(), params);
                    columns = check.keys();
                    explained = check.consume();
                } catch (Neo4jException e) {
                    throw Neo4jErrors.translate(e, prepared.checkShift(), timeoutMs);
                }
                QueryGuard.checkExplained(explained);
                if (prepared.mode() == Mode.EXPLAIN) {
                    return new CypherResponse(columns, List.of(), 0, false, null, maxRows, timeoutMs, millisSince(started),
                            "explain", String.valueOf(explained.queryType()), plan(explained.plan()),
                            notices(explained, prepared.checkShift()));
                }
                // 2. Run it, still in the READ transaction, reading at most maxRows rows.
                try {
                    Result result = tx.run(prepared.runText(), params);
                    columns = result.keys();
                    List<List<Object>> rows = new ArrayList<>(Math.min(maxRows, 1024));
                    ResponseSize size = new ResponseSize(props.maxResponseSize());
                    while (rows.size() < maxRows && result.hasNext()) {
                        List<Object> row = row(result.next());
                        if (!size.admits(row)) {
                            break;  // this row and the rest are not returned
                        }
                        rows.add(row);
                    }
                    boolean truncated = size.exceeded() || result.hasNext();
                    // A profile is only complete once every row is produced; a truncated plain run is rolled back unread.
                    ResultSummary summary = !truncated || prepared.mode() == Mode.PROFILE ? result.consume() : null;
                    PlanNode plan = prepared.mode() == Mode.PROFILE && summary != null && summary.hasProfile()
                            ? plan(summary.profile()) : null;
                    List<Notice> notices = summary != null ? notices(summary, prepared.runShift())
                            : notices(explained, prepared.checkShift());
                    return new CypherResponse(columns, rows, rows.size(), truncated, size.truncatedBy(truncated),
                            maxRows, timeoutMs, millisSince(started),
                            prepared.mode().name().toLowerCase(Locale.ROOT), String.valueOf(explained.queryType()), plan, notices);
                } catch (Neo4jException e) {
                    throw Neo4jErrors.translate(e, prepared.runShift(), timeoutMs);
                }
            } finally {
                rollbackQuietly(tx);
            }
        } catch (Neo4jException e) {
            throw Neo4jErrors.translate(e, 0, timeoutMs);
        }
    }

    /** Nothing the console runs is ever committed. */
    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx.isOpen()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            log.debug("Rollback of console transaction failed (it had already ended)", e);
        } finally {
            try {
                tx.close();
            } catch (RuntimeException e) {
                log.debug("Closing console transaction failed", e);
            }
        }
    }

    static Prepared prepare(String query, Mode requested) {
        var keyword = CypherText.leadingExecutionKeyword(query);
        if (keyword.isPresent()) {
            int start = keyword.get().start();
            String word = keyword.get().word();
            // Same length as the analyst's keyword, so positions in Neo4j's messages stay right.
            String asExplain = query.substring(0, start) + "EXPLAIN" + query.substring(start + word.length());
            return "EXPLAIN".equals(word)
                    ? new Prepared(Mode.EXPLAIN, query, 0, query, 0)
                    : new Prepared(Mode.PROFILE, asExplain, 0, query, 0);
        }
        return switch (requested) {
            case RUN -> new Prepared(Mode.RUN, EXPLAIN + query, EXPLAIN.length(), query, 0);
            case EXPLAIN -> new Prepared(Mode.EXPLAIN, EXPLAIN + query, EXPLAIN.length(), EXPLAIN + query, EXPLAIN.length());
            case PROFILE -> new Prepared(Mode.PROFILE, EXPLAIN + query, EXPLAIN.length(), PROFILE + query, PROFILE.length());
        };
    }

    private static Mode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return Mode.RUN;
        }
        try {
            return Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("mode", "mode must be run, explain or profile, not '" + mode + "'");
        }
    }

    private int effectiveMaxRows(Integer requested) {
        if (requested == null) {
            return props.maxRows();
        }
        if (requested < 1) {
            throw new BadRequestException("maxRows", "maxRows must be at least 1 (at most " + props.maxRows() + " are returned)");
        }
        return Math.min(requested, props.maxRows());
    }

    private long effectiveTimeoutMs(Long requested) {
        long max = props.timeout().toMillis();
        if (requested == null) {
            return max;
        }
        if (requested < 1) {
            throw new BadRequestException("timeoutMs", "timeoutMs must be at least 1 (at most " + max + " ms apply)");
        }
        return Math.min(requested, max);
    }

    /** JSON parameters as values the driver can send; numbers too large for Cypher's 64-bit integer are refused. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> params(Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        return (Map<String, Object>) param(raw, "params");
    }

    private static Object param(Object value, String path) {
        return switch (value) {
            case null -> null;
            case BigInteger big -> {
                if (big.bitLength() > 63) {
                    throw new BadRequestException("params", path + " = " + big + " does not fit a Cypher INTEGER (64-bit)");
                }
                yield big.longValue();
            }
            case BigDecimal dec -> dec.doubleValue();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), param(v, path + "." + k)));
                yield out;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(param(list.get(i), path + "[" + i + "]"));
                }
                yield out;
            }
            default -> value;
        };
    }

    private static List<Object> row(Record record) {
        List<Object> row = new ArrayList<>(record.size());
        for (Value v : record.values()) {
            row.add(ValueJson.toJson(v));
        }
        return row;
    }

    static PlanNode plan(Plan p) {
        if (p == null) {
            return null;
        }
        String type = p.operatorType();
        int at = type.indexOf('@');
        Map<String, Value> args = p.arguments();
        Value details = args.get("Details");
        Value estimated = args.get("EstimatedRows");
        Map<String, Object> rest = new TreeMap<>();
        args.forEach((k, v) -> {
            if (!PLAN_FIELDS.contains(k)) {
                rest.put(k, ValueJson.toJson(v));
            }
        });
        if (at >= 0) {
            rest.put("database", type.substring(at + 1));
        }
        List<PlanNode> children = new ArrayList<>();
        for (Plan child : p.children()) {
            children.add(plan(child));
        }
        Long rows = null;
        Long dbHits = null;
        Long hits = null;
        Long misses = null;
        Long time = null;
        if (p instanceof ProfiledPlan pp) {
            rows = pp.records();
            dbHits = pp.dbHits();
            time = pp.time();
            if (pp.hasPageCacheStats()) {
                hits = pp.pageCacheHits();
                misses = pp.pageCacheMisses();
            }
        }
        return new PlanNode(at < 0 ? type : type.substring(0, at),
                details == null || details.isNull() ? null : details.asString(),
                estimated == null || estimated.isNull() ? null : estimated.asDouble(),
                List.copyOf(p.identifiers()), rows, dbHits, hits, misses, time, rest, children);
    }

    private static List<Notice> notices(ResultSummary summary, int shift) {
        List<Notice> out = new ArrayList<>();
        for (GqlStatusObject status : summary.gqlStatusObjects()) {
            if (status instanceof GqlNotification n) {
                Position position = n.position().map(pos -> new Position(pos.line(),
                        pos.line() == 1 ? Math.max(1, pos.column() - shift) : pos.column(),
                        Math.max(0, pos.offset() - shift))).orElse(null);
                out.add(new Notice(n.gqlStatus(), n.statusDescription(), n.rawSeverity().orElse(null),
                        n.rawClassification().orElse(null), position));
            }
        }
        return out;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
