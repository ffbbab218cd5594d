package cn.clustergraph.migration;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start interrupted while a migration created a constraint can leave the constraint's backing index behind, alone,
 * under the constraint's name: the next start drops that orphan and builds the constraint (which then holds), instead
 * of failing with "There already exists an index called ..." at every start. Its own fresh store and migration folder.
 */
class MigrationRunnerIT {

    @TempDir
    Path tmp;

    @Test
    void anIndexLeftWithoutItsConstraintIsDroppedAndTheConstraintBuilt() {
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, tmp.resolve("neo4j"), 0, "127.0.0.1", false, "64m",
                "1 files", "0s"), "neo4j", "");
             Driver driver = GraphDatabase.driver(store.boltUri(), AuthTokens.none());
             Session s = driver.session()) {
            // what the interrupted start left: the index, named as the constraint, and no constraint
            s.run("CREATE INDEX orphan_probe_id FOR (n:OrphanProbe) ON (n.id)").consume();
            s.run("CALL db.awaitIndexes(60)").consume();

            MigrationRunner runner = new MigrationRunner(driver, "classpath:migration-orphan/");
            assertThat(runner.migrate()).containsExactly("V900__orphan_test.cypher");
            assertThat(runner.currentVersion()).isEqualTo(900);

            assertThat(s.run("SHOW CONSTRAINTS YIELD name, type WHERE name = 'orphan_probe_id' RETURN type").list(r -> r.get("type").asString()))
                    .singleElement().asString().contains("UNIQUENESS");
            assertThat(s.run("SHOW INDEXES YIELD name, owningConstraint WHERE name = 'orphan_probe_id' RETURN owningConstraint")
                    .list(r -> r.get("owningConstraint").asString())).containsExactly("orphan_probe_id");
            s.run("CREATE (:OrphanProbe {id: 1})").consume();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.run("CREATE (:OrphanProbe {id: 1})").consume())
                    .as("the constraint holds").hasMessageContaining("already exists");
            // a second start has nothing to do
            assertThat(runner.migrate()).isEmpty();
        }
    }
}
