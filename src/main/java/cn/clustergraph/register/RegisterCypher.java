package cn.clustergraph.register;

import java.util.List;

/**
 * The register writer's statements; each gets {@code $rows} (one batch), {@code $dataset} and {@code $sample}. The values
 * derived from what they write ({@code aliasText}, {@code output*}, {@code honourNames}, shares) are computed by
 * {@link EnterpriseValues}, never here.
 */
final class RegisterCypher {

    private RegisterCypher() {
    }

    static final String DATASET = """
            MERGE (d:Dataset {name: $d.name})
            SET d.title = $d.title, d.sample = $d.sample, d.notice = $d.notice, d.description = $d.description,
                d.generatedBy = $d.generatedBy, d.source = $d.source, d.importedAt = datetime(), d.dataset = $d.name,
                d.complete = false, d.rowsTotal = $d.rowsTotal, d.completedAt = null""";

    /** The last write of a load: every row of the register is in the graph (until then reads say the dataset is incomplete). */
    static final String DATASET_COMPLETE = """
            MATCH (d:Dataset {name: $dataset})
            SET d.complete = true, d.completedAt = datetime()""";

    static final List<String> ENTERPRISE_UPSERT = List.of("""
            UNWIND $rows AS r
            MERGE (e:Enterprise {id: r.id})
            ON CREATE SET e.aliases = [], e.scale = false, e.chainLeader = false
            SET e.creditCode = r.id, e.name = r.name, e.local = r.local,
                e.scale = coalesce(r.scale, e.scale, false), e.chainLeader = coalesce(r.chainLeader, e.chainLeader, false),
                e.aliases = [a IN coalesce(e.aliases, []) WHERE NOT a IN r.aliasesRemove AND NOT a IN r.aliasesAdd] + r.aliasesAdd,
                e.region = CASE WHEN r.local THEN null ELSE coalesce(r.region, e.region) END,
                e.dataset = $dataset, e.sample = $sample, e.stated = false""", """
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            OPTIONAL MATCH (e)-[old:LOCATED_IN]->(:Town)
            WITH e, r, [x IN collect(old) WHERE NOT r.local OR endNode(x).name <> r.town] AS stale
            FOREACH (x IN stale | DELETE x)
            WITH e, r WHERE r.local AND r.town IS NOT NULL
            MATCH (t:Town {name: r.town})
            MERGE (e)-[x:LOCATED_IN]->(t) SET x.dataset = $dataset, x.sample = $sample""", """
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            CALL (e, r) {
              UNWIND r.platformsRemove AS pid
              MATCH (e)-[x:ON_PLATFORM]->(:Platform {id: pid})
              DELETE x
            }
            CALL (e, r) {
              UNWIND r.platformsAdd AS pid
              MATCH (p:Platform {id: pid})
              MERGE (e)-[x:ON_PLATFORM]->(p) SET x.dataset = $dataset, x.sample = $sample
            }""", """
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            CALL (e, r) {
              UNWIND r.segmentsRemove AS sid
              MATCH (e)-[x:IN_SEGMENT]->(:Segment {id: sid})
              DELETE x
            }
            CALL (e, r) {
              UNWIND r.segmentsAdd AS sid
              MATCH (s:Segment {id: sid})
              MERGE (e)-[x:IN_SEGMENT]->(s) SET x.dataset = $dataset, x.sample = $sample
            }
            CALL (e, r) {
              MATCH (e)-[x:IN_SEGMENT]->(s:Segment)
              SET x.primary = (s.id = r.segmentsAdd[0])
            }""");

    static final List<String> ENTERPRISE_REMOVE = List.of("""
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            OPTIONAL MATCH (e)-[:REPORTED]->(f:Figure)
            DETACH DELETE f
            WITH DISTINCT e
            DETACH DELETE e""");

    static final List<String> FIGURE_UPSERT = List.of("""
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            MERGE (f:Figure {id: r.id + '-' + toString(r.year)})
            SET f.year = r.year, f.enterprise = r.id, f.output = coalesce(r.output, f.output),
                f.revenue = coalesce(r.revenue, f.revenue), f.unit = '万元', f.dataset = $dataset, f.sample = $sample
            MERGE (e)-[x:REPORTED]->(f) SET x.dataset = $dataset, x.sample = $sample""");

    static final List<String> FIGURE_REMOVE = List.of("""
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            OPTIONAL MATCH (e)-[:REPORTED]->(f:Figure {year: r.year})
            DETACH DELETE f""");

    static final List<String> HONOUR_UPSERT = List.of("""
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id}), (h:Honour {name: r.honour})
            MERGE (e)-[x:HAS_HONOUR]->(h) SET x.year = r.year, x.dataset = $dataset, x.sample = $sample""");

