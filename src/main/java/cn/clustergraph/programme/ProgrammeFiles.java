package cn.clustergraph.programme;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.clustergraph.csv.Fields.bool;
import static cn.clustergraph.csv.Fields.integer;
import static cn.clustergraph.csv.Fields.list;
import static cn.clustergraph.csv.Fields.number;
import static cn.clustergraph.csv.Fields.oneOf;
import static cn.clustergraph.csv.Fields.optional;
import static cn.clustergraph.csv.Fields.required;

/**
 * Reads and validates {@code programme/} and {@code chains/} as a whole (keys, references, numbers, names) and turns
 * them into parameter rows for the writer. Every problem is collected; the caller writes only if there is none.
 */
public final class ProgrammeFiles {

    static final Set<String> CHAIN_ITEMS = Set.of("链长", "工作小组", "链主企业", "产业联盟", "产业发展规划", "产业基金",
            "产业链鱼骨图", "重点企业清单", "重点招商对象清单", "工作制度");
    static final Set<String> STAGES = Set.of("上游", "中游", "下游", "配套");
    static final Set<String> MENTION_KINDS = Set.of("Chain", "Platform", "Institute", "Enterprise", "Indicator", "Segment");
    static final Set<String> COMPARATORS = Set.of(">=", ">", "=", "<=", "<");
    static final Set<String> ORIGINS = Set.of("附件1", "附件3", "正文", "附件2");
    static final Set<String> PARTS = Set.of("通知", "正文", "附件1", "附件2", "附件3");

    /** Everything the writer needs, as lists of parameter maps, plus expected counts for the post-load check. */
    public record Data(Map<String, List<Map<String, Object>>> rows, Map<String, Long> expectedLabels, Map<String, Long> expectedTypes) {
    }

    private final ImportSource source;
    private final ImportProblems problems = new ImportProblems();
    private final Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    private final Set<String> files = new java.util.LinkedHashSet<>();

    public ProgrammeFiles(ImportSource source) {
        this.source = source;
    }

    /** The files {@link #read()} asked the source for (relative paths such as {@code programme/tasks.csv}). */
    public Set<String> files() {
        return files;
    }

    private CsvTable table(String file, String... columns) {
        files.add(file);
        byte[] bytes = source.read(file);
        if (bytes == null) {
            problems.add(file, 0, null, "file is missing from " + source.describe());
            return new CsvTable(file, null, List.of(), List.of());
        }
        CsvTable t = CsvTable.parse(file, bytes, problems);
        if (!t.requireColumns(problems, columns)) {
            return new CsvTable(file, t.charset(), t.headers(), List.of());
        }
        return t;
    }

