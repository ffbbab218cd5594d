package cn.clustergraph.report;

import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.QueryType;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code cypher/reports/} — so a report added without care fails the build: its header parses, every
 * parameter has a default, Neo4j plans it as READ_ONLY, it runs with its defaults, and it returns the declared columns.
 */
@GraphIntegrationTest
class ReportLibraryIT {

    @Autowired
    ReportCatalog catalog;
    @Autowired
    ReportRunner runner;
    @Autowired
    Driver driver;

    static Stream<String> reportFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cypher/reports"))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cypher")).sorted()
                    .map(f -> f.substring(0, f.length() - ".cypher".length())).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportFiles")
    void parsesIsReadOnlyAndRunsWithItsDefaults(String name) throws IOException {
        Report fromFile = ReportParser.parse(name, Report.BUNDLED, name, Files.readString(Path.of("cypher/reports", name + ".cypher")));
        assertThat(fromFile.errors()).as("header of %s", name).isEmpty();
        assertThat(fromFile.title()).isNotBlank();
        assertThat(fromFile.titleEn()).isNotBlank();
        assertThat(fromFile.description()).isNotBlank();
        assertThat(fromFile.parameters()).as("bundled reports need a default for every parameter")
                .noneMatch(Report.Param::required);
        assertThat(fromFile.columns()).allMatch(c -> !c.description().isBlank(), "every column is described");

        Report bundled = catalog.find(name).orElseThrow();
        assertThat(bundled.origin()).as("the jar carries it").isEqualTo(Report.BUNDLED);
        assertThat(bundled.query()).isEqualTo(fromFile.query());

        Map<String, Object> defaults = new HashMap<>();
        fromFile.parameters().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        try (var session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            QueryType type = session.executeRead(tx -> tx.run("EXPLAIN " + fromFile.query(), defaults).consume().queryType());
            assertThat(type).isEqualTo(QueryType.READ_ONLY);
        }

        ReportResult result = runner.run(name, Map.of());
        assertThat(result.columns()).as("RETURN columns of %s match its @column lines", name).isEqualTo(fromFile.columnNames());
        assertThat(result.parameters()).isEqualTo(defaults);
        assertThat(result.truncated()).isFalse();
    }
}
