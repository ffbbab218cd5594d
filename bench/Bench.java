import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query benchmark of bench/run.sh: each core question through the HTTP API and, in the same run, the best Cypher for the
 * same question through the bare driver over Bolt (the floor). Sequential calls after a warm-up; p50 / p95 / ratio.
 * Usage: java -cp CLASSPATH bench/Bench.java http://127.0.0.1:PORT bolt://127.0.0.1:BOLT ITERATIONS OUT.md [ONLY]
 * ONLY (optional): comma-separated words; only the questions whose name contains one of them run.
 */
public class Bench {

    record Case(String name, String method, String path, String body, String cypher, Map<String, Object> params) {
    }

    /** API token of the app's admin (run.sh gets it from POST /api/auth/token); the API needs a signed-in user. */
    static final String TOKEN = System.getenv("CLUSTERGRAPH_TOKEN");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String call(String base, String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (TOKEN != null && !TOKEN.isEmpty()) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        if ("POST".equals(method)) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.GET();
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String first(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    static String reportCypher(Path file) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("// @")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String bolt = args[1];
        int n = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : List.of();
        int warm = Math.max(20, n / 5);
        String chain = "光电通信";
        // pick a local enterprise in the middle of the 光电通信 list, and the list's size for the deep page
        String firstPage = call(base, "GET", "/api/enterprises?chain=" + enc(chain) + "&size=50", null);
        long total = Long.parseLong(first("\"total\":(\\d+)", firstPage));
        String enterprise = first("\"id\":\"([0-9A-Z]{18})\"", call(base, "GET", "/api/enterprises?chain=" + enc(chain) + "&local=true&size=1&page="
                + Math.max(0, total / 3), null));
        long deepPage = Math.max(0, (long) (total * 0.9) / 50);
        String chainIs = "(e)-[:IN_SEGMENT]->(:Segment)-[:PART_OF]->(:Chain {name: $chain})";
        String listFloor = "MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank) WHERE e.outputRank >= -1.0 AND EXISTS { " + chainIs + " }\n"
                + "WITH e ORDER BY e.outputRank DESC, e.id SKIP $skip LIMIT 50\n"
                + "OPTIONAL MATCH (e)-[:LOCATED_IN]->(t:Town) RETURN e {.id, .name, .output, .local, town: t.name}";
        // deep page: SKIP/LIMIT over the whole chain takes seconds at 1M, so the floor reads between the chain's maintained
        // bookmarks (rollupRankMark*, every rollupRankEvery positions) through the (outputRank, id) index
        String deepFloor = """
                MATCH (c:Chain {name: $chain})
                WITH c, toInteger($skip / c.rollupRankEvery) AS k, toInteger(($skip + 50 + c.rollupRankEvery - 1) / c.rollupRankEvery) AS j
                WITH $skip - k * c.rollupRankEvery AS offset, c.rollupRankMarkRanks[k] AS rank, c.rollupRankMarkIds[k] AS id,
                     c.rollupRankMarkRanks[j] AS endRank, c.rollupRankMarkIds[j] AS endId
                CALL (rank, id, endRank, endId) {
                  MATCH (e:Enterprise) WHERE e.outputRank = rank AND e.id >= id AND e.id < CASE WHEN endRank = rank THEN endId ELSE $lastId END
                  RETURN e
                  UNION
                  MATCH (e:Enterprise) WHERE e.outputRank < rank AND e.outputRank > coalesce(endRank, -2.0)
                  RETURN e
                  UNION
                  MATCH (e:Enterprise) WHERE e.outputRank = endRank AND e.id < endId AND e.id >= CASE WHEN endRank = rank THEN id ELSE '' END
                  RETURN e
                }
                WITH offset, e WHERE EXISTS { (e)-[:IN_SEGMENT]->(s:Segment) WHERE s.chain = $chain }
                WITH offset, e ORDER BY e.outputRank DESC, e.id
                WITH offset, collect(e) AS es
                UNWIND es[offset..offset + 50] AS e
                OPTIONAL MATCH (e)-[:LOCATED_IN]->(t:Town) RETURN e {.id, .name, .output, .local, town: t.name}""";
        List<Case> cases = List.of(
                new Case("department responsibilities", "GET", "/api/departments/" + enc("市经信局"), null, """
                        MATCH (d:Department {name: $name})
                        RETURN d {.name, .fullName,
                          leads: COLLECT { MATCH (d)<-[:LED_BY]-(t:Task) RETURN t {.no, .content} ORDER BY t.no },
                          coOwns: COLLECT { MATCH (d)<-[r:CO_OWNED_BY]-(t:Task) RETURN t {.no, .content, order: r.order} ORDER BY t.no },
                          indicators: COLLECT { MATCH (d)<-[r:LED_BY|CO_OWNED_BY]-(i:Indicator) RETURN i {.id, .name, lead: type(r) = 'LED_BY'} }}""",
                        Map.of("name", "市经信局")),
                new Case("task detail", "GET", "/api/tasks/52", null, """
                        MATCH (t:Task {no: $no})
                        RETURN t {.no, .content, owners: COLLECT { MATCH (t)-[r:LED_BY|CO_OWNED_BY]->(d) RETURN d.name ORDER BY r.order },
                          clauses: COLLECT { MATCH (t)-[:STATED_IN]->(s:Source) RETURN s {.ref, .text} },
                          mentions: COLLECT { MATCH (t)-[c:CONCERNS]->(x) RETURN {quote: c.quote, what: coalesce(x.name, x.id)} }}""",
                        Map.of("no", 52L)),
                new Case("chain leader view", "GET", "/api/chains/" + enc(chain), null, """
                        MATCH (c:Chain {name: $chain})
                        RETURN c {.name, .rollupLocal, .rollupOutput, .rollupHonourNames, .rollupHonourCounts, .rollupLeaders,
                          segments: COLLECT { MATCH (s:Segment)-[:PART_OF]->(c)
                            RETURN s {.id, .name, .stage, .rollupLocal, .rollupScale, .rollupOutput, .rollupHonours, .rollupTopLocal} ORDER BY s.order },
                          tasks: COLLECT { MATCH (t:Task)-[:CONCERNS]->(c) MATCH (t)-[:LED_BY]->(d) RETURN {no: t.no, lead: d.name} },
                          serving: COLLECT { MATCH (p)-[:SERVES]->(c) RETURN p.name },
                          targets: COLLECT { MATCH (i:Indicator)-[:SUMS_OUTPUT_OF]->(c) MATCH (i)-[:HAS_TARGET]->(g:Target) RETURN g {.id, .year, .value} }}""",
                        Map.of("chain", chain)),
                new Case("enterprise by id", "GET", "/api/enterprises/" + enterprise, null, """
                        MATCH (e:Enterprise {id: $id})
                        RETURN e {.id, .name, .output, .local, .scale, .honourNames,
                          town: [(e)-[:LOCATED_IN]->(t) | t.name][0],
                          segments: COLLECT { MATCH (e)-[m:IN_SEGMENT]->(s) RETURN s {.id, .name, share: m.share} },
                          figures: COLLECT { MATCH (e)-[:REPORTED]->(f) RETURN f {.year, .output} },
                          suppliers: COLLECT { MATCH (e)<-[:SUPPLIES]-(o) RETURN o {.id, .name, .output} ORDER BY o.outputRank DESC LIMIT 20 },
                          customers: COLLECT { MATCH (e)-[:SUPPLIES]->(o) RETURN o {.id, .name, .output} ORDER BY o.outputRank DESC LIMIT 20 }}""",
                        Map.of("id", enterprise)),
                new Case("enterprise → targets", "GET", "/api/enterprises/" + enterprise + "/targets", null, """
                        MATCH (e:Enterprise {id: $id})-[m:IN_SEGMENT]->(s:Segment)-[:PART_OF]->(c:Chain)-[:PART_OF]->(cl:Cluster)
                        MATCH (i:Indicator)-[:SUMS_OUTPUT_OF]->(x) WHERE x = s OR x = c OR x = cl OR (x:Programme AND EXISTS { (cl)-[:PART_OF]->(x) })
                        RETURN i.id AS indicator, e.output * m.share AS amount, [e.name, s.name, c.name, cl.name, i.name] AS path,
                               COLLECT { MATCH (i)-[:HAS_TARGET]->(t:Target) WHERE t.town IS NULL RETURN t {.id, .year, .value} } AS targets
                        UNION ALL
                        MATCH (e:Enterprise {id: $id})-[h:HAS_HONOUR]->(o:Honour)<-[:COUNTS_HONOUR]-(i:Indicator)
                        RETURN i.id AS indicator, 1 AS amount, [e.name, o.name, i.name] AS path,
                               COLLECT { MATCH (i)-[:HAS_TARGET]->(t:Target) RETURN t {.id, .year, .value} } AS targets""",
                        Map.of("id", enterprise)),
                new Case("target contributors (A1-02)", "GET", "/api/targets/A1-02/contributors?size=50", null, """
                        MATCH (e:Enterprise) USING INDEX e:Enterprise(outputRank) WHERE e.outputRank >= 0 AND e.local AND e.scale
                          AND EXISTS { (e)-[:IN_SEGMENT]->() }
                        WITH e ORDER BY e.outputRank DESC, e.id LIMIT 50
                        RETURN e {.id, .name, .output}""",
                        Map.of()),
                new Case("chain gaps", "GET", "/api/chains/" + enc(chain) + "/gaps", null, """
                        MATCH (s:Segment)-[:PART_OF]->(:Chain {name: $chain})
                        RETURN s {.id, .name, .stage, .rollupLocal, .rollupScale, .rollupOutput, .rollupLocalSupplyLinks,
                          .rollupExternalSupplyLinks, .rollupExternalSupplyExamples, .rollupLeaderCount,
                          downstream: COLLECT { MATCH (s)-[:SUPPLIES]->(d:Segment) RETURN d {.id, .rollupLocal, .rollupOutput} },
                          upstream: COLLECT { MATCH (s)<-[:SUPPLIES]-(u:Segment) RETURN u {.id, .rollupLocal, .rollupOutput} }}""",
                        Map.of("chain", chain)),
                new Case("city gap matrix", "GET", "/api/gaps", null, """
                        MATCH (c:Chain)-[:HAS_ROLLUP]->(r:StageRollup)
                        RETURN c.name AS chain, collect(r {.*}) AS stages""",
                        Map.of()),
                new Case("investment targets (新能源汽车)", "GET", "/api/chains/" + enc("新能源汽车") + "/investment-targets", null, """
                        MATCH (s:Segment)-[:PART_OF]->(:Chain {name: $chain}) WHERE s.rollupLocal < 3 OR s.rollupScale < 1
                        MATCH (e:Enterprise)-[m:IN_SEGMENT]->(s) WHERE NOT e.local
                        WITH s, e, m, COUNT { (e)-[:SUPPLIES]->(l:Enterprise) WHERE l.local } AS links
                        WITH s, e, 5 * links + 2 * size(e.honourNames) + CASE WHEN e.scale THEN log10(1 + coalesce(e.output, 0)) ELSE 0 END
                                + CASE WHEN m.primary THEN 3 ELSE 1.5 END AS score, links
                        ORDER BY score DESC LIMIT 20
                        RETURN s.id, e {.id, .name, .region, .output}, links, score""",
                        Map.of("chain", "新能源汽车")),
                new Case("search (光电)", "GET", "/api/search?q=" + enc("光电"), null, """
                        CALL db.index.fulltext.queryNodes('name_search', $q, {limit: 20}) YIELD node, score
                        RETURN labels(node)[0] AS kind, coalesce(node.id, node.name) AS id, node.name AS name, score""",
                        Map.of("q", "光电")),
                new Case("chain list, first page", "GET", "/api/enterprises?chain=" + enc(chain) + "&size=50", null, listFloor,
                        Map.of("chain", chain, "skip", 0L)),
                new Case("chain list, deep page " + deepPage + " of " + (total / 50 + 1), "GET",
                        "/api/enterprises?chain=" + enc(chain) + "&size=50&page=" + deepPage, null, deepFloor,
                        Map.of("chain", chain, "skip", deepPage * 50, "lastId", "\uffff")),
                new Case("report department-responsibility-sheet", "POST", "/api/reports/department-responsibility-sheet",
                        "{\"department\":\"经信局\"}", reportCypher(Path.of("cypher/reports/department-responsibility-sheet.cypher")),
                        Map.of("department", "经信局")));

        StringBuilder md = new StringBuilder();
        md.append("| question | API p50 ms | API p95 ms | floor p50 ms | floor p95 ms | API/floor p50 | app CPU ms/call |\n|---|---|---|---|---|---|---|\n");
        // the app's own CPU time per API call (all its threads, embedded Neo4j included): less sensitive to other load than wall time
        Optional<ProcessHandle> app = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> Arrays.asList(a).contains("--server.port=" + URI.create(base).getPort())).orElse(false)).findFirst();
        try (Driver driver = GraphDatabase.driver(bolt, System.getenv("NEO4J_PASSWORD") == null || System.getenv("NEO4J_PASSWORD").isEmpty()
                ? AuthTokens.none() : AuthTokens.basic("neo4j", System.getenv("NEO4J_PASSWORD"))); Session session = driver.session()) {
            for (Case c : cases) {
                if (!only.isEmpty() && only.stream().noneMatch(w -> c.name().contains(w))) {
                    continue;
                }
                double[] api = new double[n];
                double[] floor = new double[n];
                for (int i = 0; i < warm; i++) {
                    call(base, c.method(), c.path(), c.body());
                    session.executeRead(tx -> tx.run(c.cypher(), c.params()).list());
                }
                // interleave API and floor so noise from other builds hits both alike
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    call(base, c.method(), c.path(), c.body());
                    api[i] = (System.nanoTime() - s) / 1e6;
                    s = System.nanoTime();
                    session.executeRead(tx -> tx.run(c.cypher(), c.params()).list());
                    floor[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(api);
                Arrays.sort(floor);
                double a50 = pct(api, 50), a95 = pct(api, 95), f50 = pct(floor, 50), f95 = pct(floor, 95);
                double cpu = Double.NaN;
                if (app.isPresent()) {
                    Duration before = app.get().info().totalCpuDuration().orElse(Duration.ZERO);
                    for (int i = 0; i < n; i++) {
                        call(base, c.method(), c.path(), c.body());
                    }
                    cpu = (app.get().info().totalCpuDuration().orElse(Duration.ZERO).minus(before)).toNanos() / 1e6 / n;
                }
                String line = String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n", c.name(), a50, a95, f50, f95, a50 / f50, cpu);
                System.out.print(line);
                md.append(line);
            }
        }
        md.append("\nenterprise used: ").append(enterprise).append("; ").append(chain).append(" list total ").append(total)
                .append("; ").append(n).append(" timed calls each after ").append(warm).append(" warm-up calls\n");
        Files.writeString(out, md.toString());
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
