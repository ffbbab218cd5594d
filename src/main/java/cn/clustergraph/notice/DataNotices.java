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
 * cached until a register is imported or removed.
 */
@Component
public class DataNotices {

    /** The notice of a sample dataset that names none of its own (and the one the generator writes). */
    public static final String SAMPLE = "样例数据（虚构）Sample data (fictional)";

    private final Neo4jClient client;
    private volatile List<Map<String, Object>> samples;

    DataNotices(Neo4jClient client) {
        this.client = client;
    }

    /** The banner when {@code sample} is true, else null. */
    public DataNotice of(boolean sample) {
        if (!sample) {
            return null;
        }
        List<Map<String, Object>> s = samples();
        String notice = s.stream().map(m -> (String) m.get("notice")).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse(SAMPLE);
        return new DataNotice(true, notice, s.stream().map(m -> (String) m.get("name")).toList());
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
        samples = null;
    }
}
