package cn.clustergraph.audit;

import cn.clustergraph.neo4j.CypherTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of the versioning rule as {@link VersionedWrites}' fragments render it, and the two saved reports that pick
 * a latest version: they cannot call Java, so they carry the order as text and this test fails when the rule changes there
 * and not here (or a report is edited on its own).
 */
class VersionedFragmentsTest {

    @Test
    void theFragmentsRenderTheRule() {
        assertThat(CypherTemplate.render("WHERE $E ORDER BY $E", VersionedWrites.recordedBefore("r", "recordedAt"),
                VersionedWrites.latestFirst("r"))).isEqualTo("WHERE r.recordedAt < $before ORDER BY r.version DESC");
        assertThat(CypherTemplate.render("WHERE $E", VersionedWrites.isCurrent("a"))).isEqualTo("WHERE a.current = true");
    }

    @Test
    void theReportsPickingALatestVersionOrderAsTheRuleDoes() throws IOException {
        assertThat(Files.readString(Path.of("cypher/reports/tasks-red-two-quarters.cypher")))
                .contains("ORDER BY " + CypherTemplate.render("$E", VersionedWrites.latestFirst("r")) + " }) AS cur")
                .contains("ORDER BY " + CypherTemplate.render("$E", VersionedWrites.latestFirst("r")) + " }) AS prev");
        assertThat(Files.readString(Path.of("cypher/reports/towns-by-completion.cypher")))
                .contains("ORDER BY " + CypherTemplate.render("$E", VersionedWrites.latestFirst("a")) + " }) AS a");
    }
}
