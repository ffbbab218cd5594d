package cn.clustergraph.register;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.Fields;
import cn.clustergraph.csv.ImportProblems;
import org.neo4j.driver.Driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static cn.clustergraph.csv.Fields.optional;
import static cn.clustergraph.csv.Fields.required;

/**
 * The register's columns (English names, and the Chinese headers accepted for them) and the conversion of one row into
 * the parameter map the writer needs. Each conversion records every problem of its row (file, line, column) and returns
 * null when there is one. Cross-row checks (duplicates, references) are in {@link RegisterValidation}.
 */
final class RegisterRows {

    static final Set<String> UNITS = Set.of("亿元", "万元");
    static final Set<String> COMPARATORS = Set.of(">=", ">", "=", "<=", "<");
    static final Set<String> PERIODS = Set.of("年度", "累计", "期末", "每年");
    static final Set<String> RESERVED = Set.of("programme", "chain-map", "rules");

    /** Chinese (and alternative) header names → column names, per sheet. */
    private static final Map<String, Map<String, String>> HEADERS = Map.of(
            "dataset", Map.of("名称", "name", "数据集", "name", "标题", "title", "样例", "sample", "说明", "description",
                    "提示", "notice", "生成方式", "generated_by"),
            "enterprises", Map.ofEntries(Map.entry("统一社会信用代码", "credit_code"), Map.entry("信用代码", "credit_code"),
                    Map.entry("企业名称", "name"), Map.entry("名称", "name"), Map.entry("简称", "aliases"), Map.entry("别名", "aliases"),
                    Map.entry("简称/别名", "aliases"), Map.entry("本地", "local"), Map.entry("是否本地", "local"),
                    Map.entry("镇街", "town"), Map.entry("所在镇街", "town"), Map.entry("镇（街道）", "town"),
                    Map.entry("所在地区", "region"), Map.entry("地区", "region"), Map.entry("平台", "platforms"),
                    Map.entry("所在平台", "platforms"), Map.entry("规上", "scale"), Map.entry("是否规上", "scale"),
                    Map.entry("链主", "chain_leader"), Map.entry("是否链主", "chain_leader"), Map.entry("环节", "segments"),
                    Map.entry("产业链环节", "segments"), Map.entry("删除", "remove")),
            "figures", Map.of("统一社会信用代码", "credit_code", "信用代码", "credit_code", "年份", "year", "年度", "year",
                    "产值", "output", "产值（万元）", "output", "工业总产值", "output", "营业收入", "revenue", "营业收入（万元）", "revenue",
                    "删除", "remove"),
            "honours", Map.of("统一社会信用代码", "credit_code", "信用代码", "credit_code", "荣誉", "honour", "荣誉名称", "honour",
                    "年份", "year", "认定年份", "year", "删除", "remove"),
            "supply_links", Map.of("供应方", "supplier", "供应商", "supplier", "客户", "customer", "采购方", "customer",
                    "环节", "segment", "供应环节", "segment", "产品", "product", "删除", "remove"),
            "targets", Map.ofEntries(Map.entry("指标编号", "indicator_id"), Map.entry("产业链", "chain"), Map.entry("指标名称", "name"),
                    Map.entry("单位", "unit"), Map.entry("年份", "year"), Map.entry("目标值", "value"), Map.entry("比较", "comparator"),
                    Map.entry("周期", "period"), Map.entry("原文", "text"), Map.entry("仅规上", "scale_only"), Map.entry("删除", "remove")));

    static UnaryOperator<String> headers(String sheet) {
        Map<String, String> m = HEADERS.getOrDefault(sheet, Map.of());
        return h -> m.getOrDefault(h, h.toLowerCase(Locale.ROOT));
    }

    /** The register's own description: one row of the {@code dataset} sheet, or defaults. */
    record DatasetInfo(String name, String title, boolean sample, String notice, String description, String generatedBy) {

