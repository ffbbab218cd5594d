package cn.clustergraph;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.ReadQueries;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * External mode for real, without Docker: the app against a Neo4j server in another process ({@link ExternalNeo4jServer})
 * through {@code neo4j://} with routing and authentication — no embedded DBMS, every schema migration applied to the
 * server, the programme and sample loaded, reads sent in READ mode. The {@code *OnServerIT} classes run other
 * integration tests (imports, rollups with Bolt readers, chain, enterprise and gap reads) against the same server.
 */
@GraphIntegrationTest
@ContextConfiguration(initializers = ExternalNeo4jServer.class)
class ExternalServerIT {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Neo4jClient client;

    @Autowired
    ReadQueries reads;

    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    @Test
    void theAppRunsOnTheServerThroughRoutingWithAuthentication() throws Exception {
        assertThat(embedded.getIfAvailable()).as("no embedded DBMS in external mode").isNull();
        driver.verifyConnectivity();
        // the routing table the neo4j:// driver got: this one server as router, writer and reader
        Map<String, Object> table = client.query("CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers RETURN servers")
                .fetch().one().orElseThrow();
        assertThat(table.get("servers").toString()).contains("127.0.0.1:" + ExternalNeo4jServer.port()).contains("READ").contains("WRITE").contains("ROUTE");
        // authentication is really on: a wrong password is refused
        try (Driver wrong = GraphDatabase.driver("neo4j://127.0.0.1:" + ExternalNeo4jServer.port(), AuthTokens.basic("neo4j", "not-the-password"))) {
            assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
        // every migration file applied to the server
        int files = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/migrations/V*.cypher").length;
        assertThat(client.query("MATCH (m:SchemaMigration) RETURN count(m)").fetchAs(Long.class).one()).contains((long) files);
        assertThat(client.query("SHOW CONSTRAINTS YIELD name RETURN count(*)").fetchAs(Long.class).one().orElseThrow()).isPositive();
        // the programme's facts from the document, loaded into the server
        assertThat(client.query("MATCH (t:Task) RETURN count(t)").fetchAs(Long.class).one()).contains(62L);
        assertThat(new Api(port).get("/api/tasks/42").json().get("lead").asString()).isEqualTo("市经信局");
    }

    @Test
    void readsGoThroughReadTransactionsThatTheServerRefusesToWriteIn() {
        assertThatThrownBy(() -> reads.one("CREATE (n:ShouldNotExist) RETURN n", Map.of()))
                .isInstanceOf(ClientException.class).hasMessageContaining("read");
        assertThat(client.query("MATCH (n:ShouldNotExist) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
    }
}
