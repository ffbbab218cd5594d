package cn.clustergraph.consistency;

import org.neo4j.driver.Value;
import cn.clustergraph.neo4j.ReadQueries;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds where the document contradicts itself: the same target stated differently, town shares that do not add up
 * to the city total, headings and task texts that differ between the main text and 附件2, and name variants of one body.
 */
@Service
public class ConsistencyService {

    /** A clause involved in a finding. */
    public record Clause(String id, String ref, String text) {
    }

    /** One finding: its kind, a Chinese title, a detail sentence, and the clauses involved. */
    public record Finding(String kind, String severity, String subject, String title, String detail, List<Clause> clauses) {
    }

    /** All findings, with counts per kind. */
    public record Report(int total, Map<String, Long> byKind, List<Finding> findings) {
    }

    private final ReadQueries reads;

    ConsistencyService(ReadQueries reads) {
        this.reads = reads;
    }

    public Report report() {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(targetConflicts());
        findings.addAll(townSums());
        findings.addAll(headingVariants());
        findings.addAll(taskTextVariants());
        findings.addAll(departmentVariants());
        findings.addAll(departmentDoubts());
        Map<String, Long> byKind = new java.util.TreeMap<>();
        findings.forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        return new Report(findings.size(), byKind, findings);
    }

    private List<Finding> targetConflicts() {
        return reads.list("""
                        MATCH (i:Indicator)-[:HAS_TARGET]->(t:Target)-[q:STATED_IN]->(s:Source)
                        WITH i, t, q, s, CASE WHEN t.id ENDS WITH '-MIN' THEN 'MIN' WHEN t.id ENDS WITH '-MAX' THEN 'MAX' ELSE '' END AS bound
                        ORDER BY t.primary DESC, s.id
                        WITH i, t.year AS year, coalesce(t.town, '') AS town, bound,
                             collect({value: t.value, cmp: t.comparator, key: [coalesce(t.value, -1.0e99), coalesce(t.comparator, '')], text: t.text, id: s.id, ref: s.ref, quote: coalesce(q.quote, t.text)}) AS st
                        WITH i, year, town, st, reduce(d = [], x IN st | CASE WHEN x.key IN d THEN d ELSE d + [x.key] END) AS variants
                        WHERE size(variants) > 1
                        RETURN i.id AS id, i.name AS name, i.unit AS unit, year, town, st,
                               any(x IN variants WHERE x[0] <> variants[0][0]) AS valueDiffers
                        ORDER BY id, year""", Map.of(), r -> {
                    List<Value> st = r.get("st").asList(v -> v);
                    boolean valueDiffers = r.get("valueDiffers").asBoolean();
                    StringBuilder detail = new StringBuilder();
                    for (Value v : st) {
                        detail.append(detail.isEmpty() ? "" : "；").append(v.get("ref").asString()).append("：“").append(v.get("quote").asString()).append("”");
                    }
                    String subject = r.get("id").asString() + " " + r.get("name").asString() + " " + r.get("year").asLong()
                            + (r.get("town").asString().isEmpty() ? "" : " " + r.get("town").asString());
                    return new Finding(valueDiffers ? "TARGET_VALUE_CONFLICT" : "TARGET_QUALIFIER_CONFLICT", valueDiffers ? "high" : "low", subject,
                            valueDiffers ? "同一目标在不同条款数值不同 Same target, different values" : "同一目标的限定词不同（以上/等于）Same target, different qualifier",
                            detail.toString(), st.stream().map(v -> new Clause(v.get("id").asString(), v.get("ref").asString(), v.get("quote").asString())).toList());
                }).stream().toList();
    }

    private List<Finding> townSums() {
        return reads.list("""
                        MATCH (i:Indicator {additive: true})-[:HAS_TARGET]->(t:Target)-[:IN_TOWN]->(:Town)
                        WITH i, t.year AS year, sum(t.value) AS townSum, count(t.value) AS towns
                        MATCH (i)-[:HAS_TARGET]->(c:Target {year: year}) WHERE c.town IS NULL AND c.primary AND c.value IS NOT NULL
                        WITH i, year, round(townSum, 3) AS townSum, towns, c
                        WHERE abs(townSum - c.value) > 1e-6
                        MATCH (c)-[:STATED_IN]->(s:Source)
                        RETURN i.id AS id, i.name AS name, i.unit AS unit, year, townSum, towns, c.value AS total, s {.id, .ref, .text} AS source
                        ORDER BY id""", Map.of(), r -> {
                    String unit = r.get("unit").asString("");
                    return new Finding("TOWN_SUM_MISMATCH", "high", r.get("id").asString() + " " + r.get("name").asString(),
                            "镇（街道）分解之和与全市目标不一致 Town values do not add up to the city total",
                            r.get("towns").asLong() + "个镇（街道）之和 " + num(r.get("townSum").asDouble()) + unit + "，全市 "
                                    + num(r.get("total").asDouble()) + unit + "（" + r.get("year").asLong() + "年）",
                            List.of(clause(r.get("source"))));
                }).stream().toList();
    }

