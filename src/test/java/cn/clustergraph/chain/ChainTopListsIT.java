package cn.clustergraph.chain;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.chain.ChainRecords.ChainView;
import cn.clustergraph.chain.ChainRecords.EnterpriseRef;
import cn.clustergraph.chain.ChainRecords.SegmentView;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.rollup.RollupNames;
import cn.clustergraph.rollup.RollupService;
import cn.clustergraph.sample.RegisterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain view's segment top lists come from the rows the rollup refresh stores (rollupTopLocalRows /
 * rollupTopCandidateRows) while the rollups are fresh, and are built live otherwise: both ways give the same answer on the
 * sample and after a register is loaded and removed; a change the stored rows have not seen shows only once the rollups
 * are marked stale (then the live rows answer), and a refresh brings the stored rows up to date.
 */
@GraphIntegrationTest
class ChainTopListsIT {

    @Autowired
    ChainService chains;
    @Autowired
    RollupService rollups;
    @Autowired
    RegisterImporter importer;
    @Autowired
    Driver driver;

    @Test
    void storedTopListsEqualTheLiveOnesOnTheSampleAndAfterARegisterChange(@TempDir Path dir) throws Exception {
        try {
            assertThat(rollups.state().stale()).isFalse();
            Map<String, ChainView> stored = views();
            // the sample's real top list: 光电通信's first segment lists its local enterprises, largest first
            SegmentView first = stored.get("光电通信").segments().getFirst();
            assertThat(first.enterprises()).isNotEmpty();
            assertThat(first.enterprises()).isSortedAccordingTo(java.util.Comparator.comparing(
                    (EnterpriseRef e) -> e.output() == null ? -1.0 : e.output()).reversed());
            assertThat(stored.values().stream().flatMap(v -> v.segments().stream()).mapToInt(s -> s.candidates().size()).sum()).isPositive();
            assertThat(liveViews()).as("stale rollups: the rows are built live, the same").isEqualTo(stored);

            rollups.refresh();
            Path generated = dir.resolve("generated");
            RegisterGenerator.generate(300, 91, "top-lists-test", generated, ImportSource.of("import"));
            importer.load(RegisterSource.of(generated), "top-lists-test");
            assertThat(rollups.state().stale()).isFalse();
            Map<String, ChainView> loaded = views();
            assertThat(loaded).as("the stored rows follow the load").isNotEqualTo(stored);
            assertThat(liveViews()).as("after a load").isEqualTo(loaded);

            rollups.refresh();
            importer.remove("top-lists-test");
            assertThat(views()).as("after removing it, back to the sample's").isEqualTo(stored);
        } finally {
            rollups.refresh();
        }
    }

    @Test
    void aChangeTheStoredRowsHaveNotSeenShowsOnceTheRollupsAreStale() {
        EnterpriseRef top = chains.chain("光电通信", 10).segments().getFirst().enterprises().getFirst();
        try {
            // a write that (wrongly) does not mark the rollups changed: the fresh view still shows the stored row
            run("MATCH (e:Enterprise {id: $id}) SET e.name = e.name + '（改）'", top.id());
            assertThat(firstRow().name()).isEqualTo(top.name());
            try (var s = driver.session()) {
                s.executeWriteWithoutResult(RollupService::markChanged);
            }
            assertThat(rollups.state().stale()).isTrue();
            assertThat(firstRow().name()).as("stale: built live").isEqualTo(top.name() + "（改）");
            rollups.refresh();
            assertThat(firstRow().name()).as("refreshed: stored again").isEqualTo(top.name() + "（改）");
            assertThat(stored("OPT-U01").getFirst()).contains(top.name() + "（改）");
        } finally {
            run("MATCH (e:Enterprise {id: $id}) SET e.name = replace(e.name, '（改）', '')", top.id());
            rollups.refresh();
        }
        assertThat(firstRow()).isEqualTo(top);
    }

    private EnterpriseRef firstRow() {
        return chains.chain("光电通信", 10).segments().getFirst().enterprises().getFirst();
    }

    private Map<String, ChainView> views() {
        Map<String, ChainView> out = new java.util.LinkedHashMap<>();
        List<String> names;
        try (var s = driver.session()) {
            names = s.run("MATCH (c:Chain) RETURN c.name AS name ORDER BY name").list(r -> r.get("name").asString());
        }
        names.forEach(c -> out.put(c, chains.chain(c, 50)));
        return out;
    }

    /** The views with the rollups marked stale (the top lists built live); the rollups are left stale. */
    private Map<String, ChainView> liveViews() {
        try (var s = driver.session()) {
            s.executeWriteWithoutResult(RollupService::markChanged);
        }
        assertThat(rollups.state().stale()).isTrue();
        return views();
    }

    private List<String> stored(String segment) {
        try (var s = driver.session()) {
            return s.run("MATCH (s:Segment {id: $id}) RETURN s." + RollupNames.TOP_LOCAL_ROWS + " AS rows", Map.of("id", segment))
                    .single().get("rows").asList(v -> v.asString());
        }
    }

    private void run(String cypher, String id) {
        try (var s = driver.session()) {
            s.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("id", id)).consume());
        }
    }
}
