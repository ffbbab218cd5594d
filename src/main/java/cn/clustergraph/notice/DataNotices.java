package cn.clustergraph.notice;

import cn.clustergraph.register.RegisterChangedEvent;
import cn.clustergraph.web.DataNotice;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Builds the sample banner from the sample datasets in the graph ({@code (:Dataset {sample: true})}: name and notice),
 * and the incomplete-load notice from the registers whose {@code Dataset} says {@code complete = false}; cached until a
 * register is imported or removed, or another writer of datasets says so ({@link #datasetsChanged()}).
 */
@Component
public class DataNotices {

    /** The notice of a sample dataset that names none of its own (and the one the generator writes). */
    public static final String SAMPLE = "样例数据（虚构）Sample data (fictional)";

    private final Neo4jClient client;
    private volatile List<Map<String, Object>> samples;
    private volatile List<String> incomplete;

    DataNotices(Neo4jClient client) {
        this.client = client;
    }

    /** The notice text of registers whose load did not finish. */
    public static String incompleteNotice(List<String> datasets) {
        return "数据集 " + String.join("、", datasets) + " 导入未完成，数据不全（重新导入或删除）Incomplete dataset " + String.join(", ", datasets)
                + ": its load did not finish (rerun the import or remove it)";
    }

    /** The banner when {@code sample} is true or a register's load has not finished, else null. */
    public DataNotice of(boolean sample) {
        List<String> unfinished = incomplete;
        if (unfinished == null) {
            unfinished = List.copyOf(client.query("MATCH (d:Dataset) WHERE d.complete = false RETURN d.name AS name ORDER BY name")
                    .fetchAs(String.class).all());
            incomplete = unfinished;
        }
        if (!sample) {
            return unfinished.isEmpty() ? null : new DataNotice(false, incompleteNotice(unfinished), List.of(), unfinished);
        }
        List<Map<String, Object>> s = samples();
        String notice = s.stream().map(m -> (String) m.get("notice")).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse(SAMPLE);
        return new DataNotice(true, unfinished.isEmpty() ? notice : notice + "；" + incompleteNotice(unfinished),
                s.stream().map(m -> (String) m.get("name")).toList(), unfinished);
    }

    /**
     * The banner when the graph holds any sample dataset, else null: for answers built from rollups over every enterprise
     * (counts and output per segment, chain or stage), which include the sample enterprises when there are any.
     */
    public DataNotice ifAnySample() {
        return of(!samples().isEmpty());
    }

    private List<Map<String, Object>> samples() {
        List<Map<String, Object>> s = samples;
        if (s == null) {
            s = List.copyOf(client.query("MATCH (d:Dataset {sample: true}) RETURN d.name AS name, d.notice AS notice ORDER BY name")
                    .fetch().all());
            samples = s;
        }
        return s;
    }

    @EventListener
    void changed(RegisterChangedEvent e) {
        datasetsChanged();
    }

    /** Forgets the cached datasets: for a writer of {@code Dataset} nodes other than the register importer (its event does this). */
    public void datasetsChanged() {
        samples = null;
        incomplete = null;
    }
}
