package cn.clustergraph.backup;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A logical export of the data that is not a register, read back from the graph into the {@code import/} layout the
 * importers read: {@code programme/} (the document), {@code chains/} (clusters, default segment maps, chain items, the
 * honour vocabulary, target rules and chain services), {@code pipeline/usd_rates.csv} and
 * {@code tracking/indicator_kinds.csv}. The folder works as {@code clustergraph.import.dir}; UTF-8, rows sorted by key,
 * so two exports diff line by line. Aliases the files may use (a department's short name, a town's alias, an honour's
 * alias) come back as the canonical name they resolved to.
 */
final class ProgrammeExport {

    /** One file: its path under the export folder, its columns (the importer's), the query answering them in order. */
    record FileSpec(String path, List<String> columns, String cypher) {
    }

    private static final String SOURCE = "COLLECT { MATCH (n)-[:STATED_IN]->(s:Source) RETURN s.id }[0] AS source_id";
    private static final String OWNERS = "COLLECT { MATCH (n)-[o:LED_BY|CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY o.order } AS departments";

    static final List<FileSpec> FILES = List.of(
            new FileSpec("programme/sources.csv", List.of("id", "part", "ref", "text"), """
                    MATCH (n:Source) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.part AS part, n.ref AS ref, n.text AS text ORDER BY id"""),
            new FileSpec("programme/programme.csv", List.of("id", "title", "doc_no", "issuer", "issued_on", "printed_on", "period_from",
                    "period_to", "notice_title", "source_id"), """
                    MATCH (n:Programme) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.title AS title, n.docNo AS doc_no, n.issuer AS issuer, toString(n.issuedOn) AS issued_on,
                           toString(n.printedOn) AS printed_on, n.periodFrom AS period_from, n.periodTo AS period_to,
                           n.noticeTitle AS notice_title, %s ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/departments.csv", List.of("name", "full_name", "kind", "aliases", "note"), """
                    MATCH (n:Department) WHERE n.dataset = 'programme'
                    RETURN n.name AS name, n.fullName AS full_name, n.kind AS kind, n.aliases AS aliases, n.note AS note ORDER BY name"""),
            new FileSpec("programme/department_doubts.csv", List.of("name", "other_name", "note", "source_ids"), """
                    MATCH (a:Department)-[x:MAY_BE_SAME_AS]->(b:Department) WHERE x.dataset = 'programme'
                    RETURN a.name AS name, b.name AS other_name, x.note AS note, x.sources AS source_ids ORDER BY name, other_name"""),
            new FileSpec("programme/sections.csv", List.of("id", "parent_id", "no", "title", "annex_title", "source_id"), """
                    MATCH (n:Section) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, COLLECT { MATCH (n)-[:PART_OF]->(p:Section) RETURN p.id }[0] AS parent_id, n.no AS no,
                           n.title AS title, n.annexTitle AS annex_title, %s ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/measures.csv", List.of("id", "section_id", "no", "title", "annex_titles", "source_id"), """
                    MATCH (n:Measure) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.sectionId AS section_id, n.no AS no, n.title AS title, n.annexTitles AS annex_titles, %s
                    ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/tasks.csv", List.of("no", "measure_id", "content", "departments", "departments_raw",
                    "annex_measure_cell", "source_id"), """
                    MATCH (n:Task) WHERE n.dataset = 'programme'
                    RETURN n.no AS no, n.measureId AS measure_id, n.content AS content, %s, n.departmentsRaw AS departments_raw,
                           n.annexMeasureCell AS annex_measure_cell, %s ORDER BY no""".formatted(OWNERS, SOURCE)),
            new FileSpec("programme/towns.csv", List.of("name", "full_name", "kind", "aliases", "order", "source_id"), """
                    MATCH (n:Town) WHERE n.dataset = 'programme'
                    RETURN n.name AS name, n.fullName AS full_name, n.kind AS kind, n.aliases AS aliases, n.order AS `order`, %s
                    ORDER BY `order`, name""".formatted(SOURCE)),
            new FileSpec("programme/indicators.csv", List.of("id", "origin", "no", "category", "name", "unit", "departments", "additive",
                    "related_id", "source_id"), """
                    MATCH (n:Indicator) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.origin AS origin, n.no AS no, n.category AS category, n.name AS name, n.unit AS unit, %s,
                           n.additive AS additive, COLLECT { MATCH (n)-[:SAME_MEASURE_AS]->(r:Indicator) RETURN r.id }[0] AS related_id,
                           %s ORDER BY id""".formatted(OWNERS, SOURCE)),
            new FileSpec("programme/targets.csv", List.of("id", "indicator_id", "year", "town", "value", "comparator", "qualifier", "text",
                    "period", "primary", "source_id", "quote"), """
                    MATCH (n:Target) WHERE n.dataset = 'programme'
                    OPTIONAL MATCH (n)-[st:STATED_IN]->(s:Source)
                    RETURN n.id AS id, n.indicatorId AS indicator_id, n.year AS year, n.town AS town, n.value AS value,
                           n.comparator AS comparator, n.qualifier AS qualifier, n.text AS text, n.period AS period, n.primary AS `primary`,
                           s.id AS source_id, st.quote AS quote ORDER BY id"""),
            new FileSpec("programme/platforms.csv", List.of("id", "name", "kind", "aliases", "town", "source_id"), """
                    MATCH (n:Platform) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases,
                           COLLECT { MATCH (n)-[:LOCATED_IN]->(t:Town) RETURN t.name }[0] AS town, %s ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/institutes.csv", List.of("id", "name", "kind", "aliases", "source_id"), """
                    MATCH (n:Institute) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases, %s ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/enterprises.csv", List.of("id", "name", "aliases", "note", "source_id"), """
                    MATCH (n:Enterprise) WHERE n.dataset = 'programme'
                    RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.note AS note, %s ORDER BY id""".formatted(SOURCE)),
            new FileSpec("programme/mentions.csv", List.of("task_no", "kind", "ref", "quote"), """
                    MATCH (t:Task)-[c:CONCERNS]->(x) WHERE c.dataset = 'programme'
                    WITH t, c, x, [l IN labels(x) WHERE l IN ['Chain', 'Platform', 'Institute', 'Enterprise', 'Indicator', 'Segment']][0] AS kind
                    RETURN t.no AS task_no, kind, CASE kind WHEN 'Chain' THEN x.name ELSE x.id END AS ref, c.quote AS quote
                    ORDER BY task_no, kind, ref"""),
            new FileSpec("chains/clusters.csv", List.of("name", "name_en", "assumed", "note"), """
                    MATCH (n:Cluster) WHERE n.dataset = 'chain-map'
                    RETURN n.name AS name, n.nameEn AS name_en, n.assumed AS assumed, n.note AS note ORDER BY name"""),
            new FileSpec("chains/chains.csv", List.of("name", "name_en", "aliases", "cluster", "cluster_assumed", "source_id"), """
                    MATCH (n:Chain) WHERE n.dataset = 'programme'
                    RETURN n.name AS name, n.nameEn AS name_en, n.aliases AS aliases,
                           COLLECT { MATCH (n)-[:PART_OF]->(c:Cluster) RETURN c.name }[0] AS cluster, n.clusterAssumed AS cluster_assumed,
                           %s ORDER BY name""".formatted(SOURCE)),
            new FileSpec("chains/segments.csv", List.of("id", "chain", "name", "stage", "aliases", "keywords", "order", "basis"), """
                    MATCH (n:Segment) WHERE n.dataset = 'chain-map'
                    RETURN n.id AS id, n.chain AS chain, n.name AS name, n.stage AS stage, n.aliases AS aliases, n.keywords AS keywords,
                           n.order AS `order`, n.basis AS basis ORDER BY id"""),
            new FileSpec("chains/segment_links.csv", List.of("from", "to", "note"), """
                    MATCH (a:Segment)-[x:SUPPLIES]->(b:Segment) WHERE x.dataset = 'chain-map'
                    RETURN a.id AS `from`, b.id AS `to`, x.note AS note ORDER BY `from`, `to`"""),
            new FileSpec("chains/chain_items.csv", List.of("chain", "item", "value", "status", "note"), """
                    MATCH (n:ChainItem) WHERE n.dataset = 'chain-map'
                    RETURN n.chain AS chain, n.item AS item, n.value AS value, n.status AS status, n.note AS note ORDER BY chain, item"""),
            new FileSpec("chains/honours.csv", List.of("name", "level", "kind", "aliases", "note"), """
                    MATCH (n:Honour) WHERE n.dataset = 'rules'
                    RETURN n.name AS name, n.level AS level, n.kind AS kind, n.aliases AS aliases, n.note AS note ORDER BY name"""),
            new FileSpec("chains/target_rules.csv", List.of("indicator", "rule", "ref", "scale_only", "from_year", "note"), """
                    MATCH (i:Indicator)-[x:COUNTS_HONOUR|SUMS_OUTPUT_OF]->(t) WHERE x.dataset = 'rules'
                    RETURN i.id AS indicator, CASE type(x) WHEN 'COUNTS_HONOUR' THEN 'counts-honour' ELSE 'sums-output-of' END AS rule,
                           CASE WHEN t:Programme THEN t.id ELSE t.name END AS ref, x.scaleOnly AS scale_only, x.fromYear AS from_year,
                           x.note AS note ORDER BY indicator"""),
            new FileSpec("chains/chain_services.csv", List.of("chain", "kind", "ref", "note"), """
                    MATCH (x:Platform|Institute)-[s:SERVES]->(ch:Chain) WHERE s.dataset = 'rules'
                    RETURN ch.name AS chain, CASE WHEN x:Platform THEN 'Platform' ELSE 'Institute' END AS kind, x.id AS ref, s.note AS note
                    ORDER BY chain, kind, ref"""),
            new FileSpec("pipeline/usd_rates.csv", List.of("year", "cny_per_usd", "assumed", "source"), """
                    MATCH (n:UsdRate)
                    RETURN n.year AS year, n.cnyPerUsd AS cny_per_usd, n.assumed AS assumed, n.source AS source ORDER BY year"""),
            new FileSpec("tracking/indicator_kinds.csv", List.of("indicator_id", "kind", "note"), """
                    MATCH (n:Indicator) WHERE n.trackingKind IS NOT NULL
                    RETURN n.id AS indicator_id, n.trackingKind AS kind, n.trackingKindNote AS note ORDER BY indicator_id"""));

    private ProgrammeExport() {
    }

    /** Writes every file of {@link #FILES} under {@code out}; returns the data rows written per file. */
    static Map<String, Integer> write(Driver driver, Path out) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Session s = RegisterExport.read(driver)) {
            for (FileSpec f : FILES) {
                Path file = out.resolve(f.path());
                Files.createDirectories(file.getParent());
                counts.put(f.path(), RegisterExport.csv(file, f.columns(), s.run(f.cypher()).list()));
            }
        }
        return counts;
    }
}
