package cn.clustergraph.indicator;

import cn.clustergraph.indicator.IndicatorViews.IndicatorDetail;
import cn.clustergraph.indicator.IndicatorViews.IndicatorSummary;
import cn.clustergraph.indicator.IndicatorViews.Owner;
import cn.clustergraph.indicator.IndicatorViews.TargetView;
import cn.clustergraph.indicator.IndicatorViews.TownBreakdown;
import cn.clustergraph.indicator.IndicatorViews.TownDetail;
import cn.clustergraph.indicator.IndicatorViews.TownSummary;
import cn.clustergraph.indicator.IndicatorViews.TownTarget;
import cn.clustergraph.indicator.IndicatorViews.TownValue;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.neo4j.driver.Value;
import cn.clustergraph.neo4j.ReadQueries;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Indicators with their 2023/2025/2027 targets, and towns with their 附件3 shares. */
@Service
public class IndicatorService {

    /** Sums are compared with this tolerance: 附件3 values have at most three decimals. */
    private static final double EPSILON = 1e-6;

    private final ReadQueries reads;

    IndicatorService(ReadQueries reads) {
        this.reads = reads;
    }

    /** The origins an indicator can have: the document's three, and the sample chain plans. */
    static final List<String> ORIGINS = List.of("附件1", "附件3", "正文", "链规划(样例)");

