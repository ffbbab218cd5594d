package cn.clustergraph.department;

import cn.clustergraph.department.DepartmentViews.DepartmentDetail;
import cn.clustergraph.department.DepartmentViews.DepartmentSummary;
import cn.clustergraph.department.DepartmentViews.Doubt;
import cn.clustergraph.department.DepartmentViews.IndicatorRef;
import cn.clustergraph.department.DepartmentViews.TargetRef;
import cn.clustergraph.department.DepartmentViews.TaskRef;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which department owns what: task counts, responsibility sheets, alias resolution ({@link DepartmentNames}, one rule);
 * the views are read models (one READ query each, records).
 */
@Service
public class DepartmentService {

    /** The responsibility sheet of the department {@code $name} names ({@link DepartmentNames}' rule as its first subquery). */
    private static final String DETAIL = CypherTemplate.render("""
            CALL () {
              $E
            }
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
            Cypher.raw(DepartmentNames.RESOLVE));

    private final DepartmentNames names;
    private final ReadQueries reads;
    private final JsonMapper json;

    DepartmentService(DepartmentNames names, ReadQueries reads, JsonMapper json) {
        this.names = names;
        this.reads = reads;
        this.json = json;
    }

    /**
     * The canonical name for a name, alias or full name, if any department has it: the one alias rule, used by the
     * responsibility sheet, the task filter and the reports that take a department.
     */
    public Optional<String> resolve(String nameOrAlias) {
        return names.resolve(nameOrAlias);
    }

    /**
     * True when {@code cypher} resolves its parameter {@code parameter} itself by the one alias rule
     * ({@code DepartmentNames.RESOLVE} with {@code $name} written {@code $parameter}; whitespace aside): a report that
     * does so needs no name-resolution round trip before it runs.
     */
    public static boolean resolvedIn(String cypher, String parameter) {
        return squeeze(cypher).contains(squeeze(DepartmentNames.RESOLVE.replace("$name", "$" + parameter)));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ");
    }

    Collection<DepartmentSummary> list() {
        return reads.list("""
                        MATCH (d:Department)
                        RETURN {name: d.name, fullName: d.fullName, kind: d.kind, aliases: coalesce(d.aliases, []),
                                leads: COUNT { (d)<-[:LED_BY]-(:Task) },
                                coOwns: COUNT { (d)<-[:CO_OWNED_BY]-(:Task) },
                                indicators: COUNT { (d)<-[:LED_BY|CO_OWNED_BY]-(:Indicator) }} AS d
                        ORDER BY d.leads DESC, d.coOwns DESC, d.name""", Map.of(),
                r -> json.convertValue(r.get("d").asMap(), DepartmentSummary.class));
    }

    /** The responsibility sheet of the department {@link #resolve} finds for the name, alias or full name. */
    DepartmentDetail detail(String nameOrAlias) {
        return reads.one(DETAIL, Map.of("name", nameOrAlias.strip()), r -> {
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
                        "没有名为 " + nameOrAlias + " 的部门（规范名、简称或全称，见 GET /api/departments）",
                        "No department named '" + nameOrAlias + "' (canonical name, alias or full name; see GET /api/departments)"));
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
