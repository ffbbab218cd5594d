package cn.clustergraph.pipeline;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The USD rate per year (元 per US dollar) the 招大引强 thresholds convert with, as data: {@code import/pipeline/usd_rates.csv}
 * (year, rate, whether assumed, source) loaded at every start into {@code (:UsdRate)} nodes; a year without a row uses the
 * nearest earlier year's rate (or the earliest), and says so.
 */
@Component
@Order(41)
class UsdRates implements StartupDataLoader {

    static final String FILE = "pipeline/usd_rates.csv";

    /** A year's rate; {@code year} is the year whose row was used. */
    record Rate(int year, double cnyPerUsd, boolean assumed, String source) {
    }

    private final Neo4jClient client;
    private final ImportProperties imports;
    private volatile TreeMap<Integer, Rate> rates;

    UsdRates(Neo4jClient client, ImportProperties imports) {
        this.client = client;
        this.imports = imports;
    }

    @Override
    public String name() {
        return "usd-rates";
    }

    @Override
    @Transactional
    public String loadOnStartup() {
        byte[] bytes = imports.source().read(FILE);
        if (bytes == null) {
            return "no " + FILE + " in " + imports.source().describe();
        }
        ImportProblems problems = new ImportProblems();
        CsvTable t = CsvTable.parse(FILE, bytes, problems);
        t.requireColumns(problems, "year", "cny_per_usd");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            try {
                int year = Integer.parseInt(r.get("year").strip());
                double rate = Double.parseDouble(r.get("cny_per_usd").strip());
                if (rate <= 0) {
                    problems.add(r, "cny_per_usd", "the rate must be positive");
                    continue;
                }
                rows.add(Map.of("year", year, "rate", rate, "assumed", "true".equalsIgnoreCase(String.valueOf(r.get("assumed")).strip()),
                        "source", r.get("source") == null ? "" : r.get("source")));
            } catch (RuntimeException e) {
                problems.add(r, "year", "year and cny_per_usd must be numbers");
            }
        }
        problems.throwIfAny("USD rates");
        client.query("""
                UNWIND $rows AS r
                MERGE (x:UsdRate {year: r.year})
                SET x.cnyPerUsd = r.rate, x.assumed = r.assumed, x.source = r.source, x.dataset = 'pipeline-rates'""")
                .bind(rows).to("rows").run();
        rates = null;
        return rows.size() + " yearly USD rates";
    }

    /** The rate for {@code year}: its own row, else the nearest earlier year's, else the earliest; null when there is none. */
    Rate rate(int year) {
        TreeMap<Integer, Rate> all = all();
        if (all.isEmpty()) {
            return null;
        }
        Map.Entry<Integer, Rate> e = all.floorEntry(year);
        return e != null ? e.getValue() : all.firstEntry().getValue();
    }

    private TreeMap<Integer, Rate> all() {
        TreeMap<Integer, Rate> r = rates;
        if (r == null) {
            r = new TreeMap<>();
            for (Map<String, Object> m : client.query("MATCH (x:UsdRate) RETURN x.year AS year, x.cnyPerUsd AS rate, x.assumed AS assumed, x.source AS source")
                    .fetch().all()) {
                int y = ((Number) m.get("year")).intValue();
                r.put(y, new Rate(y, ((Number) m.get("rate")).doubleValue(), Boolean.TRUE.equals(m.get("assumed")), (String) m.get("source")));
            }
            rates = r;
        }
        return r;
    }
}
