package cn.clustergraph.programme;

import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.rollup.RollupService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the programme document ({@code programme/}) and the default chain maps ({@code chains/}) in one transaction
 * with batched, parameterised Cypher; validates everything first, prunes what the files no longer contain, and checks
 * the result against the files. Rerunning it leaves the graph as it was.
 */
@Component
public class ProgrammeImporter {

    /** Dataset tag of nodes and relationships stated by the document. */
    public static final String PROGRAMME = "programme";
    /** Dataset tag of the assumed cluster grouping and default segment maps. */
    public static final String CHAIN_MAP = "chain-map";

    private static final Logger log = LoggerFactory.getLogger(ProgrammeImporter.class);

    /** What a load did: counts per label and relationship type, and whether they match the files. */
    public record Result(String source, Map<String, Long> labels, Map<String, Long> relationships, List<String> mismatches, long millis) {

        public boolean verified() {
            return mismatches.isEmpty();
        }

        public String summary() {
            return "programme: " + labels.getOrDefault("Task", 0L) + " tasks, " + labels.getOrDefault("Indicator", 0L) + " indicators, "
                    + labels.getOrDefault("Target", 0L) + " targets, " + labels.getOrDefault("Department", 0L) + " departments, "
                    + labels.getOrDefault("Segment", 0L) + " segments from " + source + " in " + millis + " ms; check "
                    + (verified() ? "OK (counts match the files)" : "FAILED " + mismatches);
        }
    }

    private final Driver driver;
    private final ApplicationEventPublisher events;

    ProgrammeImporter(Driver driver, ApplicationEventPublisher events) {
        this.driver = driver;
        this.events = events;
    }

