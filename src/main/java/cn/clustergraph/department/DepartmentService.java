package cn.clustergraph.department;

import cn.clustergraph.department.DepartmentViews.DepartmentDetail;
import cn.clustergraph.department.DepartmentViews.DepartmentSummary;
import cn.clustergraph.department.DepartmentViews.Doubt;
import cn.clustergraph.department.DepartmentViews.IndicatorRef;
import cn.clustergraph.department.DepartmentViews.TargetRef;
import cn.clustergraph.department.DepartmentViews.TaskRef;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which department owns what: task counts, responsibility sheets, alias resolution. */
@Service
public class DepartmentService {

    private final Neo4jClient client;
    private final DepartmentRepository repository;
    private final ReadQueries reads;

    DepartmentService(Neo4jClient client, DepartmentRepository repository, ReadQueries reads) {
        this.client = client;
        this.repository = repository;
        this.reads = reads;
    }

    /** The canonical name for a name, alias or full name, if any department has it. */
    @Transactional(readOnly = true)
    public Optional<String> resolve(String nameOrAlias) {
        return repository.findByNameOrAlias(nameOrAlias.strip()).map(Department::getName);
    }

    @Transactional(readOnly = true)
    Collection<DepartmentSummary> list() {
        return client.query("""
                        MATCH (d:Department)
                        RETURN d.name AS name, d.fullName AS fullName, d.kind AS kind, coalesce(d.aliases, []) AS aliases,
                               COUNT { (d)<-[:LED_BY]-(:Task) } AS leads,
                               COUNT { (d)<-[:CO_OWNED_BY]-(:Task) } AS coOwns,
                               COUNT { (d)<-[:LED_BY|CO_OWNED_BY]-(:Indicator) } AS indicators
                        ORDER BY leads DESC, coOwns DESC, name""")
                .fetchAs(DepartmentSummary.class)
                .mappedBy((t, r) -> new DepartmentSummary(r.get("name").asString(), r.get("fullName").asString(null),
                        r.get("kind").asString(null), r.get("aliases").asList(Value::asString), r.get("leads").asLong(),
                        r.get("coOwns").asLong(), r.get("indicators").asLong()))
                .all();
    }

    DepartmentDetail detail(String nameOrAlias) {
        // alias resolution and the sheet in one READ query (one round trip: the hot lookup of 招商 and 链长 pages)
        return reads.one("""
                        MATCH (d:Department)
                        WHERE d.name = $key OR $key IN d.aliases OR d.fullName = $key
                        WITH d ORDER BY CASE WHEN d.name = $key THEN 0 ELSE 1 END LIMIT 1
                        RETURN d,
                          COLLECT { MATCH (d)<-[r:LED_BY]-(t:Task)-[:PART_OF]->(m:Measure)
                                    RETURN {no: t.no, measure: m.title, content: t.content, order: r.order} ORDER BY t.no } AS leads,
                          COLLECT { MATCH (d)<-[r:CO_OWNED_BY]-(t:Task)-[:PART_OF]->(m:Measure)
                                    RETURN {no: t.no, measure: m.title, content: t.content, order: r.order} ORDER BY t.no } AS coOwns,
                          COLLECT { MATCH (d)<-[r:LED_BY|CO_OWNED_BY]-(i:Indicator)
                                    RETURN {id: i.id, name: i.name, unit: i.unit, origin: i.origin, lead: type(r) = 'LED_BY',
                                            targets: COLLECT { MATCH (i)-[:HAS_TARGET]->(g:Target) WHERE g.town IS NULL
                                                               RETURN g ORDER BY g.year, g.primary DESC, g.id }}
                                    ORDER BY i.id } AS indicators,
                          COLLECT { MATCH (d)-[x:MAY_BE_SAME_AS]-(o:Department) RETURN {other: o.name, note: x.note} } AS doubts""",
                        Map.of("key", nameOrAlias.strip()), r -> {
                    var d = r.get("d");
                    String name = d.get("name").asString();
                    return new DepartmentDetail(d.get("name").asString(), d.get("fullName").asString(null), d.get("kind").asString(null),
                            d.get("aliases").isNull() ? List.of() : d.get("aliases").asList(Value::asString), d.get("note").asString(null),
                            name.equals(nameOrAlias) ? null : nameOrAlias,
                            r.get("leads").asList(DepartmentService::task), r.get("coOwns").asList(DepartmentService::task),
                            r.get("indicators").asList(v -> new IndicatorRef(v.get("id").asString(), v.get("name").asString(),
                                    v.get("unit").asString(null), v.get("origin").asString(), v.get("lead").asBoolean(),
                                    v.get("targets").asList(DepartmentService::target))),
                            r.get("doubts").asList(v -> new Doubt(v.get("other").asString(), v.get("note").asString(null))));
                }).orElseThrow(() -> new NotFoundException(
                        "No department named '" + nameOrAlias + "' (canonical name, alias or full name) 未找到该部门"));
    }

    private static TaskRef task(Value v) {
        return new TaskRef(v.get("no").asLong(), v.get("measure").asString(), v.get("content").asString(), v.get("order").asInt());
    }

    static TargetRef target(Value g) {
        return new TargetRef(g.get("id").asString(), g.get("year").asLong(), g.get("value").isNull() ? null : g.get("value").asDouble(),
                g.get("comparator").asString(null), g.get("qualifier").asString(null), g.get("text").asString(),
                g.get("town").asString(null), g.get("primary").asBoolean(true));
    }
}
