package cn.clustergraph.department;

import cn.clustergraph.neo4j.EmbeddedNeo4jConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.neo4j.test.autoconfigure.DataNeo4jTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Over a real embedded Neo4j: the one naming rule ({@link DepartmentNames#RESOLVE}) finds a department by name, alias or full name. */
@DataNeo4jTest
@Import(EmbeddedNeo4jConfiguration.class)
@TestPropertySource(properties = {
        "clustergraph.neo4j.embedded.data-dir=target/neo4j-test/slice-${random.uuid}",
        "clustergraph.neo4j.embedded.bolt-port=0",
        "clustergraph.neo4j.embedded.page-cache=64m"})
class DepartmentNamesTest {

    @Autowired
    Neo4jClient client;

    @BeforeEach
    void data() {
        client.query("MATCH (d:Department) DETACH DELETE d").run();
        client.query("""
                CREATE (:Department {name: '市人力社保局', fullName: '平湖市人力资源和社会保障局', aliases: ['市人社保局', '人社局']}),
                       (:Department {name: '市经信局', fullName: '平湖市经济和信息化局', aliases: ['经信局']})""").run();
    }

    @Test
    void findsByCanonicalNameAliasOrFullName() {
        assertThat(resolve("市人社保局")).contains("市人力社保局");
        assertThat(resolve("人社局")).contains("市人力社保局");
        assertThat(resolve("平湖市经济和信息化局")).contains("市经信局");
        assertThat(resolve("市经信局")).contains("市经信局");
        assertThat(resolve("市财政局")).isEmpty();
    }

    /** The responsibility sheet resolves its department with this rule inside its own query (no round trip first); other reports do not. */
    @Test
    void theResponsibilitySheetResolvesItsDepartmentItself() throws java.io.IOException {
        assertThat(DepartmentService.resolvedIn(java.nio.file.Files.readString(
                java.nio.file.Path.of("cypher/reports/department-responsibility-sheet.cypher")), "department")).isTrue();
        assertThat(DepartmentService.resolvedIn(java.nio.file.Files.readString(
                java.nio.file.Path.of("cypher/reports/tasks-by-lead-department.cypher")), "department")).isFalse();
    }

    private java.util.Optional<String> resolve(String name) {
        return client.query("CALL () { " + DepartmentNames.RESOLVE + " } RETURN d.name AS name").bind(name).to("name")
                .fetchAs(String.class).one();
    }
}