    /**
     * The document's indicators (72: 附件1, 附件3, 正文); the sample chain-plan indicators only with {@code sample = true}
     * or when their origin is asked for, so sample data never inflates the document's figures.
     */
    Collection<IndicatorSummary> list(String q, String origin, Boolean sample) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", q == null || q.isBlank() ? null : q.strip());
        String o = origin == null || origin.isBlank() ? null : origin.strip();
        if (o != null && !ORIGINS.contains(o)) {
            throw BadRequestException.unknownName("origin", "指标来源须为 " + String.join(" / ", ORIGINS) + " 之一，不能是 " + o,
                    "origin must be one of " + String.join(", ", ORIGINS) + ", not '" + o + "'");
        }
        params.put("origin", o);
        params.put("withSample", Boolean.TRUE.equals(sample) || o != null);
        return reads.list("""
                        MATCH (i:Indicator)
                        WHERE ($q IS NULL OR i.name CONTAINS $q OR i.id = $q OR i.category CONTAINS $q)
                          AND ($origin IS NULL OR i.origin = $origin)
                          AND ($withSample OR NOT coalesce(i.sample, false))
                        RETURN i,
                          COLLECT { MATCH (i)-[r:LED_BY|CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY r.order } AS departments,
                          COLLECT { MATCH (i)-[:HAS_TARGET]->(t:Target)-[s:STATED_IN]->(src:Source)
                                    WHERE t.town IS NULL AND t.primary
                                    RETURN t {.*, sourceId: src.id, sourceRef: src.ref, quote: s.quote} ORDER BY t.year, t.id } AS targets
                        ORDER BY CASE i.origin WHEN '附件1' THEN 1 WHEN '附件3' THEN 2 ELSE 3 END, i.id""", params, r -> {
                    Value i = r.get("i");
                    return new IndicatorSummary(i.get("id").asString(), i.get("origin").asString(), i.get("no").asString(null),
                            i.get("category").asString(null), i.get("name").asString(), i.get("unit").asString(null),
                            r.get("departments").asList(Value::asString), r.get("targets").asList(IndicatorService::target),
                            i.get("sample").asBoolean(false));
                });
    }

    IndicatorDetail detail(String id) {
        return reads.one("""
                        MATCH (i:Indicator {id: $id})
                        OPTIONAL MATCH (i)-[:STATED_IN]->(src:Source)
                        RETURN i, src,
                          COLLECT { MATCH (i)-[r:LED_BY|CO_OWNED_BY]->(d:Department)
                                    RETURN {name: d.name, lead: type(r) = 'LED_BY'} ORDER BY r.order } AS departments,
                          COLLECT { MATCH (i)-[:HAS_TARGET]->(t:Target)-[s:STATED_IN]->(x:Source)
                                    OPTIONAL MATCH (t)-[:IN_TOWN]->(town:Town)
                                    RETURN t {.*, sourceId: x.id, sourceRef: x.ref, quote: s.quote, townOrder: town.order}
                                    ORDER BY t.year, t.town IS NOT NULL, town.order, t.primary DESC, t.id } AS targets,
                          COLLECT { MATCH (i)-[:SAME_MEASURE_AS]-(o:Indicator) RETURN o.id } AS same""", Map.of("id", id), r -> {
                    Value i = r.get("i");
                    List<TargetView> all = r.get("targets").asList(IndicatorService::target);
                    boolean additive = i.get("additive").asBoolean(false);
                    return new IndicatorDetail(i.get("id").asString(), i.get("origin").asString(), i.get("no").asString(null),
                            i.get("category").asString(null), i.get("name").asString(), i.get("unit").asString(null), additive,
                            r.get("departments").asList(v -> new Owner(v.get("name").asString(), v.get("lead").asBoolean())),
                            all.stream().filter(t -> t.town() == null).toList(), breakdown(all, additive),
                            r.get("same").asList(Value::asString),
                            r.get("src").isNull() ? null : r.get("src").get("ref").asString(),
                            r.get("src").isNull() ? null : r.get("src").get("text").asString());
                }).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的指标（如 A1-02、A3-10、G-LAND）",
                        "No indicator with id '" + id + "' (e.g. A1-02, A3-10, G-LAND)"));
    }

    /** The town breakdown, or null for an indicator without town targets. */
    private static TownBreakdown breakdown(List<TargetView> targets, boolean additive) {
        List<TownValue> towns = targets.stream().filter(t -> t.town() != null)
                .map(t -> new TownValue(t.town(), t.value(), t.text())).toList();
        if (towns.isEmpty()) {
            return null;
        }
        long year = targets.stream().filter(t -> t.town() != null).findFirst().orElseThrow().year();
        TargetView city = targets.stream().filter(t -> t.town() == null && t.year() == year && t.primary()).findFirst().orElse(null);
        double sum = towns.stream().filter(t -> t.value() != null).mapToDouble(TownValue::value).sum();
        Double cityValue = city == null ? null : city.value();
        Boolean matches = additive && cityValue != null ? Math.abs(Math.round(sum * 1000) / 1000.0 - cityValue) < EPSILON : null;
        return new TownBreakdown(towns, cityValue, city == null ? null : city.text(), Math.round(sum * 1000) / 1000.0, additive, matches);
    }

    Collection<TownSummary> towns() {
        return reads.list("""
                        MATCH (t:Town)
                        RETURN t, COUNT { (t)<-[:IN_TOWN]-(:Target) } AS targets ORDER BY t.order""", Map.of(), r -> {
                    Value t = r.get("t");
                    return new TownSummary(t.get("name").asString(), t.get("fullName").asString(null), t.get("kind").asString(null),
                            t.get("aliases").isNull() ? List.of() : t.get("aliases").asList(Value::asString), t.get("order").asInt(0),
                            r.get("targets").asLong());
                });
    }

    /** A town's canonical name from its name, alias or full name (the one town-name rule; issue 16 uses it). */
    public java.util.Optional<String> resolveTown(String name) {
        if (name == null || name.isBlank()) {
            return java.util.Optional.empty();
        }
        return reads.one("""
                MATCH (t:Town) WHERE t.name = $name OR $name IN t.aliases OR t.fullName = $name
                RETURN t.name AS name ORDER BY CASE WHEN t.name = $name THEN 0 ELSE 1 END LIMIT 1""",
                Map.of("name", name.strip()), r -> r.get("name").asString());
    }

    TownDetail town(String name) {
        return reads.one("""
                        MATCH (t:Town) WHERE t.name = $name OR $name IN t.aliases OR t.fullName = $name
                        WITH t ORDER BY CASE WHEN t.name = $name THEN 0 ELSE 1 END LIMIT 1
                        RETURN t, COLLECT {
                          MATCH (t)<-[:IN_TOWN]-(g:Target)<-[:HAS_TARGET]-(i:Indicator)
                          OPTIONAL MATCH (i)-[:LED_BY]->(d:Department)
                          RETURN {indicatorId: i.id, indicator: i.name, unit: i.unit, value: g.value, text: g.text, department: d.name}
                          ORDER BY i.id } AS targets""", Map.of("name", name), r -> {
                    Value t = r.get("t");
                    return new TownDetail(t.get("name").asString(), t.get("fullName").asString(null), t.get("kind").asString(null),
                            t.get("aliases").isNull() ? List.of() : t.get("aliases").asList(Value::asString),
                            r.get("targets").asList(v -> new TownTarget(v.get("indicatorId").asString(), v.get("indicator").asString(),
                                    v.get("unit").asString(null), v.get("value").isNull() ? null : v.get("value").asDouble(),
                                    v.get("text").asString(), v.get("department").asString(null))));
                }).orElseThrow(() -> new NotFoundException("没有名为 " + name + " 的镇（街道）（名称或别名，见 GET /api/towns）",
                        "No town named '" + name + "' (a name or alias; see GET /api/towns)"));
    }

    static TargetView target(Value t) {
        return new TargetView(t.get("id").asString(), t.get("year").asLong(), t.get("value").isNull() ? null : t.get("value").asDouble(),
                t.get("comparator").asString(null), t.get("qualifier").asString(null), t.get("text").asString(),
                t.get("period").asString(null), t.get("primary").asBoolean(true), t.get("town").asString(null),
                t.get("sourceId").asString(null), t.get("sourceRef").asString(null), t.get("quote").asString(null));
    }
}
