package cn.clustergraph.neo4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The early start opens the store in the background; the bean takes it, or closing the context closes it. No Spring Boot. */
class EmbeddedNeo4jEarlyStartTest {

    @TempDir
    Path dir;

    private GenericApplicationContext context(Map<String, Object> settings) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
        new EmbeddedNeo4jEarlyStart().initialize(context);
        return context;
    }

    private Map<String, Object> settings() {
        return Map.of("clustergraph.neo4j.embedded.data-dir", dir.toString(), "clustergraph.neo4j.embedded.bolt-port", "0",
                "clustergraph.neo4j.embedded.page-cache", "64m", "clustergraph.neo4j.embedded.tx-log-retention", "1 files",
                // the same settings as EmbeddedNeo4jRestartTest.props (Bolt authentication is on by default)
                "clustergraph.neo4j.embedded.auth-enabled", "false",
                // EmbeddedNeo4jRestartTest.props starts without a memory limit of its own
                "clustergraph.neo4j.embedded.transaction-max-memory", "0");
    }

    @Test
    void theBeanTakesTheDbmsStartedWithTheSameSettings() {
        try (GenericApplicationContext context = context(settings())) {
            EmbeddedNeo4jEarlyStart.Starting starting = context.getBeanFactory().getBean(EmbeddedNeo4jEarlyStart.Starting.class);
            EmbeddedNeo4jProperties props = EmbeddedNeo4jRestartTest.props(dir);
            assertThat(starting.take(new EmbeddedNeo4jProperties(true, dir, 0, "127.0.0.1", false, "64m", "2 files", "0s"), "neo4j", ""))
                    .as("other settings: the caller starts its own").isNull();
            try (EmbeddedNeo4j neo4j = starting.take(props, "neo4j", "")) {
                Object one = neo4j.database().executeTransactionally("RETURN 1 AS one", Map.of(), r -> r.next().get("one"));
                assertThat(one).isEqualTo(1L);
                assertThat(starting.take(props, "neo4j", "")).as("taken once").isNull();
            }
        }
    }

    @Test
    void closingTheContextClosesADbmsNobodyTook() {
        GenericApplicationContext context = context(settings());
        context.refresh();
        context.close();
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(EmbeddedNeo4jRestartTest.props(dir), "neo4j", "")) {
            assertThat(again.boltPort()).isPositive();
        }
    }

    @Test
    void externalModeStartsNothing() {
        try (GenericApplicationContext context = context(Map.of("clustergraph.neo4j.embedded.enabled", "false"))) {
            assertThat(context.getBeanFactory().containsSingleton(EmbeddedNeo4jEarlyStart.BEAN)).isFalse();
        }
    }
}
