package cn.clustergraph.programme;

import cn.clustergraph.department.DepartmentService;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.programme.ProgrammeViews.ChainOutline;
import cn.clustergraph.programme.ProgrammeViews.ClusterOutline;
import cn.clustergraph.programme.ProgrammeViews.Heading;
import cn.clustergraph.programme.ProgrammeViews.MeasureOutline;
import cn.clustergraph.programme.ProgrammeViews.Mention;
import cn.clustergraph.programme.ProgrammeViews.ProgrammeOutline;
import cn.clustergraph.programme.ProgrammeViews.SectionOutline;
import cn.clustergraph.programme.ProgrammeViews.SourceRef;
import cn.clustergraph.programme.ProgrammeViews.TaskDetail;
import cn.clustergraph.programme.ProgrammeViews.TaskSummary;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The programme's structure (sections, measures) and its 62 tasks with departments, mentions and clauses. */
@Service
public class ProgrammeService {

    private final ReadQueries reads;
    private final DepartmentService departments;

    ProgrammeService(ReadQueries reads, DepartmentService departments) {
        this.reads = reads;
        this.departments = departments;
    }

    ProgrammeOutline outline() {
        return reads.one("""
                        MATCH (p:Programme)
                        RETURN p, COLLECT {
                          MATCH (s:Section)-[:PART_OF*1..2]->(p) WHERE EXISTS { (s)<-[:PART_OF]-(:Measure) }
                          RETURN {id: s.id, no: s.no, title: s.title, annexTitle: s.annexTitle,
                                  measures: COLLECT { MATCH (m:Measure)-[:PART_OF]->(s) OPTIONAL MATCH (m)-[:STATED_IN]->(src:Source)
                                                      RETURN {id: m.id, no: m.no, title: m.title, annexTitles: m.annexTitles,
                                                              tasks: COLLECT { MATCH (t:Task)-[:PART_OF]->(m) RETURN t.no ORDER BY t.no },
                                                              source: src {.id, .ref, .text}}
                                                      ORDER BY m.id }}
                          ORDER BY s.id } AS sections,
                        COLLECT {
                          MATCH (ch:Chain) OPTIONAL MATCH (ch)-[po:PART_OF]->(c:Cluster) OPTIONAL MATCH (ch)-[:STATED_IN]->(src:Source)
                          WITH ch, po, c, src, CASE WHEN src IS NULL THEN 1000000 ELSE size(split(src.text, ch.name)[0]) END AS pos
                          ORDER BY pos, ch.name
                          RETURN {name: ch.name, nameEn: ch.nameEn, cluster: c.name, clusterAssumed: coalesce(po.assumed, ch.clusterAssumed, true),
                                  source: src {.id, .ref, .text}} } AS chains,
                        COLLECT {
                          MATCH (c:Cluster)
                          RETURN {name: c.name, nameEn: c.nameEn, assumed: coalesce(c.assumed, true), note: c.note}
                        } AS clusters""", Map.of(), r -> {
                    Value p = r.get("p");
                    List<ChainOutline> chains = r.get("chains").asList(c -> new ChainOutline(c.get("name").asString(),
                            c.get("nameEn").asString(null), c.get("cluster").asString(null), c.get("clusterAssumed").asBoolean(),
                            source(c.get("source"))));
                    return new ProgrammeOutline(p.get("id").asString(), p.get("title").asString(), p.get("docNo").asString(),
                            p.get("issuer").asString(), p.get("issuedOn").asLocalDate(), p.get("periodFrom").asInt(), p.get("periodTo").asInt(),
                            r.get("sections").asList(s -> new SectionOutline(s.get("id").asString(), s.get("no").asString(),
                                    s.get("title").asString(), s.get("annexTitle").asString(null),
                                    s.get("measures").asList(m -> new MeasureOutline(m.get("id").asString(), m.get("no").asString(),
                                            m.get("title").asString(), m.get("annexTitles").asList(Value::asString),
                                            m.get("tasks").asList(Value::asLong), source(m.get("source")))))),
                            clusters(r.get("clusters"), chains), chains);
                }).orElseThrow(() -> new NotFoundException("尚未导入方案", "The programme has not been loaded"));
    }

