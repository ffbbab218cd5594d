package cn.clustergraph.console;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The analyst console over HTTP against the real embedded Neo4j: reads answer, every kind of write, schema and
 * administration command is refused with problem+json and leaves the graph exactly as it was, and the limits hold.
 * Runs in the shared test context, whose transaction memory limit is small (application-test.properties), so that a query
 * over it is stopped by the memory limit well within the (default, 10 s) timeout every time, even on a busy machine;
 * timeout cases ask for a shorter timeout themselves.
 */
@GraphIntegrationTest
class CypherConsoleIT {

    static final long TIMEOUT_MS = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    cn.clustergraph.neo4j.EmbeddedNeo4j embedded;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    record Answer(int status, String contentType, String body, Map<String, Object> json) {
        @SuppressWarnings("unchecked")
        List<List<Object>> rows() {
            return (List<List<Object>>) json.get("rows");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> plan() {
            return (Map<String, Object>) json.get("plan");
        }
    }

    @BeforeEach
    void createTestGraph() {
        // signing in writes (a token, an audit event): do it before any graph snapshot is taken
        Api.adminToken(port);
        try (var session = driver.session()) {
            session.run("""
                    CREATE (a:ConsoleTestThing {name: '甲', n: 1, born: date('2026-01-02'),
                            at: datetime('2026-01-02T03:04:05+08:00'), loc: point({x: 1.5, y: 2.5}),
                            blob: $bytes, tags: ['x', 'y']})
                    CREATE (b:ConsoleTestThing {name: '乙', n: 2})
                    CREATE (a)-[:CONSOLE_TEST_LINK {weight: 0.5}]->(b)""",
                    Map.of("bytes", new byte[] {1, 2, 3})).consume();
        }
    }

    @AfterEach
    void deleteTestGraph() {
        try (var session = driver.session()) {
            session.run("MATCH (n:ConsoleTestThing) DETACH DELETE n").consume();
        }
    }

    Answer post(Map<String, Object> body) throws Exception {
        HttpRequest request = Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cypher")), port)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(r.body(), Map.class);
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), parsed);
    }

    Answer query(String query) throws Exception {
        return post(Map.of("query", query));
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    @Test
    void readQueryReturnsRows() throws Exception {
        var a = post(body("query", "MATCH (n:ConsoleTestThing) WHERE n.n >= $min RETURN n.name AS name, n.n AS n ORDER BY n",
                "params", Map.of("min", 1)));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("columns")).isEqualTo(List.of("name", "n"));
        assertThat(a.rows()).containsExactly(List.of("甲", 1), List.of("乙", 2));
        assertThat(a.json()).containsEntry("rowCount", 2).containsEntry("truncated", false).containsEntry("maxRows", 10000)
                .containsEntry("mode", "run").containsEntry("queryType", "READ_ONLY").containsEntry("plan", null)
                .containsKeys("elapsedMs", "notifications", "timeoutMs");
        assertThat(((Number) a.json().get("timeoutMs")).longValue()).isEqualTo(TIMEOUT_MS);
    }

    @Test
    void nodeRelationshipPathAndOtherValuesSerialiseInTheDocumentedForm() throws Exception {
        var a = query("""
                MATCH p = (a:ConsoleTestThing {name: '甲'})-[r:CONSOLE_TEST_LINK]->(b)
                RETURN a, r, p, a.born AS born, a.at AS at, a.loc AS loc, a.blob AS blob, duration('P1DT2H') AS d,
                       [1, 'x', null, 1.5] AS l, {k: a.n, nested: {b: b}} AS m, elementId(a) AS aid, elementId(b) AS bid""");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<Object> row = a.rows().getFirst();
        String aid = (String) row.get(10);
        String bid = (String) row.get(11);

        @SuppressWarnings("unchecked") Map<String, Object> node = (Map<String, Object>) row.get(0);
        assertThat(node).containsEntry("_type", "node").containsEntry("id", aid).containsEntry("labels", List.of("ConsoleTestThing"));
        @SuppressWarnings("unchecked") Map<String, Object> props = (Map<String, Object>) node.get("properties");
        assertThat(props).containsEntry("name", "甲").containsEntry("n", 1).containsEntry("born", "2026-01-02")
                .containsEntry("at", "2026-01-02T03:04:05+08:00").containsEntry("loc", "point({srid: 7203, x: 1.5, y: 2.5})")
                .containsEntry("blob", "AQID").containsEntry("tags", List.of("x", "y"));

        @SuppressWarnings("unchecked") Map<String, Object> rel = (Map<String, Object>) row.get(1);
        assertThat(rel).containsEntry("_type", "relationship").containsEntry("type", "CONSOLE_TEST_LINK")
                .containsEntry("start", aid).containsEntry("end", bid).containsEntry("properties", Map.of("weight", 0.5));
        assertThat(rel.get("id")).isInstanceOf(String.class);

        @SuppressWarnings("unchecked") Map<String, Object> path = (Map<String, Object>) row.get(2);
        assertThat(path).containsEntry("_type", "path");
        assertThat(((List<?>) path.get("nodes")).stream().map(n -> (Object) ((Map<?, ?>) n).get("id")).toList()).containsExactly(aid, bid);
        assertThat(((List<?>) path.get("relationships")).stream().map(r -> (Object) ((Map<?, ?>) r).get("type")).toList())
                .containsExactly("CONSOLE_TEST_LINK");

        assertThat(row.subList(3, 7)).containsExactly("2026-01-02", "2026-01-02T03:04:05+08:00",
                "point({srid: 7203, x: 1.5, y: 2.5})", "AQID");
        assertThat(row.get(7)).isEqualTo("P0M1DT7200S");
        assertThat(row.get(8)).isEqualTo(java.util.Arrays.asList(1, "x", null, 1.5));
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) row.get(9);
        assertThat(m).containsEntry("k", 1);
        @SuppressWarnings("unchecked") Map<String, Object> nested = (Map<String, Object>) ((Map<String, Object>) m.get("nested")).get("b");
        assertThat(nested).containsEntry("_type", "node").containsEntry("id", bid);
    }

    // ---- limits ----------------------------------------------------------------------------------------------

    @Test
    void rowCapTruncatesAtTheSetting() throws Exception {
        var a = query("UNWIND range(1, 20000) AS x RETURN x");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).containsEntry("rowCount", 10000).containsEntry("truncated", true).containsEntry("maxRows", 10000);
        assertThat(a.rows()).hasSize(10000);
        assertThat(a.rows().getFirst()).containsExactly(1);
        assertThat(a.rows().getLast()).containsExactly(10000);
    }

    @Test
    void perRequestMaxRowsLowersTheCapButCannotRaiseIt() throws Exception {
        var lower = post(body("query", "UNWIND range(1, 100) AS x RETURN x", "maxRows", 5));
        assertThat(lower.json()).containsEntry("rowCount", 5).containsEntry("truncated", true).containsEntry("maxRows", 5);

        var exact = post(body("query", "UNWIND range(1, 5) AS x RETURN x", "maxRows", 5));
        assertThat(exact.json()).containsEntry("rowCount", 5).containsEntry("truncated", false);

        var higher = post(body("query", "UNWIND range(1, 20000) AS x RETURN x", "maxRows", 50000));
        assertThat(higher.json()).containsEntry("rowCount", 10000).containsEntry("truncated", true).containsEntry("maxRows", 10000);
    }

    @Test
    void timeoutStopsASlowReadWithinSeconds() throws Exception {
        long started = System.nanoTime();
        var a = post(body("query", "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*) AS c", "timeoutMs", 500));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json()).containsEntry("reason", "timeout").containsEntry("timeoutMs", 500)
                .containsEntry("code", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration");
        assertThat(tookMs).isLessThan(8_000);
    }

    /** Heap in use after a full collection (as far as System.gc() goes), in bytes. */
    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The runaway queries of the drill, each answered within the timeout plus a margin, the heap after GC bounded after
     * every one, and the next query served normally: a collected list of 50 million numbers (stopped by the transaction
     * memory limit), a string doubled 27 times (was a 200 answer of 134 MB) and 29 times (ran 150 s past a 10 s timeout:
     * Neo4j checks neither time nor memory inside one expression) — both now refused before they run (422
     * unbounded-growth) — a range of 100 million looped over in one expression (422 unbounded-loop), and a long UNWIND
     * (stopped by the timeout).
     */
    @Test
    void runawayQueriesAreAnsweredWithinTheTimeoutBoundedInMemoryAndTheNextQueryIsServed() throws Exception {
        long heapBefore = usedHeapAfterGc();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("UNWIND range(1, 50000000) AS i WITH collect(i) AS c RETURN size(c) AS n, c[0..5] AS head", "memory");
        queries.put("RETURN reduce(s = 'x', i IN range(1, 27) | s + s) AS s", "unbounded-growth");
        queries.put("RETURN reduce(s = 'x', i IN range(1, 29) | s + s) AS s", "unbounded-growth");
        queries.put("RETURN size([x IN range(1, 100000000) | toString(x)]) AS n", "unbounded-loop");
        queries.put("UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS c", "timeout");
        for (var q : queries.entrySet()) {
            long started = System.nanoTime();
            long timeoutMs = q.getValue().equals("timeout") ? 3_000 : TIMEOUT_MS;
            var a = post(body("query", q.getKey(), "timeoutMs", timeoutMs));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(tookMs).as("%s answered within the timeout plus a margin", q.getKey()).isLessThan(timeoutMs + 10_000);
            assertThat(a.status()).as(a.body()).isEqualTo(422);
            assertThat(a.contentType()).contains("application/problem+json");
            assertThat(a.json()).as(q.getKey()).containsEntry("reason", q.getValue())
                    .containsEntry("type", "/problems/console-" + q.getValue());
            assertThat(a.body()).doesNotContain("Exception").doesNotContain("at org.");
            if (q.getValue().startsWith("unbounded-")) {
                assertThat(tookMs).as("refused at once: %s", q.getKey()).isLessThan(2_000);
            }
            var next = query("MATCH (n:ConsoleTestThing) RETURN count(n) AS c");
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.rows()).containsExactly(List.of(2));
            assertThat(usedHeapAfterGc() - heapBefore).as("heap after GC after %s", q.getKey()).isLessThan(512L * 1024 * 1024);
        }
    }

    /** Over the transaction memory limit: 422 problem+json, reason memory, Neo4j's code kept; the console goes on. */
    @Test
    void aQueryOverTheTransactionMemoryLimitIs422Memory() throws Exception {
        long started = System.nanoTime();
        var a = query("UNWIND range(1, 20000000) AS i WITH collect(toString(i) + ' 产业链') AS c RETURN size(c) AS n");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json()).containsEntry("reason", "memory").containsEntry("type", "/problems/console-memory")
                .containsEntry("status", 422);
        assertThat((String) a.json().get("code")).as(a.body()).contains("Memory");
        assertThat((String) a.json().get("detail")).contains("transaction-max-memory");
        assertThat(tookMs).isLessThan(TIMEOUT_MS + 5_000);
        assertThat(query("UNWIND range(1, 1000) AS i WITH collect(i) AS c RETURN size(c) AS n").rows()).containsExactly(List.of(1000));
    }

    /**
     * Refused from the text, before Neo4j sees the query: 422 problem+json with the guard's reason and problem type, at
     * once, without the plan's queryType or a Neo4j code (nothing was explained or run), the graph unchanged — even for
     * a write, which the plan check would have refused with 403.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unboundedQueries")
    void unboundedQueriesAreRefusedBeforeTheyRun(String query, Map<String, Object> params, String reason) throws Exception {
        GraphSnapshot before = GraphSnapshot.take(driver);
        long started = System.nanoTime();
        var a = post(body("query", query, "params", params));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json()).containsEntry("reason", reason).containsEntry("type", "/problems/console-" + reason)
                .containsKeys("title", "detail", "offset").doesNotContainKeys("queryType", "code");
        assertThat((String) a.json().get("detail")).contains("Nothing was run");
        assertThat(tookMs).isLessThan(2_000);
        assertThat(GraphSnapshot.take(driver)).isEqualTo(before);
    }

    static Stream<Arguments> unboundedQueries() {
        return Stream.of(
                Arguments.of("RETURN reduce(s = 'x', i IN range(1, 29) | s + s) AS s", Map.of(), "unbounded-growth"),
                Arguments.of("return REDUCE(acc = '|', i in [1, 2, 3] | acc + acc + 'reduce(') as a", Map.of(), "unbounded-growth"),
                Arguments.of("RETURN reduce(l = [1], i IN range(1, 40) | l + l) AS l", Map.of(), "unbounded-growth"),
                Arguments.of("RETURN reduce(x = 2, i IN range(1, 10) /* | x */ | (x * x)) AS x", Map.of(), "unbounded-growth"),
                Arguments.of("CREATE (:ConsoleTestThing {s: reduce(s = 'x', i IN range(1, 3) | s + s)})", Map.of(), "unbounded-growth"),
                Arguments.of("RETURN reduce(t = 0, i IN range(1, 20000000) | t + i) AS t", Map.of(), "unbounded-loop"),
                Arguments.of("RETURN size([x IN range(1, 10000) | [y IN range(1, 10000) | x * y]]) AS n", Map.of(), "unbounded-loop"),
                Arguments.of("RETURN any(x IN range(1, $n) WHERE x < 0) AS a", Map.of("n", 100_000_000), "unbounded-loop"),
                Arguments.of("MATCH (n:ConsoleTestThing) RETURN [i IN range(0, size(n.tags) - 1) | n.tags[i]] AS t", Map.of(), "unbounded-loop"));
    }

    /** What the guards must let through answers as usual. */
    @Test
    void ordinaryReducesAndSmallRangesAreAnswered() throws Exception {
        assertThat(query("RETURN reduce(t = 0, x IN [1, 2, 3] | t + x) AS t").rows()).containsExactly(List.of(6));
        assertThat(query("WITH ['a', 'b'] AS names RETURN reduce(s = '', x IN names | s + x + ',') AS s").rows())
                .containsExactly(List.of("a,b,"));
        assertThat(query("RETURN reduce(s = '', w IN ['a', 'b'] | s + CASE WHEN s = '' THEN '' ELSE ' ' END + w) AS s").rows())
                .containsExactly(List.of("a b"));
        var param = post(body("query", "RETURN size([x IN range(1, $n) | x]) AS n, 's + s' AS text", "params", Map.of("n", 1000)));
        assertThat(param.status()).as(param.body()).isEqualTo(200);
        assertThat(param.rows()).containsExactly(List.of(1000, "s + s"));
        assertThat(query("UNWIND range(1, 3) AS x RETURN sum(x) AS s").rows()).containsExactly(List.of(6));
    }

    @Test
    void explainReturnsThePlanWithoutRunning() throws Exception {
        var a = post(body("query", "MATCH (n:ConsoleTestThing) WHERE n.n > 0 RETURN n.name AS name", "mode", "explain"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json()).containsEntry("mode", "explain").containsEntry("rowCount", 0).containsEntry("columns", List.of("name"));
        assertThat(a.rows()).isEmpty();
        Map<String, Object> plan = a.plan();
        assertThat(plan).containsEntry("operator", "ProduceResults").containsEntry("rows", null).containsEntry("dbHits", null);
        assertThat(plan.get("estimatedRows")).isInstanceOf(Number.class);
        assertThat(plan.toString()).contains("ConsoleTestThing");
        assertThat((List<?>) plan.get("children")).isNotEmpty();
    }

    @Test
    void profileRunsAndReturnsThePlanWithRowsAndDbHits() throws Exception {
        var a = post(body("query", "MATCH (n:ConsoleTestThing) RETURN n.name AS name ORDER BY name", "mode", "profile"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json()).containsEntry("mode", "profile").containsEntry("rowCount", 2);
        Map<String, Object> plan = a.plan();
        assertThat(plan).containsEntry("operator", "ProduceResults").containsEntry("rows", 2);
        assertThat(totalDbHits(plan)).isPositive();

        var keyword = query("PROFILE MATCH (n:ConsoleTestThing) RETURN count(n) AS c");
        assertThat(keyword.json()).containsEntry("mode", "profile");
        assertThat(keyword.rows()).containsExactly(List.of(2));
        assertThat(keyword.plan()).isNotNull();

        var explainKeyword = query("// a comment first\nEXPLAIN MATCH (n:ConsoleTestThing) RETURN n");
        assertThat(explainKeyword.json()).containsEntry("mode", "explain").containsEntry("rowCount", 0);
        assertThat(explainKeyword.plan()).containsEntry("operator", "ProduceResults");
    }

    @SuppressWarnings("unchecked")
    static long totalDbHits(Map<String, Object> plan) {
        long hits = plan.get("dbHits") == null ? 0 : ((Number) plan.get("dbHits")).longValue();
        for (Object child : (List<Object>) plan.get("children")) {
            hits += totalDbHits((Map<String, Object>) child);
        }
        return hits;
    }

    @Test
    void notificationsPointIntoTheAnalystsText() throws Exception {
        String q = "MATCH (a:ConsoleTestThing), (b:ConsoleTestThing) RETURN count(*) AS c";
        var a = query(q);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.rows()).containsExactly(List.of(4));
        @SuppressWarnings("unchecked") var notes = (List<Map<String, Object>>) a.json().get("notifications");
        assertThat(notes).anySatisfy(n -> {
            assertThat(n.get("classification")).isEqualTo("PERFORMANCE");
            assertThat(n.get("description").toString()).containsIgnoringCase("cartesian");
            @SuppressWarnings("unchecked") var pos = (Map<String, Object>) n.get("position");
            assertThat(pos).containsEntry("line", 1).containsEntry("offset", 0).containsEntry("column", 1);
        });
    }

    // ---- request validation and query errors -------------------------------------------------------------------

    @Test
    void invalidRequestsAreProblemsNamingTheField() throws Exception {
        assertProblem(query("   "), 400, "query");
        assertProblem(post(body("params", Map.of())), 400, "query");
        assertProblem(query("RETURN 1 // " + "x".repeat(20_000)), 400, "query");
        assertProblem(post(body("query", "RETURN 1", "mode", "walk")), 400, "mode");
        assertProblem(post(body("query", "RETURN 1", "maxRows", 0)), 400, "maxRows");
        assertProblem(post(body("query", "RETURN 1", "timeoutMs", -5)), 400, "timeoutMs");
        assertProblem(post(body("query", "RETURN $x", "params", Map.of("x", BigInteger.TWO.pow(70)))), 400, "params");
    }

    static void assertProblem(Answer a, int status, String field) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json()).containsEntry("field", field);
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at cn.");
    }

    @Test
    void syntaxErrorIs400WithPositionInTheAnalystsText() throws Exception {
        String q = "MATCH (n:ConsoleTestThing RETURN n";
        var a = query(q);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.contentType()).contains("application/problem+json");
        assertThat(a.json()).containsEntry("code", "Neo.ClientError.Statement.SyntaxError").containsEntry("reason", "cypher-error")
                .containsEntry("line", 1).containsEntry("offset", q.indexOf("RETURN")).containsEntry("column", q.indexOf("RETURN") + 1);
        assertThat((String) a.json().get("detail")).contains("RETURN").doesNotContain("EXPLAIN");
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("at org.");

        var semantic = query("MATCH (n:ConsoleTestThing) RETURN m");
        assertThat(semantic.status()).isEqualTo(400);
        assertThat((String) semantic.json().get("detail")).contains("`m` not defined");

        assertThat(query("RETURN 1; RETURN 2").status()).isEqualTo(400);
        assertThat(query("RETURN 1 / 0 AS x").status()).isEqualTo(400);
    }

    // ---- refusals: nothing changes ------------------------------------------------------------------------------

    static Stream<Arguments> refusedQueries() {
        return Stream.of(
                // data writes
                Arguments.of("CREATE (n:ConsoleTestThing {name: 'new'})", 403, "write"),
                Arguments.of("MERGE (n:ConsoleTestThing {name: '甲'}) RETURN n", 403, "write"),
                Arguments.of("MERGE (n:ConsoleTestThing {name: '丙'}) RETURN n", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) SET n.n = 99 RETURN n", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) DETACH DELETE n", 403, "write"),
                Arguments.of("MATCH (:ConsoleTestThing)-[r:CONSOLE_TEST_LINK]->() DELETE r", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) REMOVE n.name, n:ConsoleTestThing", 403, "write"),
                Arguments.of("FOREACH (i IN range(1, 3) | CREATE (:ConsoleTestThing {i: i}))", 403, "write"),
                Arguments.of("match (n:ConsoleTestThing) /* looks harmless */ call (n) { set n.n = 100 } return count(*) as c", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) CALL { WITH n DETACH DELETE n } RETURN count(*) AS c", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1 ROW", 403, "call-in-transactions"),
                Arguments.of("CALL () { MATCH (n:ConsoleTestThing) RETURN n } IN TRANSACTIONS RETURN n", 403, "call-in-transactions"),
                // files and URLs read by the server
                Arguments.of("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 403, "load-csv"),
                Arguments.of("load /* hidden */ csv with headers from 'https://example.com/x.csv' as r return r", 403, "load-csv"),
                // schema
                Arguments.of("CREATE INDEX console_test_idx FOR (n:ConsoleTestThing) ON (n.name)", 403, "schema"),
                Arguments.of("CREATE CONSTRAINT console_test_uq FOR (n:ConsoleTestThing) REQUIRE n.name IS UNIQUE", 403, "schema"),
                Arguments.of("DROP INDEX name_search", 403, "schema"),
                Arguments.of("DROP CONSTRAINT enterprise_id IF EXISTS", 403, "schema"),
                // administration and the system database
                Arguments.of("CREATE DATABASE console_test", 403, "admin"),
                Arguments.of("CREATE USER console_test SET PASSWORD 'console-secret' CHANGE NOT REQUIRED", 403, "admin"),
                Arguments.of("ALTER CURRENT USER SET PASSWORD FROM 'old-password' TO 'new-password'", 403, "admin"),
                Arguments.of("SHOW USERS", 403, "admin"),
                Arguments.of("SHOW ROLES", 403, "admin"),
                Arguments.of("SHOW PRIVILEGES", 403, "admin"),
                Arguments.of("SHOW DATABASES", 403, "admin"),
                Arguments.of("USE system SHOW USERS", 403, "admin"),
                Arguments.of("USE `system` CALL db.labels()", 403, "admin"),
                Arguments.of("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 403, "admin"),
                // what leaks other clients' queries and addresses, or the configuration: refused like dbms.listConfig
                Arguments.of("SHOW TRANSACTIONS", 403, "admin"),
                Arguments.of("SHOW TRANSACTIONS YIELD * RETURN *", 403, "admin"),
                Arguments.of("SHOW SETTINGS", 403, "admin"),
                Arguments.of("SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'memory' RETURN name, value", 403, "admin"),
                Arguments.of("SHOW SERVERS", 403, "admin"),
                Arguments.of("SHOW CURRENT USER", 403, "admin"),
                Arguments.of("CALL dbms.listConfig()", 403, "schema"),
                // procedures that write or act on the DBMS
                Arguments.of("CALL db.createLabel('ConsoleTestLabel')", 403, "write"),
                Arguments.of("CALL db.createProperty('consoleTestProperty')", 403, "write"),
                Arguments.of("MATCH (n:ConsoleTestThing) CALL db.createRelationshipType('CONSOLE_TEST_TYPE') RETURN n", 403, "write"),
                Arguments.of("CALL db.clearQueryCaches()", 403, "schema"),
                Arguments.of("CALL dbms.killConnections(['bolt-1'])", 403, "schema"),
                Arguments.of("CALL db.stats.clear('QUERIES')", 403, "procedure"),
                Arguments.of("CALL db.resampleOutdatedIndexes()", 403, "procedure"),
                Arguments.of("CALL apoc.create.node(['ConsoleTestThing'], {name: 'apoc'})", 400, "unknown-procedure"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedQueries")
    void refusedQueryIsAProblemAndChangesNothing(String query, int status, String reason) throws Exception {
        GraphSnapshot.Marked before = GraphSnapshot.mark(driver, this::lastCommittedTxn);
        for (String mode : new String[] {"run", "profile"}) {
            var a = post(body("query", query, "mode", mode));
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            assertThat(a.contentType()).contains("application/problem+json");
            assertThat(a.json()).containsEntry("reason", reason).containsKey("detail").containsKey("title");
            assertThat(a.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at cn.");
            if (status == 403 && List.of("write", "schema").contains(reason)) {
                assertThat((String) a.json().get("title")).contains("只读控制台不允许写操作");
            }
            assertThat(GraphSnapshot.again(driver, this::lastCommittedTxn, before)).isEqualTo(before.snapshot());
        }
    }

    @Test
    void explainOfAWriteIsRefusedToo() throws Exception {
        GraphSnapshot before = GraphSnapshot.take(driver);
        var a = post(body("query", "CREATE (n:ConsoleTestThing {name: 'explained'})", "mode", "explain"));
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json()).containsEntry("queryType", "WRITE_ONLY");
        assertThat(GraphSnapshot.take(driver)).isEqualTo(before);
    }

    @Test
    void readAccessModeIsTheSecondLineOfDefence() {
        // Should a write ever pass the EXPLAIN check, the READ transaction it runs in makes the server refuse it.
        GraphSnapshot before = GraphSnapshot.take(driver);
        Neo4jException e;
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            e = catchThrowableOfType(Neo4jException.class,
                    () -> session.executeRead(tx -> tx.run("CREATE (:ConsoleTestThing {name: 'sneaky'})").consume()));
        }
        assertThat(e).isNotNull();
        ConsoleProblem problem = Neo4jErrors.translate(e, 0, 1000);
        assertThat(problem.getStatusCode().value()).isEqualTo(403);
        assertThat(problem.reason()).isEqualTo("write");
        assertThat(problem.getBody().getTitle()).contains("只读控制台不允许写操作");
        assertThat(GraphSnapshot.take(driver)).isEqualTo(before);
    }

    @Test
    void snapshotSeesChanges() {
        // Guards the guard: the snapshot must notice a property change, or the refusal tests prove nothing.
        GraphSnapshot before = GraphSnapshot.take(driver);
        try (var session = driver.session()) {
            session.run("MATCH (n:ConsoleTestThing {name: '乙'}) SET n.n = 3").consume();
        }
        GraphSnapshot after = GraphSnapshot.take(driver);
        assertThat(after.nodes()).isEqualTo(before.nodes());
        assertThat(after.checksum()).isNotEqualTo(before.checksum());
        assertThat(GraphSnapshot.take(driver)).isEqualTo(after);
    }

    @Test
    void theShortcutOfTheSnapshotSeesChangesToo() {
        // the refusal tests skip reading the graph again when no transaction committed: a write must defeat that
        GraphSnapshot.Marked before = GraphSnapshot.mark(driver, this::lastCommittedTxn);
        assertThat(GraphSnapshot.again(driver, this::lastCommittedTxn, before)).isEqualTo(before.snapshot());
        try (var session = driver.session()) {
            session.run("MATCH (n:ConsoleTestThing {name: '乙'}) SET n.n = coalesce(n.n, 0) + 1").consume();
        }
        GraphSnapshot again = GraphSnapshot.again(driver, this::lastCommittedTxn, before);
        assertThat(again.checksum()).isNotEqualTo(before.snapshot().checksum());
        assertThat(again).isEqualTo(GraphSnapshot.take(driver));
    }

    /** The embedded database's last committed transaction id (any write moves it on). */
    private long lastCommittedTxn() {
        return ((org.neo4j.kernel.internal.GraphDatabaseAPI) embedded.database()).getDependencyResolver()
                .resolveDependency(org.neo4j.storageengine.api.TransactionIdStore.class).getLastCommittedTransactionId();
    }
}