    /** Validates every file, then writes all or nothing. */
    public Result load(ImportSource source) {
        long started = System.nanoTime();
        ProgrammeFiles.Data data = new ProgrammeFiles(source).read();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> write(tx, data.rows()));
        }
        Result result = verify(source.describe(), data, (System.nanoTime() - started) / 1_000_000);
        if (result.verified()) {
            log.info("Import {}", result.summary());
        } else {
            log.warn("Import {}", result.summary());
        }
        events.publishEvent(new ProgrammeImportedEvent(result));
        return result;
    }

    /** True when the document has been loaded before. */
    public boolean isLoaded() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (p:Programme) RETURN count(p) > 0 AS loaded").single().get("loaded").asBoolean());
        }
    }

    /** A "STATED_IN" link from nodes of {@code label} keyed by {@code key} to their source, for rows that name one. */
    private static String statedIn(String label, String key) {
        return """
                UNWIND [r IN $rows WHERE r.source IS NOT NULL] AS r
                MATCH (n:%s {%s: r.%s}), (src:Source {id: r.source})
                MERGE (n)-[st:STATED_IN]->(src) SET st.dataset = $programme
                RETURN collect(elementId(st)) AS ids""".formatted(label, key, key);
    }

    /** LED_BY (order 1) and CO_OWNED_BY (order 2..n) from nodes of {@code label} to their departments. */
    private static String[][] owners(String rows, String label, String key) {
        return new String[][]{
                {rows, """
                        UNWIND [r IN $rows WHERE r.lead IS NOT NULL] AS r
                        MATCH (n:%s {%s: r.%s}), (d:Department {name: r.lead})
                        MERGE (n)-[l:LED_BY]->(d) SET l.order = 1, l.source = r.source, l.dataset = $programme
                        RETURN collect(elementId(l)) AS ids""".formatted(label, key, key)},
                {rows, """
                        UNWIND $rows AS r
                        UNWIND range(0, size(r.coOwners) - 1) AS k
                        MATCH (n:%s {%s: r.%s}), (d:Department {name: r.coOwners[k]})
                        MERGE (n)-[c:CO_OWNED_BY]->(d) SET c.order = k + 2, c.source = r.source, c.dataset = $programme
                        RETURN collect(elementId(c)) AS ids""".formatted(label, key, key)}};
    }

    private static final List<String[]> STATEMENTS = new ArrayList<>();

    static {
        add("sources", """
                UNWIND $rows AS r
                MERGE (s:Source {id: r.id})
                SET s.part = r.part, s.ref = r.ref, s.text = r.text, s.name = r.ref, s.dataset = $programme
                RETURN collect(elementId(s)) AS ids""");
        add("programme", """
                UNWIND $rows AS r
                MERGE (p:Programme {id: r.id})
                SET p.title = r.title, p.name = r.title, p.docNo = r.docNo, p.issuer = r.issuer, p.issuedOn = date(r.issuedOn),
                    p.printedOn = date(r.printedOn), p.periodFrom = r.periodFrom, p.periodTo = r.periodTo,
                    p.noticeTitle = r.noticeTitle, p.stated = true, p.dataset = $programme
                RETURN collect(elementId(p)) AS ids""");
        add("programme", statedIn("Programme", "id"));
        add("sections", """
                UNWIND $rows AS r
                MERGE (s:Section {id: r.id})
                SET s.no = r.no, s.title = r.title, s.name = r.title, s.annexTitle = r.annexTitle, s.stated = true, s.dataset = $programme
                WITH s, r
                OPTIONAL MATCH (parent:Section {id: r.parent})
                OPTIONAL MATCH (p:Programme {id: r.programme})
                WITH s, coalesce(parent, p) AS up
                MERGE (s)-[po:PART_OF]->(up) SET po.dataset = $programme
                RETURN collect(elementId(s)) + collect(elementId(po)) AS ids""");
        add("sections", statedIn("Section", "id"));
        add("measures", """
                UNWIND $rows AS r
                MATCH (sec:Section {id: r.section})
                MERGE (m:Measure {id: r.id})
                SET m.no = r.no, m.title = r.title, m.name = r.title, m.annexTitles = r.annexTitles, m.sectionId = r.section,
                    m.stated = true, m.dataset = $programme
                MERGE (m)-[po:PART_OF]->(sec) SET po.dataset = $programme
                RETURN collect(elementId(m)) + collect(elementId(po)) AS ids""");
        add("measures", statedIn("Measure", "id"));
        add("departments", """
                UNWIND $rows AS r
                MERGE (d:Department {name: r.name})
                SET d.fullName = r.fullName, d.kind = r.kind, d.aliases = r.aliases, d.aliasText = r.aliasText, d.note = r.note,
                    d.stated = true, d.dataset = $programme
                RETURN collect(elementId(d)) AS ids""");
        add("doubts", """
                UNWIND $rows AS r
                MATCH (a:Department {name: r.a}), (b:Department {name: r.b})
                MERGE (a)-[x:MAY_BE_SAME_AS]->(b)
                SET x.note = r.note, x.sources = r.sources, x.dataset = $programme
                RETURN collect(elementId(x)) AS ids""");
        add("tasks", """
                UNWIND $rows AS r
                MATCH (m:Measure {id: r.measure})
                MERGE (t:Task {no: r.no})
                SET t.content = r.content, t.measureId = r.measure, t.sectionId = m.sectionId, t.departmentsRaw = r.departmentsRaw,
                    t.annexMeasureCell = r.annexMeasureCell, t.name = '任务' + r.no, t.stated = true, t.dataset = $programme
                MERGE (t)-[po:PART_OF]->(m) SET po.dataset = $programme
                RETURN collect(elementId(t)) + collect(elementId(po)) AS ids""");
        add("tasks", statedIn("Task", "no"));
        STATEMENTS.addAll(List.of(owners("tasks", "Task", "no")));
        add("towns", """
                UNWIND $rows AS r
                MERGE (t:Town {name: r.name})
                SET t.fullName = r.fullName, t.kind = r.kind, t.aliases = r.aliases, t.aliasText = r.aliasText, t.order = r.order,
                    t.stated = true, t.dataset = $programme
                RETURN collect(elementId(t)) AS ids""");
        add("towns", statedIn("Town", "name"));
        add("indicators", """
                UNWIND $rows AS r
                MATCH (p:Programme {id: r.programme})
                MERGE (i:Indicator {id: r.id})
                SET i.origin = r.origin, i.no = r.no, i.category = r.category, i.name = r.name, i.unit = r.unit,
                    i.additive = r.additive, i.stated = true, i.dataset = $programme
                MERGE (i)-[po:PART_OF]->(p) SET po.dataset = $programme
                RETURN collect(elementId(i)) + collect(elementId(po)) AS ids""");
        add("indicators", statedIn("Indicator", "id"));
        STATEMENTS.addAll(List.of(owners("indicators", "Indicator", "id")));
        add("indicators", """
                UNWIND [r IN $rows WHERE r.related IS NOT NULL] AS r
                MATCH (a:Indicator {id: r.id}), (b:Indicator {id: r.related})
                MERGE (a)-[x:SAME_MEASURE_AS]->(b) SET x.dataset = $programme
                RETURN collect(elementId(x)) AS ids""");
        add("targets", """
                UNWIND $rows AS r
                MATCH (i:Indicator {id: r.indicator}), (src:Source {id: r.source})
                MERGE (t:Target {id: r.id})
                SET t.year = r.year, t.value = r.value, t.comparator = r.comparator, t.qualifier = r.qualifier, t.text = r.text,
                    t.period = r.period, t.primary = r.primary, t.town = r.town, t.indicatorId = r.indicator,
                    t.name = i.name + ' ' + r.year + coalesce(' ' + r.town, ''), t.stated = true, t.dataset = $programme
                MERGE (i)-[h:HAS_TARGET]->(t) SET h.dataset = $programme
                MERGE (t)-[st:STATED_IN]->(src) SET st.quote = r.quote, st.dataset = $programme
                RETURN collect(elementId(t)) + collect(elementId(h)) + collect(elementId(st)) AS ids""");
        add("targets", """
                UNWIND [r IN $rows WHERE r.town IS NOT NULL] AS r
                MATCH (t:Target {id: r.id}), (town:Town {name: r.town})
                MERGE (t)-[x:IN_TOWN]->(town) SET x.dataset = $programme
                RETURN collect(elementId(x)) AS ids""");
        add("platforms", """
                UNWIND $rows AS r
                MERGE (p:Platform {id: r.id})
                SET p.name = r.name, p.kind = r.kind, p.aliases = r.aliases, p.aliasText = r.aliasText, p.stated = true, p.dataset = $programme
                RETURN collect(elementId(p)) AS ids""");
        add("platforms", statedIn("Platform", "id"));
        add("platforms", """
                UNWIND [r IN $rows WHERE r.town IS NOT NULL] AS r
                MATCH (p:Platform {id: r.id}), (town:Town {name: r.town})
                MERGE (p)-[x:LOCATED_IN]->(town) SET x.dataset = $programme
                RETURN collect(elementId(x)) AS ids""");
        add("institutes", """
                UNWIND $rows AS r
                MERGE (i:Institute {id: r.id})
                SET i.name = r.name, i.kind = r.kind, i.aliases = r.aliases, i.aliasText = r.aliasText, i.stated = true, i.dataset = $programme
                RETURN collect(elementId(i)) AS ids""");
        add("institutes", statedIn("Institute", "id"));
        add("enterprises", """
                UNWIND $rows AS r
                MERGE (e:Enterprise {id: r.id})
                SET e.name = r.name, e.aliases = r.aliases, e.aliasText = r.aliasText, e.note = r.note, e.local = true,
                    e.stated = true, e.sample = false, e.dataset = $programme,
                    // the derived value the register's refresh gives an enterprise without honours, so that a rerun of
                    // the import changes nothing (a fresh graph lacked it until the first reimport: issue 15)
                    e.honourNames = coalesce(e.honourNames, [])
                RETURN collect(elementId(e)) AS ids""");
        add("enterprises", statedIn("Enterprise", "id"));
        add("clusters", """
                UNWIND $rows AS r
                MATCH (p:Programme {id: r.programme})
                MERGE (c:Cluster {name: r.name})
                SET c.nameEn = r.nameEn, c.assumed = r.assumed, c.note = r.note, c.stated = false, c.dataset = $chainMap
                MERGE (c)-[po:PART_OF]->(p) SET po.assumed = r.assumed, po.dataset = $chainMap
                RETURN collect(elementId(c)) + collect(elementId(po)) AS ids""");
        add("chains", """
                UNWIND $rows AS r
                MATCH (c:Cluster {name: r.cluster})
                MERGE (ch:Chain {name: r.name})
                SET ch.nameEn = r.nameEn, ch.aliases = r.aliases, ch.aliasText = r.aliasText, ch.clusterAssumed = r.clusterAssumed,
                    ch.stated = true, ch.dataset = $programme
                MERGE (ch)-[po:PART_OF]->(c) SET po.assumed = r.clusterAssumed, po.dataset = $chainMap
                RETURN collect(elementId(ch)) + collect(elementId(po)) AS ids""");
        add("chains", statedIn("Chain", "name"));
        add("segments", """
                UNWIND $rows AS r
                MATCH (ch:Chain {name: r.chain})
                MERGE (s:Segment {id: r.id})
                SET s.chain = r.chain, s.name = r.name, s.stage = r.stage, s.aliases = r.aliases, s.aliasText = r.aliasText,
                    s.keywords = r.keywords, s.order = r.order, s.basis = r.basis, s.assumed = true, s.stated = false,
                    s.dataset = $chainMap
                MERGE (s)-[po:PART_OF]->(ch) SET po.assumed = true, po.dataset = $chainMap
                RETURN collect(elementId(s)) + collect(elementId(po)) AS ids""");
        add("segmentLinks", """
                UNWIND $rows AS r
                MATCH (a:Segment {id: r.from}), (b:Segment {id: r.to})
                MERGE (a)-[x:SUPPLIES]->(b)
                SET x.note = r.note, x.assumed = true, x.crossChain = a.chain <> b.chain, x.dataset = $chainMap
                RETURN collect(elementId(x)) AS ids""");
        add("chainItems", """
                UNWIND $rows AS r
                MATCH (ch:Chain {name: r.chain})
                MERGE (i:ChainItem {id: r.chain + '/' + r.item})
                SET i.chain = r.chain, i.item = r.item, i.name = r.item, i.value = r.value, i.status = r.status, i.note = r.note,
                    i.assumed = r.status <> '已知', i.dataset = $chainMap
                MERGE (ch)-[h:HAS_ITEM]->(i) SET h.dataset = $chainMap
                RETURN collect(elementId(i)) + collect(elementId(h)) AS ids""");
        add("mentions", """
                UNWIND $rows AS r
                MATCH (t:Task {no: r.task})
                CALL (r) {
                  MATCH (x:Chain {name: r.ref}) WHERE r.kind = 'Chain' RETURN x
                  UNION MATCH (x:Platform {id: r.ref}) WHERE r.kind = 'Platform' RETURN x
                  UNION MATCH (x:Institute {id: r.ref}) WHERE r.kind = 'Institute' RETURN x
                  UNION MATCH (x:Enterprise {id: r.ref}) WHERE r.kind = 'Enterprise' RETURN x
                  UNION MATCH (x:Indicator {id: r.ref}) WHERE r.kind = 'Indicator' RETURN x
                  UNION MATCH (x:Segment {id: r.ref}) WHERE r.kind = 'Segment' RETURN x
                }
                MERGE (t)-[c:CONCERNS]->(x)
                SET c.quote = r.quote, c.source = 'A2-R' + right('0' + toString(r.task), 2), c.dataset = $programme
                RETURN collect(elementId(c)) AS ids""");
    }

    private static void add(String rows, String cypher) {
        STATEMENTS.add(new String[]{rows, cypher});
    }

    /** The nodes the programme and chain-map datasets can own, bound to {@code n}. */
    private static final String OWNED_NODES = """
            CALL () {
              MATCH (n:Source|Programme|Section|Measure|Department|Task|Town|Indicator|Target|Platform|Institute|Cluster|Chain|Segment|ChainItem)
              RETURN n
              UNION
              MATCH (n:Enterprise) WHERE n.dataset IN [$programme, $chainMap] RETURN n
            }
            """;

    private static void write(TransactionContext tx, Map<String, List<Map<String, Object>>> rows) {
        boolean registers = tx.run("RETURN EXISTS { MATCH (e:Enterprise) WHERE NOT coalesce(e.dataset, '') IN [$p, $c] } AS x",
                Map.of("p", PROGRAMME, "c", CHAIN_MAP)).single().get("x").asBoolean();
        Set<String> touched = new HashSet<>();
        for (String[] s : STATEMENTS) {
            List<Map<String, Object>> batch = rows.getOrDefault(s[0], List.of());
            long t = System.nanoTime();
            var result = tx.run(s[1], Map.of("rows", batch, "programme", PROGRAMME, "chainMap", CHAIN_MAP));
            result.list().forEach(rec -> rec.get("ids").asList(v -> v.asString()).forEach(touched::add));
            log.debug("{} rows of {}: {} ms", batch.size(), s[0], (System.nanoTime() - t) / 1_000_000);
        }
        // Whatever the files no longer contain goes: relationships first, then nodes of these two datasets.
        List<String> keep = new ArrayList<>(touched);
        long t = System.nanoTime();
        // Every relationship of these datasets starts at a node of one of their labels, so both scans start from those
        // nodes (few, or index-backed for enterprises) instead of every node and relationship of a province-sized graph.
        tx.run(OWNED_NODES + """
                MATCH (n)-[r]->() WHERE r.dataset IN [$programme, $chainMap] AND NOT elementId(r) IN $keep DELETE r""",
                Map.of("keep", keep, "programme", PROGRAMME, "chainMap", CHAIN_MAP)).consume();
        tx.run(OWNED_NODES + """
                WITH n WHERE n.dataset IN [$programme, $chainMap] AND NOT elementId(n) IN $keep DETACH DELETE n""",
                Map.of("keep", keep, "programme", PROGRAMME, "chainMap", CHAIN_MAP)).consume();
        log.debug("prune: {} ms", (System.nanoTime() - t) / 1_000_000);
        // the chain map may move segments: the rollups, and the enterprises' shares when registers were computed from
        // another segment → chain map, are out of date from this commit until recomputed (a crash between is repaired at the next start)
        RollupService.markChainMapChanged(tx, registers);
    }

    private Result verify(String source, ProgrammeFiles.Data data, long millis) {
        Map<String, Long> labels = new LinkedHashMap<>();
        Map<String, Long> types = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                // from the labels these datasets own (as the prune does), not a scan of every node and relationship
                Map<String, Object> ds = Map.of("programme", PROGRAMME, "chainMap", CHAIN_MAP);
                tx.run(OWNED_NODES + "WITH n WHERE n.dataset IN [$programme, $chainMap] UNWIND labels(n) AS l RETURN l, count(*) AS n", ds)
                        .forEachRemaining(r -> labels.put(r.get("l").asString(), r.get("n").asLong()));
                tx.run(OWNED_NODES + "MATCH (n)-[r]->() WHERE r.dataset IN [$programme, $chainMap] RETURN type(r) AS t, count(*) AS n", ds)
                        .forEachRemaining(r -> types.put(r.get("t").asString(), r.get("n").asLong()));
                return null;
            });
        }
        data.expectedLabels().forEach((k, v) -> {
            if (!v.equals(labels.get(k))) {
                mismatches.add(k + ": graph " + labels.get(k) + ", files " + v);
            }
        });
        data.expectedTypes().forEach((k, v) -> {
            if (!v.equals(types.get(k))) {
                mismatches.add(k + ": graph " + types.get(k) + ", files " + v);
            }
        });
        return new Result(source, labels, types, mismatches, millis);
    }
}
