package cn.clustergraph.tracking;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.programme.ProgrammeImportedEvent;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks each indicator with its kind (flow / cumulative / level / text) from {@code import/tracking/indicator_kinds.csv} —
 * our interpretation, stored as {@code trackingKind} with {@code trackingKindAssumed: true} — at every start and after
 * every programme import; an unknown kind or indicator stops with file, line and column.
 */
@Component
@Order(16)
class IndicatorKindLoader implements StartupDataLoader {

    static final String FILE = "tracking/indicator_kinds.csv";

    private final Neo4jClient client;
    private final ImportProperties props;
    private final TrackingService tracking;

    IndicatorKindLoader(Neo4jClient client, ImportProperties props, TrackingService tracking) {
        this.client = client;
        this.props = props;
        this.tracking = tracking;
    }

    @Override
    public String name() {
        return "indicator-kinds";
    }

    @Override
    @Transactional
    public String loadOnStartup() {
        byte[] bytes = props.source().read(FILE);
        if (bytes == null) {
            return "no " + FILE + " in " + props.source().describe() + ": indicator kinds follow the default rule";
        }
        ImportProblems problems = new ImportProblems();
        CsvTable table = CsvTable.parse(FILE, bytes, problems);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (table != null && table.requireColumns(problems, "indicator_id", "kind", "note")) {
            List<String> known = List.copyOf(client.query("MATCH (i:Indicator) RETURN i.id AS id").fetchAs(String.class).all());
            for (CsvTable.Row row : table.rows()) {
                String id = row.get("indicator_id");
                IndicatorKind kind = IndicatorKind.parse(row.get("kind"));
                if (kind == null) {
                    problems.add(row, "kind", "kind must be FLOW, CUMULATIVE, LEVEL or TEXT, not '" + row.get("kind") + "'");
                }
                if (!known.isEmpty() && !known.contains(id)) {
                    problems.add(row, "indicator_id", "no indicator '" + id + "' in the programme");
                }
                Map<String, Object> m = new HashMap<>();
                m.put("id", id);
                m.put("kind", kind == null ? null : kind.name());
                m.put("note", row.get("note"));
                rows.add(m);
            }
        }
        problems.throwIfAny(FILE);
        tracking.forgetIndicators();
        long n = client.query("""
                        UNWIND $rows AS r
                        MATCH (i:Indicator {id: r.id})
                        SET i.trackingKind = r.kind, i.trackingKindAssumed = true, i.trackingKindNote = r.note
                        RETURN count(i) AS n""")
                .bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
        tracking.forgetIndicators();
        return n + " indicators marked with their kind (assumed)";
    }

    @EventListener
    void programmeImported(ProgrammeImportedEvent e) {
        loadOnStartup();
    }
}
