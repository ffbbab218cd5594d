package cn.clustergraph;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The running app: health, OpenAPI, problem+json errors, schema in the graph, and Bolt open to outside clients. */
@GraphIntegrationTest
class ApplicationIT {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedNeo4j neo4j;
    @Autowired
    Neo4jClient client;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), port).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithNeo4jAndGraphComponents() throws Exception {
        var r = get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"neo4j\"").contains("\"graph\"").contains("\"schemaVersion\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void openApiAndSwaggerUiAreServed() throws Exception {
        var docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
        var ui = http.send(Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")), port).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    @Test
    void unknownPathIsProblemJson404WithoutStackTrace() throws Exception {
        var r = get("/api/no-such-thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(r.body()).doesNotContain("at cn.").doesNotContain("Exception");
    }

    @Test
    void boltClientCanQueryTheEmbeddedGraphWithTheGeneratedPasswordOnly() throws Exception {
        assertThat(neo4j.boltUri().getHost()).isEqualTo("127.0.0.1");
        String password = java.nio.file.Files.readString(neo4j.home().resolve(EmbeddedNeo4j.BOLT_PASSWORD_FILE)).strip();
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password));
             var session = driver.session()) {
            assertThat(session.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
        }
        try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none()); var session = driver.session()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.run("RETURN 1").consume())
                    .isInstanceOf(org.neo4j.driver.exceptions.SecurityException.class);
        }
    }

    @Test
    void migrationsAreRecordedAndTheCjkFullTextIndexExists() {
        var versions = client.query("MATCH (m:SchemaMigration) RETURN m.version AS v ORDER BY v").fetchAs(Long.class).all();
        assertThat(versions).startsWith(1L, 2L);
        var analyzer = client.query("""
                SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'name_search'
                RETURN options.indexConfig['fulltext.analyzer'] AS a""").fetchAs(String.class).one();
        assertThat(analyzer).contains("cjk");
        List<String> constraints = client.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all().stream().toList();
        assertThat(constraints).contains("task_no", "department_name", "enterprise_id", "source_id");
    }
}
