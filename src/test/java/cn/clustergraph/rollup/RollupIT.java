package cn.clustergraph.rollup;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.sample.RegisterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every maintained rollup (segments, chains, clusters, the programme, honours, chain × stage cells, ranked-list bookmarks,
 * segment tops) equals the live Cypher aggregation on generated data: after the startup load, after loading a second
 * generated register, after reloading it unchanged, after a partial update through the importer and after removing it.
 */
@GraphIntegrationTest
class RollupIT {

    static final String DATASET = "rollup-test";

    @Autowired
    RegisterImporter importer;
    @Autowired
    RollupService rollups;
    @Autowired
    Driver driver;
    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    @Test
    void everyRollupEqualsTheLiveAggregationAfterLoadsReloadsPartialUpdatesAndRemoval(@TempDir Path dir) throws IOException {
        assertThat(rollups.differences()).as("sample register, after startup").isEmpty();
        Map<String, Map<String, Object>> before = rollups.stored();
        Path generated = dir.resolve("generated");
        var summary = RegisterGenerator.generate(300, 77, DATASET, generated, ImportSource.of("import"));
        try {
            importer.load(RegisterSource.of(generated), DATASET);
            Map<String, Map<String, Object>> loaded = rollups.stored();
            assertThat(rollups.differences()).as("after loading a generated register").isEmpty();
            assertThat(programme(loaded, "rollupEnterprises") - programme(before, "rollupEnterprises")).isEqualTo(summary.enterprises());
            assertThat(programme(loaded, "rollupLocal") - programme(before, "rollupLocal")).isEqualTo(summary.local());

            importer.load(RegisterSource.of(generated), DATASET);
            assertThat(rollups.differences()).as("after reloading it").isEmpty();
            assertThat(RollupService.differences(rollups.stored(), loaded)).as("a reload changes no rollup").isEmpty();

            Path partial = partialUpdate(generated, dir.resolve("partial"));
            importer.load(RegisterSource.of(partial), DATASET);
            Map<String, Map<String, Object>> updated = rollups.stored();
            assertThat(rollups.differences()).as("after a partial update").isEmpty();
            assertThat(programme(updated, "rollupEnterprises")).isEqualTo(programme(loaded, "rollupEnterprises") - 1);
            assertThat(RollupService.differences(updated, loaded)).as("the partial update moved rollups").isNotEmpty();
        } finally {
            importer.remove(DATASET);
        }
        assertThat(rollups.differences()).as("after removing it").isEmpty();
        assertThat(RollupService.differences(rollups.stored(), before)).as("back to the sample's rollups").isEmpty();
    }

    /** Several concurrent readers, in-process and over Bolt (as against an external server), give the same rollups. */
    @Test
    void concurrentReadersInProcessAndOverBoltGiveTheSameRollups() {
        Map<String, Map<String, Object>> before = rollups.stored();
        var noEmbedded = new org.springframework.beans.factory.support.DefaultListableBeanFactory().getBeanProvider(EmbeddedNeo4j.class);
        try {
            new RollupService(driver, embedded, 3, 0).refresh();
            assertThat(rollups.differences()).as("three in-process readers").isEmpty();
            new RollupService(driver, noEmbedded, 2, 0).refresh();
            assertThat(rollups.differences()).as("two readers over Bolt").isEmpty();
            assertThat(RollupService.differences(rollups.stored(), before)).isEmpty();
        } finally {
            rollups.refresh();
        }
    }

    /** The live aggregation sees a stored rollup that is off. */
    @Test
    void aWrongStoredValueIsReported() {
        var stored = rollups.stored();
        var wrong = new java.util.LinkedHashMap<>(stored);
        String key = stored.keySet().stream().filter(k -> k.startsWith("Segment:")).findFirst().orElseThrow();
        var props = new java.util.LinkedHashMap<>(stored.get(key));
        props.put("rollupLocal", ((Number) props.get("rollupLocal")).longValue() + 1);
        wrong.put(key, props);
        assertThat(RollupService.differences(wrong, stored)).singleElement().asString().startsWith(key + " rollupLocal");
    }

    private static long programme(Map<String, Map<String, Object>> rollups, String property) {
        return rollups.entrySet().stream().filter(e -> e.getKey().startsWith("Programme:"))
                .mapToLong(e -> ((Number) e.getValue().get(property)).longValue()).sum();
    }

    /**
     * A register touching the generated one: a local enterprise moves town and swaps its primary segment for another, a
     * second is removed, a third reports a new year, one honour and one supply link are removed.
     */
    private static Path partialUpdate(Path generated, Path out) throws IOException {
        Files.createDirectories(out);
        Files.copy(generated.resolve("dataset.csv"), out.resolve("dataset.csv"));
        List<String[]> enterprises = rows(generated, "enterprises.csv");
        List<String[]> local = enterprises.stream().filter(r -> r[3].equals("true")).toList();
        String[] mover = local.get(0);
        String[] other = local.stream().filter(r -> !r[4].equals(mover[4]) && !r[9].split("\\|")[0].equals(mover[9].split("\\|")[0]))
                .findFirst().orElseThrow();
        String oldPrimary = mover[9].split("\\|")[0];
        String newSegment = other[9].split("\\|")[0];
        String[] removed = local.get(1);
        String[] reporter = local.get(2);
        write(out, "enterprises.csv", "credit_code,name,aliases,local,town,region,platforms,scale,chain_leader,segments,remove",
                String.join(",", mover[0], mover[1], "", "true", other[4], "", "", mover[7], mover[8], newSegment + "|-" + oldPrimary, ""),
                String.join(",", removed[0], removed[1], "", "true", removed[4], "", "", removed[7], removed[8], removed[9], "true"));
        write(out, "figures.csv", "credit_code,year,output,revenue", reporter[0] + ",2025,123456.7,");
        String[] honour = rows(generated, "honours.csv").stream().filter(r -> !r[0].equals(removed[0])).findFirst().orElseThrow();
        write(out, "honours.csv", "credit_code,honour,year,remove", String.join(",", honour[0], honour[1], honour[2], "true"));
        String[] link = rows(generated, "supply_links.csv").stream()
                .filter(r -> !r[0].equals(removed[0]) && !r[1].equals(removed[0])).findFirst().orElseThrow();
        write(out, "supply_links.csv", "supplier,customer,segment,product,remove", String.join(",", link[0], link[1], link[2], link[3], "true"));
        return out;
    }

    private static List<String[]> rows(Path dir, String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    private static void write(Path dir, String file, String header, String... rows) throws IOException {
        Files.writeString(dir.resolve(file), header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }
}