    Collection<TaskSummary> tasks(String department, String section, String measure) {
        Map<String, Object> params = new HashMap<>();
        params.put("department", department == null ? null : departments.resolve(department)
                .orElseThrow(() -> BadRequestException.unknownName("department", "没有名为 " + department + " 的部门（名称、简称或全称）",
                        "No department named '" + department + "' (a name, alias or full name)")));
        params.put("section", section);
        params.put("measure", measure);
        if (section != null && reads.one("MATCH (s:Section {id: $section}) RETURN s.id AS id", params).isEmpty()) {
            throw BadRequestException.unknownName("section", "没有编号为 " + section + " 的章节（如 S2.1）",
                    "No section with id '" + section + "' (e.g. S2.1)");
        }
        if (measure != null && reads.one("MATCH (m:Measure {id: $measure}) RETURN m.id AS id", params).isEmpty()) {
            throw BadRequestException.unknownName("measure", "没有编号为 " + measure + " 的措施（如 M04）",
                    "No measure with id '" + measure + "' (e.g. M04)");
        }
        return reads.list("""
                        MATCH (t:Task)-[:PART_OF]->(m:Measure)
                        WHERE ($section IS NULL OR t.sectionId = $section) AND ($measure IS NULL OR m.id = $measure)
                          AND ($department IS NULL OR EXISTS { (t)-[:LED_BY|CO_OWNED_BY]->(:Department {name: $department}) })
                        MATCH (t)-[:LED_BY]->(lead:Department)
                        RETURN t.no AS no, t.sectionId AS sectionId, m.id AS measureId, m.title AS measure, t.content AS content,
                               lead.name AS lead,
                               COLLECT { MATCH (t)-[c:CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY c.order } AS coOwners
                        ORDER BY no""", params, r -> new TaskSummary(r.get("no").asLong(), r.get("sectionId").asString(), r.get("measureId").asString(),
                        r.get("measure").asString(), r.get("content").asString(), r.get("lead").asString(),
                        r.get("coOwners").asList(Value::asString)));
    }

    /** A hot lookup: one auto-commit READ query. */
    TaskDetail task(long no) {
        return reads.one("""
                        MATCH (t:Task {no: $no})-[:PART_OF]->(m:Measure)-[:PART_OF]->(s:Section)
                        MATCH (t)-[:LED_BY]->(lead:Department)
                        RETURN t, m, s, lead.name AS lead,
                          COLLECT { MATCH (t)-[c:CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY c.order } AS coOwners,
                          COLLECT { MATCH (t)-[c:CONCERNS]->(x)
                                    RETURN {kind: labels(x)[0], id: coalesce(x.id, x.name), name: x.name, quote: c.quote}
                                    ORDER BY labels(x)[0], x.name } AS concerns,
                          COLLECT { MATCH (t)-[:STATED_IN]->(src:Source) RETURN src {.id, .ref, .text} }
                          + COLLECT { MATCH (m)-[:STATED_IN]->(src:Source) RETURN src {.id, .ref, .text} } AS sources""",
                        Map.of("no", no), r -> {
                    Value t = r.get("t");
                    Value m = r.get("m");
                    Value s = r.get("s");
                    return new TaskDetail(t.get("no").asLong(),
                            new Heading(s.get("id").asString(), s.get("no").asString(), s.get("title").asString(), s.get("annexTitle").asString(null)),
                            new Heading(m.get("id").asString(), m.get("no").asString(), m.get("title").asString(),
                                    t.get("annexMeasureCell").asString(null)),
                            t.get("content").asString(), r.get("lead").asString(), r.get("coOwners").asList(Value::asString),
                            t.get("departmentsRaw").asString(null), t.get("annexMeasureCell").asString(null),
                            r.get("concerns").asList(c -> new Mention(c.get("kind").asString(), c.get("id").asString(),
                                    c.get("name").asString(), c.get("quote").asString(null))),
                            r.get("sources").asList(ProgrammeService::source));
                }).orElseThrow(() -> new NotFoundException("没有第 " + no + " 项任务（附件2 的任务为 1–62）",
                        "No task number " + no + " (annex 2 has tasks 1–62)"));
    }

    /** Clusters ordered by their first chain in document order, each with its chains in that order. */
    private static List<ClusterOutline> clusters(Value rows, List<ChainOutline> chains) {
        List<ClusterOutline> out = new ArrayList<>(rows.asList(c -> new ClusterOutline(c.get("name").asString(), c.get("nameEn").asString(null),
                c.get("assumed").asBoolean(), c.get("note").asString(null),
                chains.stream().filter(ch -> c.get("name").asString().equals(ch.cluster())).map(ChainOutline::name).toList())));
        List<String> order = chains.stream().map(ChainOutline::cluster).toList();
        out.sort(Comparator.comparingInt((ClusterOutline c) -> order.contains(c.name()) ? order.indexOf(c.name()) : Integer.MAX_VALUE)
                .thenComparing(ClusterOutline::name));
        return out;
    }

    private static SourceRef source(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new SourceRef(v.get("id").asString(), v.get("ref").asString(), v.get("text").asString(), v.get("quote").asString(null));
    }
}