    static final List<String> HONOUR_REMOVE = List.of("""
            UNWIND $rows AS r
            MATCH (e:Enterprise {id: r.id})
            OPTIONAL MATCH (e)-[x:HAS_HONOUR]->(:Honour {name: r.honour})
            DELETE x""");

    static final List<String> SUPPLY_UPSERT = List.of("""
            UNWIND $rows AS r
            MATCH (a:Enterprise {id: r.supplier}), (b:Enterprise {id: r.customer})
            MERGE (a)-[x:SUPPLIES {key: r.key}]->(b)
            SET x.segment = r.segment, x.product = r.product, x.dataset = $dataset, x.sample = $sample""");

    static final List<String> SUPPLY_REMOVE = List.of("""
            UNWIND $rows AS r
            MATCH (:Enterprise {id: r.supplier})-[x:SUPPLIES {key: r.key}]->(:Enterprise {id: r.customer})
            DELETE x""");

    static final List<String> TARGET_UPSERT = List.of("""
            UNWIND $rows AS r
            MATCH (ch:Chain {name: r.chain})
            MERGE (i:Indicator {id: r.indicator})
            SET i.name = r.name, i.unit = r.unit, i.origin = r.origin, i.category = '产业链', i.additive = true, i.stated = false,
                i.chain = r.chain, i.dataset = $dataset, i.sample = $sample
            MERGE (i)-[so:SUMS_OUTPUT_OF]->(ch)
            SET so.scaleOnly = r.scaleOnly, so.assumed = false, so.dataset = $dataset, so.sample = $sample
            MERGE (t:Target {id: r.indicator + '-' + toString(r.year)})
            SET t.year = r.year, t.value = r.value, t.comparator = r.comparator, t.period = r.period, t.text = r.text,
                t.qualifier = null, t.primary = true, t.town = null, t.indicatorId = r.indicator, t.name = r.name + ' ' + r.year,
                t.stated = false, t.dataset = $dataset, t.sample = $sample
            MERGE (i)-[h:HAS_TARGET]->(t) SET h.dataset = $dataset, h.sample = $sample""");

    static final List<String> TARGET_REMOVE = List.of("""
            UNWIND $rows AS r
            OPTIONAL MATCH (t:Target {id: r.indicator + '-' + toString(r.year)}) WHERE t.dataset = $dataset
            DETACH DELETE t
            WITH DISTINCT r.indicator AS id
            MATCH (i:Indicator {id: id}) WHERE i.dataset = $dataset AND NOT EXISTS { (i)-[:HAS_TARGET]->() }
            DETACH DELETE i""");

    // ---- enterprises new to the graph (NewEnterprises): CREATE with every maintained value computed beforehand --------

    static final String ENTERPRISE_CREATE = """
            UNWIND $rows AS r
            CREATE (e:Enterprise)
            SET e = r.props
            WITH e, r
            CALL (e, r) {
              UNWIND r.segments AS seg
              MATCH (s:Segment {id: seg.id})
              CREATE (e)-[:IN_SEGMENT {primary: seg.primary, share: seg.share, dataset: $dataset, sample: $sample}]->(s)
            }
            CALL (e, r) {
              MATCH (t:Town {name: r.town})
              CREATE (e)-[:LOCATED_IN {dataset: $dataset, sample: $sample}]->(t)
            }
            CALL (e, r) {
              UNWIND r.platforms AS pid
              MATCH (p:Platform {id: pid})
              CREATE (e)-[:ON_PLATFORM {dataset: $dataset, sample: $sample}]->(p)
            }""";

    /** Figures, honours and supply links of new enterprises come grouped by their first enterprise: {@code {id, rows}}. */
    static final String FIGURE_CREATE = """
            UNWIND $rows AS g
            MATCH (e:Enterprise {id: g.id})
            UNWIND g.rows AS r
            CREATE (e)-[:REPORTED {dataset: $dataset, sample: $sample}]->(:Figure {id: r.id + '-' + toString(r.year), year: r.year,
                enterprise: r.id, output: r.output, revenue: r.revenue, unit: '万元', dataset: $dataset, sample: $sample})""";

    static final String HONOUR_CREATE = """
            UNWIND $rows AS g
            MATCH (e:Enterprise {id: g.id})
            UNWIND g.rows AS r
            MATCH (h:Honour {name: r.honour})
            CREATE (e)-[:HAS_HONOUR {year: r.year, dataset: $dataset, sample: $sample}]->(h)""";

    static final String SUPPLY_CREATE = """
            UNWIND $rows AS g
            MATCH (a:Enterprise {id: g.id})
            UNWIND g.rows AS r
            MATCH (b:Enterprise {id: r.customer})
            CREATE (a)-[:SUPPLIES {key: r.key, segment: r.segment, product: r.product, dataset: $dataset, sample: $sample}]->(b)""";
}
