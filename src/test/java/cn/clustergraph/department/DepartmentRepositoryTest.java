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

/** Spring Data slice over a real embedded Neo4j: a department resolves by name, alias or full name. */
@DataNeo4jTest
@Import(EmbeddedNeo4jConfiguration.class)
@TestPropertySource(properties = {
        "clustergraph.neo4j.embedded.data-dir=target/neo4j-test/slice-${random.uuid}",
        "clustergraph.neo4j.embedded.bolt-port=0",
        "clustergraph.neo4j.embedded.page-cache=64m"})
class DepartmentRepositoryTest {

    @Autowired
    DepartmentRepository repository;
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
        assertThat(repository.findByNameOrAlias("市人社保局")).get().extracting(Department::getName).isEqualTo("市人力社保局");
        assertThat(repository.findByNameOrAlias("平湖市经济和信息化局")).get().extracting(Department::getName).isEqualTo("市经信局");
        assertThat(repository.findById("市经信局")).get().extracting(Department::getAliases).asList().containsExactly("经信局");
        assertThat(repository.findByNameOrAlias("市财政局")).isEmpty();
    }
}
