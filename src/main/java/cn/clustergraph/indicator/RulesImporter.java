package cn.clustergraph.indicator;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.clustergraph.csv.Fields.bool;
import static cn.clustergraph.csv.Fields.integer;
import static cn.clustergraph.csv.Fields.list;
import static cn.clustergraph.csv.Fields.oneOf;
import static cn.clustergraph.csv.Fields.optional;
import static cn.clustergraph.csv.Fields.required;

/**
 * Loads our interpretation of how enterprises feed the programme's targets — the honour vocabulary
 * ({@code chains/honours.csv}), the target rules ({@code chains/target_rules.csv}: COUNTS_HONOUR, SUMS_OUTPUT_OF, all
 * {@code assumed}) and which platforms and institutes serve which chain ({@code chains/chain_services.csv}, SERVES,
 * assumed) — as dataset {@value #RULES}. Needs the programme in the graph; validates everything first, writes in one
 * transaction and prunes what the files no longer contain.
 */
@Component
public class RulesImporter {

    public static final String RULES = "rules";
    static final Set<String> RULE_KINDS = Set.of("sums-output-of", "counts-honour");
    static final Set<String> SERVICE_KINDS = Set.of("Platform", "Institute");

    private static final Logger log = LoggerFactory.getLogger(RulesImporter.class);

    private final Driver driver;

    RulesImporter(Driver driver) {
        this.driver = driver;
    }

