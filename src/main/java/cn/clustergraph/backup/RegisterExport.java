package cn.clustergraph.backup;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A logical export of the registers in the graph, each as a folder in its own import format ({@code dataset.csv},
 * {@code enterprises.csv}, {@code figures.csv}, {@code honours.csv}, {@code supply_links.csv}, {@code targets.csv}; UTF-8,
 * rows sorted by key): readable, diffable between two exports, and loadable again with {@code import-register}.
 */
final class RegisterExport {

    private RegisterExport() {
    }

    /** The registers in the graph (every {@code Dataset} but the programme's own). */
    static List<String> datasets(Driver driver) {
        try (Session s = read(driver)) {
            return s.run("MATCH (d:Dataset) WHERE NOT d.name IN ['programme', 'chain-map', 'rules'] RETURN d.name AS n ORDER BY n")
                    .list(r -> r.get("n").asString());
        }
    }

    /** Writes one folder per register under {@code out}; returns rows written per dataset and file. */
    static Map<String, Map<String, Integer>> write(Driver driver, Path out) throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dataset : datasets(driver)) {
            counts.put(dataset, write(driver, dataset, out.resolve(dataset)));
        }
        return counts;
    }

    static Map<String, Integer> write(Driver driver, String dataset, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Object> p = Map.of("d", dataset);
        try (Session s = read(driver)) {
            counts.put("dataset.csv", csv(dir.resolve("dataset.csv"), List.of("name", "title", "sample", "notice", "description", "generated_by"),
                    s.run("""
                            MATCH (d:Dataset {name: $d})
                            RETURN d.name AS name, d.title AS title, d.sample AS sample, d.notice AS notice, d.description AS description,
                                   d.generatedBy AS generated_by""", p).list()));
            counts.put("enterprises.csv", csv(dir.resolve("enterprises.csv"),
                    List.of("credit_code", "name", "aliases", "local", "town", "region", "platforms", "scale", "chain_leader", "segments"),
                    s.run("""
                            MATCH (e:Enterprise {dataset: $d})
                            RETURN e.id AS credit_code, e.name AS name, e.aliases AS aliases, e.local AS local,
                                   COLLECT { MATCH (e)-[:LOCATED_IN]->(t:Town) RETURN t.name }[0] AS town, e.region AS region,
                                   COLLECT { MATCH (e)-[:ON_PLATFORM]->(x:Platform) RETURN x.id ORDER BY x.id } AS platforms,
                                   e.scale AS scale, e.chainLeader AS chain_leader,
                                   COLLECT { MATCH (e)-[m:IN_SEGMENT]->(g:Segment) RETURN g.id ORDER BY m.primary DESC, g.id } AS segments
                            ORDER BY credit_code""", p).list()));
            counts.put("figures.csv", csv(dir.resolve("figures.csv"), List.of("credit_code", "year", "output", "revenue"), s.run("""
                    MATCH (e:Enterprise)-[x:REPORTED {dataset: $d}]->(f:Figure)
                    RETURN e.id AS credit_code, f.year AS year, f.output AS output, f.revenue AS revenue ORDER BY credit_code, year""", p).list()));
            counts.put("honours.csv", csv(dir.resolve("honours.csv"), List.of("credit_code", "honour", "year"), s.run("""
                    MATCH (e:Enterprise)-[x:HAS_HONOUR {dataset: $d}]->(h:Honour)
                    RETURN e.id AS credit_code, h.name AS honour, x.year AS year ORDER BY credit_code, honour""", p).list()));
            counts.put("supply_links.csv", csv(dir.resolve("supply_links.csv"), List.of("supplier", "customer", "segment", "product"), s.run("""
                    MATCH (a:Enterprise)-[x:SUPPLIES {dataset: $d}]->(b:Enterprise)
                    RETURN a.id AS supplier, b.id AS customer, x.segment AS segment, x.product AS product
                    ORDER BY supplier, customer, segment, product""", p).list()));
            counts.put("targets.csv", csv(dir.resolve("targets.csv"),
                    List.of("indicator_id", "chain", "name", "unit", "year", "value", "comparator", "period", "scale_only", "text"), s.run("""
                            MATCH (i:Indicator {dataset: $d})-[:HAS_TARGET]->(t:Target {dataset: $d})
                            RETURN i.id AS indicator_id, i.chain AS chain, i.name AS name, i.unit AS unit, t.year AS year, t.value AS value,
                                   t.comparator AS comparator, t.period AS period,
                                   COLLECT { MATCH (i)-[so:SUMS_OUTPUT_OF]->() RETURN so.scaleOnly }[0] AS scale_only, t.text AS text
                            ORDER BY indicator_id, year""", p).list()));
        }
        return counts;
    }

    static Session read(Driver driver) {
        return driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
    }

    /** Writes a CSV file (RFC 4180 quoting, lists joined with {@code |}); returns the data rows written. */
    static int csv(Path file, List<String> columns, List<Record> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns));
            w.write('\n');
            for (Record r : rows) {
                w.write(columns.stream().map(c -> quote(text(r.get(c)))).collect(Collectors.joining(",")));
                w.write('\n');
            }
        }
        return rows.size();
    }

    private static String text(Value v) {
        if (v == null || v.isNull()) {
            return "";
        }
        Object o = v.asObject();
        if (o instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("|"));
        }
        if (o instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(o);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