    private List<Finding> headingVariants() {
        return reads.list("""
                        MATCH (s:Section) WHERE s.annexTitle IS NOT NULL AND s.annexTitle <> s.title
                        OPTIONAL MATCH (s)-[:STATED_IN]->(src:Source)
                        RETURN 'Section' AS kind, s.id AS id, s.title AS title, [s.annexTitle] AS variants, src {.id, .ref, .text} AS source
                        UNION ALL
                        MATCH (m:Measure) WHERE size(m.annexTitles) > 0
                        OPTIONAL MATCH (m)-[:STATED_IN]->(src:Source)
                        RETURN 'Measure' AS kind, m.id AS id, m.title AS title, m.annexTitles AS variants, src {.id, .ref, .text} AS source""", Map.of(), r -> {
                    boolean section = r.get("kind").asString().equals("Section");
                    List<String> variants = r.get("variants").asList(Value::asString);
                    List<Clause> clauses = r.get("source").isNull() ? List.of() : List.of(clause(r.get("source")));
                    return new Finding(section ? "SECTION_TITLE_VARIANT" : "MEASURE_TITLE_VARIANT", "low",
                            r.get("id").asString() + " " + r.get("title").asString(),
                            section ? "章节标题在正文与附件2不一致 Section title differs in 附件2" : "重点任务名称在正文与附件2不一致 Measure name differs in 附件2",
                            "正文：“" + r.get("title").asString() + "”；附件2：“" + String.join("”“", variants) + "”", clauses);
                }).stream().toList();
    }

    /** Sentences of an 附件2 task that do not appear verbatim (ignoring spaces) in the main-text measure they restate. */
    private List<Finding> taskTextVariants() {
        return reads.list("""
                        MATCH (t:Task)-[:PART_OF]->(m:Measure)-[:STATED_IN]->(ms:Source), (t)-[:STATED_IN]->(ts:Source)
                        RETURN t.no AS no, t.content AS content, ms {.id, .ref, .text} AS main, ts {.id, .ref, .text} AS annex
                        ORDER BY no""", Map.of(), r -> {
                    String main = normalise(r.get("main").get("text").asString());
                    List<String> missing = Arrays.stream(r.get("content").asString().split("[。；]"))
                            .map(String::strip).filter(s -> s.length() > 1 && !main.contains(normalise(s))).toList();
                    if (missing.isEmpty()) {
                        return null;
                    }
                    return new Finding("TASK_TEXT_VARIANT", "low", "任务" + r.get("no").asLong(),
                            "附件2任务表述与正文不完全一致 Task wording differs from the main text",
                            "附件2 句子未在正文原样出现：“" + String.join("”“", missing) + "”",
                            List.of(clause(r.get("annex")), clause(r.get("main"))));
                }).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Department names as printed in 附件2 that differ from the canonical name they resolve to. */
    private List<Finding> departmentVariants() {
        return reads.list("""
                        MATCH (t:Task)-[r:LED_BY|CO_OWNED_BY]->(d:Department)
                        WITH t, d ORDER BY t.no, r.order
                        WITH t, collect(d.name) AS names, [x IN split(t.departmentsRaw, '、') | trim(x)] AS printed
                        WHERE size(printed) = size(names)
                        UNWIND range(0, size(names) - 1) AS k
                        WITH names[k] AS canonical, printed[k] AS printedName, t WHERE printedName <> canonical
                        MATCH (t)-[:STATED_IN]->(s:Source)
                        RETURN canonical, printedName, collect(t.no) AS tasks, collect(s {.id, .ref, .text}) AS sources
                        ORDER BY canonical, printedName""", Map.of(), r -> new Finding("DEPARTMENT_NAME_VARIANT", "info", r.get("canonical").asString(),
                        "同一部门的不同写法 One body printed under another name",
                        "“" + r.get("printedName").asString() + "”（任务 " + r.get("tasks").asList(Value::asLong) + "）即“"
                                + r.get("canonical").asString() + "”", r.get("sources").asList(ConsistencyService::clause))).stream().toList();
    }

    private List<Finding> departmentDoubts() {
        return reads.list("""
                        MATCH (a:Department)-[x:MAY_BE_SAME_AS]->(b:Department)
                        RETURN a.name AS a, b.name AS b, x.note AS note,
                               COLLECT { MATCH (s:Source) WHERE s.id IN x.sources RETURN s {.id, .ref, .text} ORDER BY s.id } AS sources
                        ORDER BY a""", Map.of(), r -> new Finding("DEPARTMENT_DOUBT", "medium", r.get("a").asString() + " / " + r.get("b").asString(),
                        "可能是同一机构、未合并 May be the same body (kept apart)", r.get("note").asString(""),
                        r.get("sources").asList(ConsistencyService::clause))).stream().toList();
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", "").replace('(', '（').replace(')', '）').replace(',', '，');
    }

    private static Clause clause(Value v) {
        return new Clause(v.get("id").asString(), v.get("ref").asString(), v.get("text").asString());
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