        Map<String, Object> asMap(String source) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", name);
            m.put("title", title);
            m.put("sample", sample);
            m.put("notice", notice);
            m.put("description", description);
            m.put("generatedBy", generatedBy);
            m.put("source", source);
            return m;
        }
    }

    /** Names, ids and aliases the register may refer to, read from the graph once per import. */
    record Vocabulary(Map<String, String> segments, Set<String> ambiguousSegments, Map<String, String> segmentChain,
                      Map<String, String> towns, Map<String, String> platforms, Map<String, String> honours,
                      Map<String, String> chains, Map<String, String> indicatorDatasets) {

        static Vocabulary load(Driver driver) {
            try (var s = driver.session()) {
                return s.executeRead(tx -> {
                    var r = tx.run("""
                            RETURN COLLECT { MATCH (s:Segment) RETURN [s.id, s.chain, s.name] + coalesce(s.aliases, []) } AS segments,
                                   COLLECT { MATCH (t:Town) RETURN [t.name, t.name] + coalesce(t.aliases, []) } AS towns,
                                   COLLECT { MATCH (p:Platform) RETURN [p.id, p.id, p.name] + coalesce(p.aliases, []) } AS platforms,
                                   COLLECT { MATCH (h:Honour) RETURN [h.name, h.name] + coalesce(h.aliases, []) } AS honours,
                                   COLLECT { MATCH (c:Chain) RETURN [c.name, c.name] + coalesce(c.aliases, []) } AS chains,
                                   COLLECT { MATCH (i:Indicator) RETURN [i.id, coalesce(i.dataset, '')] } AS indicators""").single();
                    Map<String, String> seg = new HashMap<>();
                    Set<String> ambiguous = new HashSet<>();
                    Map<String, String> segChain = new HashMap<>();
                    for (List<String> row : r.get("segments").asList(v -> v.asList(x -> x.asString()))) {
                        String id = row.get(0);
                        segChain.put(id, row.get(1));
                        seg.put(id, id);
                        seg.put(row.get(1) + "/" + row.get(2), id);
                    }
                    for (List<String> row : r.get("segments").asList(v -> v.asList(x -> x.asString()))) {
                        for (String n : row.subList(2, row.size())) {
                            String prev = seg.putIfAbsent(n, row.get(0));
                            if (prev != null && !prev.equals(row.get(0))) {
                                ambiguous.add(n);
                            }
                        }
                    }
                    Map<String, String> indicators = new HashMap<>();
                    r.get("indicators").asList(v -> v.asList(x -> x.asString())).forEach(p -> indicators.put(p.get(0), p.get(1)));
                    return new Vocabulary(seg, ambiguous, segChain, names(r.get("towns").asList(v -> v.asList(x -> x.asString()))),
                            names(r.get("platforms").asList(v -> v.asList(x -> x.asString()))),
                            names(r.get("honours").asList(v -> v.asList(x -> x.asString()))),
                            names(r.get("chains").asList(v -> v.asList(x -> x.asString()))), indicators);
                });
            }
        }

        /** Rows of [key, name, alias…] → every name and alias → key. */
        private static Map<String, String> names(List<List<String>> rows) {
            Map<String, String> m = new HashMap<>();
            rows.forEach(row -> row.subList(1, row.size()).forEach(n -> m.putIfAbsent(n, row.getFirst())));
            rows.forEach(row -> m.put(row.getFirst(), row.getFirst()));
            return m;
        }
    }

    private final Vocabulary vocabulary;
    private final DatasetInfo dataset;

    RegisterRows(Vocabulary vocabulary, DatasetInfo dataset) {
        this.vocabulary = vocabulary;
        this.dataset = dataset;
    }

    static DatasetInfo dataset(CsvTable.Row r, ImportProblems p) {
        String name = required(p, r, "name");
        String problem = name.isEmpty() ? null : datasetNameProblem(name);
        if (problem != null) {
            p.add(r, "name", problem);
        }
        boolean sample = Fields.bool(p, r, "sample", false);
        String notice = optional(r, "notice");
        if (sample && notice == null) {
            p.add(r, "notice", "a sample dataset needs a notice (the banner shown with its data)");
        }
        return new DatasetInfo(name, optional(r, "title"), sample, notice, optional(r, "description"), optional(r, "generated_by"));
    }

    /** Why {@code name} cannot name a register's dataset, or null when it can. */
    static String datasetNameProblem(String name) {
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            return "'" + name + "' is not a dataset name (lower-case letters, digits, '-', '.', '_')";
        }
        return RESERVED.contains(name) ? "'" + name + "' is reserved for the programme data" : null;
    }

    /** A credit code cell: required and valid per GB 32100; every problem is reported on its column. */
    static String code(ImportProblems p, CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) {
            p.add(r, column, "required 统一社会信用代码 is empty");
            return v;
        }
        List<String> problems = CreditCode.problems(v);
        boolean numeric = v.chars().allMatch(Character::isDigit);
        for (String msg : problems) {
            p.add(r, column, msg + (numeric && r.file().contains("!") ? " (typed as a number in Excel? format the column as text)" : ""));
        }
        return v;
    }

    private static Boolean optBool(ImportProblems p, CsvTable.Row r, String column) {
        return r.get(column).isEmpty() ? null : Fields.bool(p, r, column, false);
    }

    private static Integer year(ImportProblems p, CsvTable.Row r, String column, boolean required) {
        Integer y = Fields.integer(p, r, column, required);
        if (y != null && (y < 1949 || y > 2100)) {
            p.add(r, column, "year " + y + " is out of range 1949-2100");
        }
        return y;
    }

    /** A {@code |}-separated cell whose entries may start with '-' (remove): [adds, removes], each resolved by {@code resolve}. */
    private static List<List<String>> addsAndRemoves(ImportProblems p, CsvTable.Row r, String column, String what,
                                                     java.util.function.Function<String, String> resolve) {
        List<String> adds = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (String v : Fields.list(r, column)) {
            boolean remove = v.startsWith("-") && v.length() > 1;
            String name = remove ? v.substring(1).strip() : v;
            String key = resolve.apply(name);
            if (key == null) {
                p.add(r, column, "unknown " + what + " '" + name + "'");
                continue;
            }
            List<String> target = remove ? removes : adds;
            if (target.contains(key) || (remove ? adds : removes).contains(key)) {
                p.add(r, column, what + " '" + name + "' is listed twice");
                continue;
            }
            target.add(key);
        }
        return List.of(adds, removes);
    }

    private String segment(ImportProblems p, CsvTable.Row r, String column, String value) {
        if (vocabulary.ambiguousSegments().contains(value)) {
            p.add(r, column, "segment name '" + value + "' is used in more than one chain: write the id (e.g. NEV-M02) or chain/name");
            return "";
        }
        return vocabulary.segments().get(value);
    }

    Map<String, Object> enterprise(CsvTable.Row r, ImportProblems p) {
        int before = p.size();
        String id = code(p, r, "credit_code");
        if (Fields.bool(p, r, "remove", false)) {
            return p.size() == before ? map("id", id, "remove", true) : null;
        }
        String name = required(p, r, "name");
        Boolean local = optBool(p, r, "local");
        if (local == null) {
            p.add(r, "local", "required value is empty: true for an enterprise in Pinghu, false for a candidate elsewhere");
        }
        String town = optional(r, "town");
        String canonicalTown = null;
        if (Boolean.TRUE.equals(local)) {
            if (town == null) {
                p.add(r, "town", "a local enterprise needs its town (镇街)");
            } else if ((canonicalTown = vocabulary.towns().get(town)) == null) {
                p.add(r, "town", "unknown town '" + town + "'");
            }
        } else if (Boolean.FALSE.equals(local) && town != null) {
            p.add(r, "town", "a candidate elsewhere (local = false) has no town in Pinghu: put its location in region");
        }
        List<List<String>> aliases = addsAndRemoves(p, r, "aliases", "alias", a -> a);
        int beforeSegments = p.size();
        List<List<String>> segments = addsAndRemoves(p, r, "segments", "segment", v -> {
            String s = segment(p, r, "segments", v);
            return s == null || s.isEmpty() ? (s == null ? null : "?") : s;
        });
        if (segments.getFirst().isEmpty() && p.size() == beforeSegments) {
            p.add(r, "segments", "at least one segment (环节) is required: a segment id such as NEV-M02, chain/name, or a unique name");
        }
        List<List<String>> platforms = addsAndRemoves(p, r, "platforms", "platform", v -> vocabulary.platforms().get(v));
        Boolean scale = optBool(p, r, "scale");
        Boolean leader = optBool(p, r, "chain_leader");
        if (p.size() != before) {
            return null;
        }
        return map("id", id, "remove", false, "name", name, "local", local, "town", canonicalTown, "region", optional(r, "region"),
                "aliasesAdd", aliases.get(0), "aliasesRemove", aliases.get(1), "segmentsAdd", segments.get(0),
                "segmentsRemove", segments.get(1), "platformsAdd", platforms.get(0), "platformsRemove", platforms.get(1),
                "scale", scale, "chainLeader", leader);
    }

    Map<String, Object> figure(CsvTable.Row r, ImportProblems p) {
        int before = p.size();
        String id = code(p, r, "credit_code");
        Integer year = year(p, r, "year", true);
        boolean remove = Fields.bool(p, r, "remove", false);
        Double output = Fields.number(p, r, "output", false);
        Double revenue = Fields.number(p, r, "revenue", false);
        if (!remove && output == null && revenue == null && r.get("output").isEmpty() && r.get("revenue").isEmpty()) {
            p.add(r, "output", "a figure row needs output (产值) or revenue (营业收入), in 万元");
        }
        if (output != null && output < 0) {
            p.add(r, "output", "output cannot be negative");
        }
        if (revenue != null && revenue < 0) {
            p.add(r, "revenue", "revenue cannot be negative");
        }
        return p.size() != before ? null : map("id", id, "year", year, "output", output, "revenue", revenue, "remove", remove);
    }

    Map<String, Object> honour(CsvTable.Row r, ImportProblems p) {
        int before = p.size();
        String id = code(p, r, "credit_code");
        String honour = required(p, r, "honour");
        String canonical = vocabulary.honours().get(honour);
        if (!honour.isEmpty() && canonical == null) {
            p.add(r, "honour", "unknown honour '" + honour + "' (see import/chains/honours.csv for names and aliases)");
        }
        boolean remove = Fields.bool(p, r, "remove", false);
        Integer year = year(p, r, "year", !remove);
        return p.size() != before ? null : map("id", id, "honour", canonical, "year", year, "remove", remove);
    }

    Map<String, Object> supply(CsvTable.Row r, ImportProblems p) {
        int before = p.size();
        String supplier = code(p, r, "supplier");
        String customer = code(p, r, "customer");
        if (!supplier.isEmpty() && supplier.equals(customer)) {
            p.add(r, "customer", "an enterprise cannot supply itself");
        }
        String seg = optional(r, "segment");
        String segId = null;
        if (seg != null) {
            segId = segment(p, r, "segment", seg);
            if (segId == null) {
                p.add(r, "segment", "unknown segment '" + seg + "'");
            }
        }
        String product = optional(r, "product");
        if (seg == null && product == null) {
            p.add(r, "segment", "a supply link needs the segment (环节) or the product (产品) it is about");
        }
        boolean remove = Fields.bool(p, r, "remove", false);
        return p.size() != before ? null : map("supplier", supplier, "customer", customer, "segment", segId, "product", product,
                "key", (segId == null ? "" : segId) + "|" + (product == null ? "" : product), "remove", remove);
    }

    Map<String, Object> target(CsvTable.Row r, ImportProblems p) {
        int before = p.size();
        String indicator = required(p, r, "indicator_id");
        if (!indicator.isEmpty() && !indicator.matches("[A-Za-z0-9][A-Za-z0-9-]{0,40}")) {
            p.add(r, "indicator_id", "'" + indicator + "' is not an indicator id (letters, digits and '-')");
        }
        String owner = vocabulary.indicatorDatasets().get(indicator);
        if (owner != null && !owner.equals(dataset.name())) {
            p.add(r, "indicator_id", "indicator '" + indicator + "' belongs to dataset '" + owner + "'; chain plan targets need their own ids");
        }
        Integer year = year(p, r, "year", true);
        boolean remove = Fields.bool(p, r, "remove", false);
        if (remove) {
            return p.size() != before ? null : map("indicator", indicator, "year", year, "remove", true);
        }
        String chain = required(p, r, "chain");
        String canonicalChain = vocabulary.chains().get(chain);
        if (!chain.isEmpty() && canonicalChain == null) {
            p.add(r, "chain", "unknown chain '" + chain + "'");
        }
        String name = required(p, r, "name");
        String unit = r.get("unit").isEmpty() ? "亿元" : Fields.oneOf(p, r, "unit", UNITS, true);
        Double value = Fields.number(p, r, "value", true);
        String comparator = r.get("comparator").isEmpty() ? ">=" : Fields.oneOf(p, r, "comparator", COMPARATORS, true);
        String period = r.get("period").isEmpty() ? "年度" : Fields.oneOf(p, r, "period", PERIODS, true);
        boolean scaleOnly = Fields.bool(p, r, "scale_only", true);
        String text = optional(r, "text");
        return p.size() != before ? null : map("indicator", indicator, "chain", canonicalChain, "name", name, "unit", unit,
                "year", year, "value", value, "comparator", comparator, "period", period, "scaleOnly", scaleOnly,
                "text", text == null ? name + " " + year + " " + comparator + " " + value + unit : text,
                "origin", dataset.sample() ? "链规划(样例)" : "链规划", "remove", false);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