    public boolean isLoaded() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("RETURN EXISTS { MATCH (h:Honour) WHERE h.dataset = $d } AS x", Map.of("d", RULES))
                    .single().get("x").asBoolean());
        }
    }

    /** Validates the three files against each other and the graph, then writes; returns a one-line summary. */
    public String load(ImportSource source) {
        long started = System.nanoTime();
        ImportProblems problems = new ImportProblems();
        Map<String, Object> known = graphVocabulary();
        @SuppressWarnings("unchecked") Map<String, String> indicatorUnits = (Map<String, String>) known.get("indicators");
        @SuppressWarnings("unchecked") Set<String> chains = new HashSet<>((List<String>) known.get("chains"));
        @SuppressWarnings("unchecked") Set<String> clusters = new HashSet<>((List<String>) known.get("clusters"));
        @SuppressWarnings("unchecked") Set<String> programmes = new HashSet<>((List<String>) known.get("programmes"));
        @SuppressWarnings("unchecked") Set<String> platforms = new HashSet<>((List<String>) known.get("platforms"));
        @SuppressWarnings("unchecked") Set<String> institutes = new HashSet<>((List<String>) known.get("institutes"));

        List<Map<String, Object>> honours = new ArrayList<>();
        Map<String, String> honourByAlias = new HashMap<>();
        CsvTable ht = table(source, "chains/honours.csv", problems, "name", "level", "kind", "aliases", "note");
        for (var r : ht.rows()) {
            String name = required(problems, r, "name");
            if (name.isEmpty()) {
                continue;
            }
            if (honourByAlias.putIfAbsent(name, name) != null) {
                problems.add(r, "name", "duplicate honour or alias '" + name + "'");
                continue;
            }
            List<String> aliases = list(r, "aliases");
            for (String a : aliases) {
                String prev = honourByAlias.putIfAbsent(a, name);
                if (prev != null && !prev.equals(name)) {
                    problems.add(r, "aliases", "alias '" + a + "' is already a name or alias of '" + prev + "'");
                }
            }
            honours.add(map("name", name, "level", optional(r, "level"), "kind", optional(r, "kind"), "aliases", aliases,
                    "aliasText", String.join(" ", aliases), "note", optional(r, "note")));
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var r : table(source, "chains/target_rules.csv", problems, "indicator", "rule", "ref", "scale_only", "from_year", "note").rows()) {
            String indicator = required(problems, r, "indicator");
            String unit = indicatorUnits.get(indicator);
            if (!indicator.isEmpty() && !indicatorUnits.containsKey(indicator)) {
                problems.add(r, "indicator", "unknown indicator '" + indicator + "' (not in the graph: load the programme first)");
            }
            String rule = oneOf(problems, r, "rule", RULE_KINDS, true);
            String ref = required(problems, r, "ref");
            if (!seen.add(indicator)) {
                problems.add(r, "indicator", "indicator '" + indicator + "' already has a rule (one rule per indicator)");
            }
            String scope = null;
            if ("sums-output-of".equals(rule)) {
                scope = chains.contains(ref) ? "Chain" : clusters.contains(ref) ? "Cluster" : programmes.contains(ref) ? "Programme" : null;
                if (scope == null && !ref.isEmpty()) {
                    problems.add(r, "ref", "'" + ref + "' is not a chain, cluster or programme id");
                }
                if (unit != null && !unit.equals("亿元") && !unit.equals("万元")) {
                    problems.add(r, "rule", "an output rule needs an indicator in 亿元 or 万元; " + indicator + " is in '" + unit + "'");
                }
            } else if ("counts-honour".equals(rule)) {
                String canonical = honourByAlias.get(ref);
                if (canonical == null && !ref.isEmpty()) {
                    problems.add(r, "ref", "unknown honour '" + ref + "' (not in chains/honours.csv)");
                }
                ref = canonical == null ? ref : canonical;
                scope = "Honour";
                if (unit != null && !unit.startsWith("家")) {
                    problems.add(r, "rule", "an honour count needs an indicator counted in 家; " + indicator + " is in '" + unit + "'");
                }
            }
            rules.add(map("indicator", indicator, "rule", rule, "ref", ref, "scope", scope,
                    "scaleOnly", bool(problems, r, "scale_only", false), "fromYear", integer(problems, r, "from_year", false),
                    "note", optional(r, "note")));
        }
        List<Map<String, Object>> services = new ArrayList<>();
        Set<String> seenServices = new HashSet<>();
        for (var r : table(source, "chains/chain_services.csv", problems, "chain", "kind", "ref", "note").rows()) {
            String chain = required(problems, r, "chain");
            if (!chain.isEmpty() && !chains.contains(chain)) {
                problems.add(r, "chain", "unknown chain '" + chain + "'");
            }
            String kind = oneOf(problems, r, "kind", SERVICE_KINDS, true);
            String ref = required(problems, r, "ref");
            if (kind != null && !ref.isEmpty() && !(kind.equals("Platform") ? platforms : institutes).contains(ref)) {
                problems.add(r, "ref", "unknown " + kind.toLowerCase() + " '" + ref + "'");
            }
            if (!seenServices.add(chain + "/" + ref)) {
                problems.add(r, "ref", "duplicate: " + ref + " already serves " + chain);
            }
            services.add(map("chain", chain, "kind", kind, "ref", ref, "note", optional(r, "note")));
        }
        problems.throwIfAny("Target rules import (" + source.describe() + ")");

        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                List<String> keep = new ArrayList<>();
                keep.addAll(tx.run("""
                        UNWIND $rows AS r
                        MERGE (h:Honour {name: r.name})
                        SET h.level = r.level, h.kind = r.kind, h.aliases = r.aliases, h.aliasText = r.aliasText, h.note = r.note,
                            h.stated = false, h.dataset = $rules
                        RETURN elementId(h) AS id""", Map.of("rows", honours, "rules", RULES)).list(x -> x.get("id").asString()));
                keep.addAll(tx.run("""
                        UNWIND [r IN $rows WHERE r.rule = 'counts-honour'] AS r
                        MATCH (i:Indicator {id: r.indicator}), (h:Honour {name: r.ref})
                        MERGE (i)-[x:COUNTS_HONOUR]->(h)
                        SET x.assumed = true, x.fromYear = r.fromYear, x.note = r.note, x.dataset = $rules
                        RETURN elementId(x) AS id""", Map.of("rows", rules, "rules", RULES)).list(x -> x.get("id").asString()));
                keep.addAll(tx.run("""
                        UNWIND [r IN $rows WHERE r.rule = 'sums-output-of'] AS r
                        MATCH (i:Indicator {id: r.indicator})
                        CALL (r) {
                          MATCH (x:Chain {name: r.ref}) WHERE r.scope = 'Chain' RETURN x
                          UNION MATCH (x:Cluster {name: r.ref}) WHERE r.scope = 'Cluster' RETURN x
                          UNION MATCH (x:Programme {id: r.ref}) WHERE r.scope = 'Programme' RETURN x
                        }
                        MERGE (i)-[so:SUMS_OUTPUT_OF]->(x)
                        SET so.assumed = true, so.scaleOnly = r.scaleOnly, so.note = r.note, so.dataset = $rules
                        RETURN elementId(so) AS id""", Map.of("rows", rules, "rules", RULES)).list(x -> x.get("id").asString()));
                keep.addAll(tx.run("""
                        UNWIND $rows AS r
                        MATCH (ch:Chain {name: r.chain})
                        CALL (r) {
                          MATCH (x:Platform {id: r.ref}) WHERE r.kind = 'Platform' RETURN x
                          UNION MATCH (x:Institute {id: r.ref}) WHERE r.kind = 'Institute' RETURN x
                        }
                        MERGE (x)-[s:SERVES]->(ch)
                        SET s.assumed = true, s.note = r.note, s.dataset = $rules
                        RETURN elementId(s) AS id""", Map.of("rows", services, "rules", RULES)).list(x -> x.get("id").asString()));
                // rules relationships start at indicators, platforms and institutes: no scan of every relationship
                tx.run("MATCH (:Indicator|Platform|Institute)-[r]->() WHERE r.dataset = $rules AND NOT elementId(r) IN $keep DELETE r",
                        Map.of("rules", RULES, "keep", keep)).consume();
                tx.run("MATCH (n:Honour) WHERE n.dataset = $rules AND NOT elementId(n) IN $keep DETACH DELETE n",
                        Map.of("rules", RULES, "keep", keep)).consume();
            });
        }
        String summary = "rules: " + honours.size() + " honours, " + rules.size() + " target rules, " + services.size()
                + " chain services from " + source.describe() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms";
        log.info("Import {}", summary);
        return summary;
    }

    private Map<String, Object> graphVocabulary() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> {
                var rec = tx.run("""
                        RETURN COLLECT { MATCH (i:Indicator) RETURN [i.id, coalesce(i.unit, '')] } AS indicators,
                               COLLECT { MATCH (c:Chain) RETURN c.name } AS chains,
                               COLLECT { MATCH (c:Cluster) RETURN c.name } AS clusters,
                               COLLECT { MATCH (p:Programme) RETURN p.id } AS programmes,
                               COLLECT { MATCH (p:Platform) RETURN p.id } AS platforms,
                               COLLECT { MATCH (p:Institute) RETURN p.id } AS institutes""").single();
                Map<String, Object> out = new HashMap<>();
                Map<String, String> units = new HashMap<>();
                rec.get("indicators").asList(v -> v).forEach(pair -> units.put(pair.get(0).asString(), pair.get(1).asString()));
                out.put("indicators", units);
                for (String k : List.of("chains", "clusters", "programmes", "platforms", "institutes")) {
                    out.put(k, rec.get(k).asList(v -> v.asString()));
                }
                return out;
            });
        }
    }

    private static CsvTable table(ImportSource source, String file, ImportProblems problems, String... columns) {
        byte[] bytes = source.read(file);
        if (bytes == null) {
            problems.add(file, 0, null, "file is missing from " + source.describe());
            return new CsvTable(file, null, List.of(), List.of());
        }
        CsvTable t = CsvTable.parse(file, bytes, problems);
        return t.requireColumns(problems, columns) ? t : new CsvTable(file, t.charset(), t.headers(), List.of());
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