    private List<Map<String, Object>> rows(String name) {
        return out.computeIfAbsent(name, k -> new ArrayList<>());
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Records a duplicate-key problem and returns false when {@code key} was seen before. */
    private boolean unique(Set<String> seen, CsvTable.Row r, String column, String key) {
        if (key.isEmpty()) {
            return false;
        }
        if (!seen.add(key)) {
            problems.add(r, column, "duplicate key '" + key + "'");
            return false;
        }
        return true;
    }

    private void ref(Set<String> known, CsvTable.Row r, String column, String value, String what) {
        if (value != null && !value.isEmpty() && !known.contains(value)) {
            problems.add(r, column, "unknown " + what + " '" + value + "'");
        }
    }

    public Data read() {
        // ---- sources
        Set<String> sources = new HashSet<>();
        for (var r : table("programme/sources.csv", "id", "part", "ref", "text").rows()) {
            String id = required(problems, r, "id");
            if (unique(sources, r, "id", id)) {
                rows("sources").add(map("id", id, "part", oneOf(problems, r, "part", PARTS, true), "ref", required(problems, r, "ref"),
                        "text", required(problems, r, "text")));
            }
        }
        // ---- programme
        Set<String> programmes = new HashSet<>();
        for (var r : table("programme/programme.csv", "id", "title", "doc_no", "issuer", "issued_on", "printed_on",
                "period_from", "period_to", "notice_title", "source_id").rows()) {
            String id = required(problems, r, "id");
            if (unique(programmes, r, "id", id)) {
                String src = required(problems, r, "source_id");
                ref(sources, r, "source_id", src, "source");
                rows("programme").add(map("id", id, "title", required(problems, r, "title"), "docNo", required(problems, r, "doc_no"),
                        "issuer", required(problems, r, "issuer"), "issuedOn", date(r, "issued_on"), "printedOn", date(r, "printed_on"),
                        "periodFrom", integer(problems, r, "period_from", true), "periodTo", integer(problems, r, "period_to", true),
                        "noticeTitle", optional(r, "notice_title"), "source", src));
            }
        }
        if (programmes.size() != 1) {
            problems.add("programme/programme.csv", 2, null, "exactly one programme row is required, found " + programmes.size());
        }
        String programmeId = programmes.stream().findFirst().orElse("");
        // ---- departments
        Map<String, String> deptByAlias = new HashMap<>();
        Set<String> depts = new HashSet<>();
        var deptTable = table("programme/departments.csv", "name", "full_name", "kind", "aliases", "note");
        for (var r : deptTable.rows()) {
            String name = required(problems, r, "name");
            if (unique(depts, r, "name", name)) {
                deptByAlias.put(name, name);
            }
        }
        for (var r : deptTable.rows()) {
            String name = r.get("name");
            List<String> aliases = list(r, "aliases");
            for (String a : aliases) {
                String prev = deptByAlias.putIfAbsent(a, name);
                if (prev != null && !prev.equals(name)) {
                    problems.add(r, "aliases", "alias '" + a + "' is already a name or alias of '" + prev + "'");
                }
            }
            rows("departments").add(map("name", name, "fullName", optional(r, "full_name"), "kind", optional(r, "kind"),
                    "aliases", aliases, "aliasText", String.join(" ", aliases), "note", optional(r, "note")));
        }
        for (var r : table("programme/department_doubts.csv", "name", "other_name", "note", "source_ids").rows()) {
            String a = required(problems, r, "name");
            String b = required(problems, r, "other_name");
            ref(depts, r, "name", a, "department");
            ref(depts, r, "other_name", b, "department");
            List<String> srcs = list(r, "source_ids");
            srcs.forEach(s -> ref(sources, r, "source_ids", s, "source"));
            rows("doubts").add(map("a", a, "b", b, "note", required(problems, r, "note"), "sources", srcs));
        }
        // ---- sections, measures, tasks
        Set<String> sections = new HashSet<>();
        var sectionTable = table("programme/sections.csv", "id", "parent_id", "no", "title", "annex_title", "source_id");
        sectionTable.rows().forEach(r -> unique(sections, r, "id", required(problems, r, "id")));
        for (var r : sectionTable.rows()) {
            String parent = optional(r, "parent_id");
            ref(sections, r, "parent_id", parent, "section");
            String src = optional(r, "source_id");
            ref(sources, r, "source_id", src, "source");
            rows("sections").add(map("id", r.get("id"), "parent", parent, "programme", programmeId, "no", required(problems, r, "no"),
                    "title", required(problems, r, "title"), "annexTitle", optional(r, "annex_title"), "source", src));
        }
        Set<String> measures = new HashSet<>();
        for (var r : table("programme/measures.csv", "id", "section_id", "no", "title", "annex_titles", "source_id").rows()) {
            String id = required(problems, r, "id");
            if (unique(measures, r, "id", id)) {
                String section = required(problems, r, "section_id");
                ref(sections, r, "section_id", section, "section");
                String src = required(problems, r, "source_id");
                ref(sources, r, "source_id", src, "source");
                rows("measures").add(map("id", id, "section", section, "no", required(problems, r, "no"), "title", required(problems, r, "title"),
                        "annexTitles", list(r, "annex_titles"), "source", src));
            }
        }
        Set<String> tasks = new HashSet<>();
        for (var r : table("programme/tasks.csv", "no", "measure_id", "content", "departments", "departments_raw",
                "annex_measure_cell", "source_id").rows()) {
            Integer no = integer(problems, r, "no", true);
            if (no == null || !unique(tasks, r, "no", String.valueOf(no))) {
                continue;
            }
            String measure = required(problems, r, "measure_id");
            ref(measures, r, "measure_id", measure, "measure");
            String src = required(problems, r, "source_id");
            ref(sources, r, "source_id", src, "source");
            List<String> owners = departments(r, "departments", deptByAlias);
            if (owners.isEmpty()) {
                problems.add(r, "departments", "a task needs at least one responsible department");
            }
            rows("tasks").add(map("no", no, "measure", measure, "content", required(problems, r, "content"),
                    "departmentsRaw", optional(r, "departments_raw"), "annexMeasureCell", optional(r, "annex_measure_cell"),
                    "source", src, "lead", owners.isEmpty() ? null : owners.getFirst(),
                    "coOwners", owners.size() <= 1 ? List.of() : owners.subList(1, owners.size())));
        }
        // ---- towns
        Set<String> towns = new HashSet<>();
        Map<String, String> townByAlias = new HashMap<>();
        for (var r : table("programme/towns.csv", "name", "full_name", "kind", "aliases", "order", "source_id").rows()) {
            String name = required(problems, r, "name");
            if (unique(towns, r, "name", name)) {
                townByAlias.put(name, name);
                list(r, "aliases").forEach(a -> townByAlias.putIfAbsent(a, name));
                String src = optional(r, "source_id");
                ref(sources, r, "source_id", src, "source");
                rows("towns").add(map("name", name, "fullName", optional(r, "full_name"), "kind", optional(r, "kind"),
                        "aliases", list(r, "aliases"), "aliasText", String.join(" ", list(r, "aliases")),
                        "order", integer(problems, r, "order", false), "source", src));
            }
        }
        // ---- indicators and targets
        Set<String> indicators = new HashSet<>();
        var indicatorTable = table("programme/indicators.csv", "id", "origin", "no", "category", "name", "unit", "departments",
                "additive", "related_id", "source_id");
        indicatorTable.rows().forEach(r -> unique(indicators, r, "id", required(problems, r, "id")));
        for (var r : indicatorTable.rows()) {
            String related = optional(r, "related_id");
            ref(indicators, r, "related_id", related, "indicator");
            String src = optional(r, "source_id");
            ref(sources, r, "source_id", src, "source");
            List<String> owners = departments(r, "departments", deptByAlias);
            rows("indicators").add(map("id", r.get("id"), "origin", oneOf(problems, r, "origin", ORIGINS, true), "no", optional(r, "no"),
                    "category", optional(r, "category"), "name", required(problems, r, "name"), "unit", optional(r, "unit"),
                    "additive", bool(problems, r, "additive", false), "related", related, "source", src, "programme", programmeId,
                    "lead", owners.isEmpty() ? null : owners.getFirst(),
                    "coOwners", owners.size() <= 1 ? List.of() : owners.subList(1, owners.size())));
        }
        Set<String> targets = new HashSet<>();
        for (var r : table("programme/targets.csv", "id", "indicator_id", "year", "town", "value", "comparator", "qualifier",
                "text", "period", "primary", "source_id", "quote").rows()) {
            String id = required(problems, r, "id");
            if (!unique(targets, r, "id", id)) {
                continue;
            }
            String indicator = required(problems, r, "indicator_id");
            ref(indicators, r, "indicator_id", indicator, "indicator");
            String town = optional(r, "town");
            if (town != null) {
                String canonical = townByAlias.get(town);
                if (canonical == null) {
                    problems.add(r, "town", "unknown town '" + town + "'");
                }
                town = canonical;
            }
            Double value = number(problems, r, "value", false);
            String comparator = oneOf(problems, r, "comparator", COMPARATORS, false);
            String text = required(problems, r, "text");
            if (value == null && comparator != null) {
                problems.add(r, "comparator", "a text-only target (no value) cannot have a comparator");
            }
            String src = required(problems, r, "source_id");
            ref(sources, r, "source_id", src, "source");
            rows("targets").add(map("id", id, "indicator", indicator, "year", integer(problems, r, "year", true), "town", town,
                    "value", value, "comparator", comparator, "qualifier", optional(r, "qualifier"), "text", text,
                    "period", optional(r, "period"), "primary", bool(problems, r, "primary", true), "source", src,
                    "quote", optional(r, "quote")));
        }
        // ---- platforms, institutes, named enterprises
        Set<String> platforms = named("programme/platforms.csv", "platforms", sources,
                (r, m) -> ref(towns, r, "town", (String) m.get("town"), "town"), "kind", "town");
        Set<String> institutes = named("programme/institutes.csv", "institutes", sources, (r, m) -> { }, "kind");
        Set<String> enterprises = named("programme/enterprises.csv", "enterprises", sources, (r, m) -> { }, "note");
        // ---- clusters, chains, segments (assumed default map)
        Set<String> clusters = new HashSet<>();
        for (var r : table("chains/clusters.csv", "name", "name_en", "assumed", "note").rows()) {
            String name = required(problems, r, "name");
            if (unique(clusters, r, "name", name)) {
                rows("clusters").add(map("name", name, "nameEn", optional(r, "name_en"), "assumed", bool(problems, r, "assumed", true),
                        "note", optional(r, "note"), "programme", programmeId));
            }
        }
        Set<String> chains = new HashSet<>();
        for (var r : table("chains/chains.csv", "name", "name_en", "aliases", "cluster", "cluster_assumed", "source_id").rows()) {
            String name = required(problems, r, "name");
            if (unique(chains, r, "name", name)) {
                String cluster = required(problems, r, "cluster");
                ref(clusters, r, "cluster", cluster, "cluster");
                String src = required(problems, r, "source_id");
                ref(sources, r, "source_id", src, "source");
                rows("chains").add(map("name", name, "nameEn", optional(r, "name_en"), "aliases", list(r, "aliases"),
                        "aliasText", String.join(" ", list(r, "aliases")), "cluster", cluster,
                        "clusterAssumed", bool(problems, r, "cluster_assumed", true), "source", src));
            }
        }
        Set<String> segments = new HashSet<>();
        for (var r : table("chains/segments.csv", "id", "chain", "name", "stage", "aliases", "keywords", "order", "basis").rows()) {
            String id = required(problems, r, "id");
            if (unique(segments, r, "id", id)) {
                String chain = required(problems, r, "chain");
                ref(chains, r, "chain", chain, "chain");
                rows("segments").add(map("id", id, "chain", chain, "name", required(problems, r, "name"),
                        "stage", oneOf(problems, r, "stage", STAGES, true), "aliases", list(r, "aliases"),
                        "aliasText", String.join(" ", list(r, "aliases")), "keywords", list(r, "keywords"),
                        "order", integer(problems, r, "order", false), "basis", optional(r, "basis")));
            }
        }
        Set<String> links = new HashSet<>();
        for (var r : table("chains/segment_links.csv", "from", "to", "note").rows()) {
            String from = required(problems, r, "from");
            String to = required(problems, r, "to");
            ref(segments, r, "from", from, "segment");
            ref(segments, r, "to", to, "segment");
            if (from.equals(to) && !from.isEmpty()) {
                problems.add(r, "to", "a segment cannot supply itself");
            }
            if (unique(links, r, "to", from + "->" + to)) {
                rows("segmentLinks").add(map("from", from, "to", to, "note", optional(r, "note")));
            }
        }
        Set<String> items = new HashSet<>();
        for (var r : table("chains/chain_items.csv", "chain", "item", "value", "status", "note").rows()) {
            String chain = required(problems, r, "chain");
            ref(chains, r, "chain", chain, "chain");
            String item = oneOf(problems, r, "item", CHAIN_ITEMS, true);
            if (item != null && unique(items, r, "item", chain + "/" + item)) {
                rows("chainItems").add(map("chain", chain, "item", item, "value", optional(r, "value"),
                        "status", optional(r, "status"), "note", optional(r, "note")));
            }
        }
        // ---- mentions
        Map<String, Set<String>> refsByKind = Map.of("Chain", chains, "Platform", platforms, "Institute", institutes,
                "Enterprise", enterprises, "Indicator", indicators, "Segment", segments);
        Set<String> mentions = new HashSet<>();
        for (var r : table("programme/mentions.csv", "task_no", "kind", "ref", "quote").rows()) {
            Integer no = integer(problems, r, "task_no", true);
            if (no != null) {
                ref(tasks, r, "task_no", String.valueOf(no), "task");
            }
            String kind = oneOf(problems, r, "kind", MENTION_KINDS, true);
            String target = required(problems, r, "ref");
            if (kind != null && MENTION_KINDS.contains(kind)) {
                ref(refsByKind.get(kind), r, "ref", target, kind.toLowerCase());
            }
            if (unique(mentions, r, "ref", no + "/" + kind + "/" + target)) {
                rows("mentions").add(map("task", no, "kind", kind, "ref", target, "quote", optional(r, "quote")));
            }
        }
        problems.throwIfAny("Programme import (" + source.describe() + ")");
        return new Data(out, expectedLabels(), expectedTypes());
    }

    /**
     * Reads a file of things the document names (id, name, aliases, source_id, and the optional {@code extra} columns)
     * into parameter rows; {@code check} validates a row's extra references. Returns the ids.
     */
    private Set<String> named(String file, String rowsName, Set<String> sources,
                              java.util.function.BiConsumer<CsvTable.Row, Map<String, Object>> check, String... extra) {
        List<String> columns = new ArrayList<>(List.of("id", "name", "aliases", "source_id"));
        columns.addAll(List.of(extra));
        Set<String> ids = new HashSet<>();
        for (var r : table(file, columns.toArray(String[]::new)).rows()) {
            String id = required(problems, r, "id");
            if (unique(ids, r, "id", id)) {
                String src = required(problems, r, "source_id");
                ref(sources, r, "source_id", src, "source");
                Map<String, Object> m = map("id", id, "name", required(problems, r, "name"), "aliases", list(r, "aliases"),
                        "aliasText", String.join(" ", list(r, "aliases")), "source", src);
                for (String c : extra) {
                    m.put(c, optional(r, c));
                }
                check.accept(r, m);
                rows(rowsName).add(m);
            }
        }
        return ids;
    }

    private String date(CsvTable.Row r, String column) {
        String v = required(problems, r, column);
        if (!v.isEmpty() && !v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            problems.add(r, column, "'" + v + "' is not a date YYYY-MM-DD");
        }
        return v;
    }

    private List<String> departments(CsvTable.Row r, String column, Map<String, String> byAlias) {
        List<String> names = new ArrayList<>();
        for (String v : list(r, column)) {
            String canonical = byAlias.get(v);
            if (canonical == null) {
                problems.add(r, column, "unknown department '" + v + "' (not a name or alias in programme/departments.csv)");
            } else if (names.contains(canonical)) {
                problems.add(r, column, "department '" + v + "' is listed twice");
            } else {
                names.add(canonical);
            }
        }
        return names;
    }

    private long count(String name) {
        return out.getOrDefault(name, List.of()).size();
    }

    private Map<String, Long> expectedLabels() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Programme", count("programme"));
        m.put("Source", count("sources"));
        m.put("Section", count("sections"));
        m.put("Measure", count("measures"));
        m.put("Task", count("tasks"));
        m.put("Department", count("departments"));
        m.put("Town", count("towns"));
        m.put("Indicator", count("indicators"));
        m.put("Target", count("targets"));
        m.put("Platform", count("platforms"));
        m.put("Institute", count("institutes"));
        m.put("Cluster", count("clusters"));
        m.put("Chain", count("chains"));
        m.put("Segment", count("segments"));
        m.put("ChainItem", count("chainItems"));
        return m;
    }

    private Map<String, Long> expectedTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        long led = out.getOrDefault("tasks", List.of()).stream().filter(t -> t.get("lead") != null).count()
                + out.getOrDefault("indicators", List.of()).stream().filter(t -> t.get("lead") != null).count();
        long co = out.getOrDefault("tasks", List.of()).stream().mapToLong(t -> ((List<?>) t.get("coOwners")).size()).sum()
                + out.getOrDefault("indicators", List.of()).stream().mapToLong(t -> ((List<?>) t.get("coOwners")).size()).sum();
        m.put("LED_BY", led);
        m.put("CO_OWNED_BY", co);
        m.put("HAS_TARGET", count("targets"));
        m.put("CONCERNS", count("mentions"));
        m.put("MAY_BE_SAME_AS", count("doubts"));
        m.put("SUPPLIES", count("segmentLinks"));
        m.put("HAS_ITEM", count("chainItems"));
        return m;
    }
}
