package cn.clustergraph;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode against a Neo4j server in a container (where Docker exists; skipped cleanly elsewhere):
 * no embedded DBMS starts, schema and programme load into the server.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "clustergraph.neo4j.embedded.enabled=false")
@ActiveProfiles("test")
class ExternalNeo4jContainerIT {

    @Container
    @ServiceConnection
    static Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08").withoutAuthentication();

    @Autowired
    Neo4jClient client;

    @Test
    void loadsTheProgrammeIntoTheExternalServer() {
        assertThat(client.query("MATCH (t:Task) RETURN count(t)").fetchAs(Long.class).one()).contains(62L);
    }
}
