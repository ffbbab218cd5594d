package cn.clustergraph.programme;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.rollup.RollupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The programme importer against the real graph: idempotent, all-or-nothing, precise errors, Excel encodings. */
@GraphIntegrationTest
class ProgrammeImporterIT {

    @Autowired
    ProgrammeImporter importer;
    @Autowired
    Driver driver;

    /** Every node and relationship of the programme and chain-map data with all properties, in a stable order. */
    String snapshot() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> {
                var nodes = tx.run("""
                        MATCH (n) WHERE n.dataset IN ['programme', 'chain-map']
                        RETURN labels(n) AS l, properties(n) AS p""")
                        .list(r -> r.get("l").asList().toString() + withoutRollups(r.get("p").asMap()));
                var rels = tx.run("""
                        MATCH (a)-[r]->(b) WHERE r.dataset IN ['programme', 'chain-map']
                        RETURN coalesce(a.id, toString(a.no), a.name) + '-' + type(r) + '->' + coalesce(b.id, toString(b.no), b.name) AS k,
                               properties(r) AS p""")
                        .list(r -> r.get("k").asString() + new java.util.TreeMap<>(r.get("p").asMap()));
                return nodes.size() + " nodes, " + rels.size() + " relationships\n"
                        + String.join("\n", nodes.stream().sorted().toList()) + String.join("\n", rels.stream().sorted().toList());
            });
        }
    }

    /** Properties without the derived rollup aggregates, which every import recomputes (with a fresh timestamp). */
    static java.util.TreeMap<String, Object> withoutRollups(java.util.Map<String, Object> properties) {
        java.util.TreeMap<String, Object> data = new java.util.TreeMap<>(properties);
        data.keySet().removeIf(k -> k.startsWith("rollup"));
        return data;
    }

    long totalNodes() {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
        }
    }

    @Test
    void rerunningTheImportChangesNothing() {
        String before = snapshot();
        var result = importer.load(ImportSource.of(null));
        assertThat(result.verified()).as(result.mismatches().toString()).isTrue();
        assertThat(result.labels()).containsEntry("Task", 62L).containsEntry("Town", 8L).containsEntry("Chain", 8L);
        assertThat(snapshot()).isEqualTo(before);
    }

    long count(String cypher) {
        try (var s = driver.session()) {
            return s.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    @Test
    void rowsRemovedFromTheFilesLeaveTheGraphAndNothingElseDoes(@TempDir Path dir) throws IOException {
        String before = snapshot();
        long concerns = count("MATCH (:Task)-[r:CONCERNS]->() RETURN count(r)");
        long items = count("MATCH (i:ChainItem) RETURN count(i)");
        long register = count("MATCH (e:Enterprise {dataset: 'sample-register'}) RETURN count(e)");
        long registerLinks = count("MATCH (:Enterprise {dataset: 'sample-register'})-[r]->() RETURN count(r)");
        copyBundled(dir);
        Path mentions = dir.resolve("programme/mentions.csv");
        List<String> ml = Files.readAllLines(mentions);
        Files.write(mentions, ml.subList(0, ml.size() - 1));
        Path chainItems = dir.resolve("chains/chain_items.csv");
        List<String> cl = Files.readAllLines(chainItems);
        Files.write(chainItems, cl.subList(0, cl.size() - 1));
        try {
            assertThat(importer.load(ImportSource.of(dir.toString())).verified()).isTrue();
            assertThat(count("MATCH (:Task)-[r:CONCERNS]->() RETURN count(r)")).isEqualTo(concerns - 1);
            assertThat(count("MATCH (i:ChainItem) RETURN count(i)")).isEqualTo(items - 1);
            assertThat(count("MATCH (e:Enterprise {dataset: 'sample-register'}) RETURN count(e)")).isEqualTo(register);
            assertThat(count("MATCH (:Enterprise {dataset: 'sample-register'})-[r]->() RETURN count(r)")).isEqualTo(registerLinks);
        } finally {
            importer.load(ImportSource.of(null));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void brokenFilesAreRejectedWithFileLineColumnAndNothingIsWritten(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path tasks = dir.resolve("programme/tasks.csv");
        List<String> lines = Files.readAllLines(tasks);
        // line 3 = task 2: unknown department; line 4 = task 3: number that does not parse
        lines.set(2, lines.get(2).replace("市自然资源和规划局|市经信局", "市自然资源和规划局|市不存在局"));
        lines.set(3, lines.get(3).replaceFirst("^3,", "三,"));
        Files.write(tasks, lines);
        Path targets = dir.resolve("programme/targets.csv");
        List<String> tl = Files.readAllLines(targets);
        tl.set(1, tl.get(1).replace(",50,>=,", ",5O,>=,"));
        Files.write(targets, tl);
        String before = snapshot();
        long nodes = totalNodes();

        assertThatThrownBy(() -> importer.load(ImportSource.of(dir.toString())))
                .isInstanceOfSatisfying(ImportValidationException.class, e -> assertThat(e.problems())
                        .extracting(Object::toString)
                        .contains("programme/tasks.csv:3:departments: unknown department '市不存在局' (not a name or alias in programme/departments.csv)",
                                "programme/tasks.csv:4:no: '三' is not a whole number",
                                "programme/targets.csv:2:value: '5O' is not a number"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(totalNodes()).isEqualTo(nodes);
    }

    @Test
    void missingColumnsDuplicateKeysAndBadReferencesAreAllReported(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path towns = dir.resolve("programme/towns.csv");
        List<String> lines = Files.readAllLines(towns);
        lines.set(0, lines.get(0).replace(",order,", ",ord,"));
        Files.write(towns, lines);
        Path measures = dir.resolve("programme/measures.csv");
        List<String> ml = Files.readAllLines(measures);
        ml.add(ml.get(1));
        Files.write(measures, ml);
        Path links = dir.resolve("chains/segment_links.csv");
        Files.writeString(links, Files.readString(links) + "NEV-U01,NO-SUCH,x\n");
        assertThatThrownBy(() -> importer.load(ImportSource.of(dir.toString())))
                .isInstanceOfSatisfying(ImportValidationException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .contains("programme/towns.csv:1:order: required column is missing from the header",
                                "programme/measures.csv:" + ml.size() + ":id: duplicate key 'M01'")
                        .anyMatch(p -> p.startsWith("chains/segment_links.csv:") && p.endsWith(":to: unknown segment 'NO-SUCH'")));
    }

    @Test
    void gb18030AndUtf8BomFilesFromExcelReadTheSame(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path tasks = dir.resolve("programme/tasks.csv");
        Files.write(tasks, Files.readString(tasks).replace("\n", "\r\n").getBytes(Charset.forName("GB18030")));
        Path departments = dir.resolve("programme/departments.csv");
        byte[] utf8 = Files.readAllBytes(departments);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Files.write(departments, bom);
        String before = snapshot();
        var result = importer.load(ImportSource.of(dir.toString()));
        assertThat(result.verified()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        CsvTable parsed = CsvTable.parse("t.csv", Files.readAllBytes(tasks), new ImportProblems());
        assertThat(parsed.charset().name()).isEqualTo("GB18030");
        assertThat(parsed.rows().get(51).get("departments")).isEqualTo("市金融发展服务中心|人行平湖市支行|嘉兴银保监分局平湖监管组");
    }

    /**
     * Re-importing the chain map the enterprises' shares were computed from leaves them valid (only the rollups are
     * refreshed); a chain map other than that one makes them stale, and they are recomputed, recording the map used
     * (RollupService.markChainMapChanged, register.SharesOnProgrammeImport).
     */
    @Test
    void onlyAnotherSegmentToChainMapRecomputesTheShares() {
        try (var s = driver.session()) {
            List<String> map = s.executeRead(RollupService::segmentChains);
            assertThat(map).hasSize(102).contains("OPT-U01>光电通信");
            long gen = s.executeRead(RollupService::state).sharesGeneration();
            s.executeWriteWithoutResult(tx -> RollupService.sharesDone(tx, gen, map));
            RollupService.State before = s.executeRead(RollupService::state);
            assertThat(before.sharesStale()).isFalse();

            importer.load(ImportSource.of(null));
            RollupService.State same = s.executeRead(RollupService::state);
            assertThat(same.dataGeneration()).isGreaterThan(before.dataGeneration());
            assertThat(same.sharesGeneration()).as("same map: shares left as they are").isEqualTo(before.sharesGeneration());
            assertThat(same.stale()).as("the rollups were refreshed").isFalse();

            // the shares were computed from a map where OPT-U01 belonged to another chain: this import moves it back
            List<String> other = map.stream().map(x -> x.equals("OPT-U01>光电通信") ? "OPT-U01>生物医药" : x).toList();
            s.executeWriteWithoutResult(tx -> RollupService.sharesDone(tx, gen, other));
            importer.load(ImportSource.of(null));
            RollupService.State moved = s.executeRead(RollupService::state);
            assertThat(moved.sharesGeneration()).as("another map: shares marked stale").isEqualTo(before.sharesGeneration() + 1);
            assertThat(moved.sharesDoneGeneration()).as("and recomputed").isEqualTo(moved.sharesGeneration());
            assertThat(moved.stale()).isFalse();
            List<String> recorded = s.executeRead(tx -> tx.run("MATCH (g:RollupState {id: 'rollups'}) RETURN g.sharesSegmentChains AS m")
                    .single().get("m").asList(v -> v.asString()));
            assertThat(recorded).isEqualTo(map);
        }
    }

    @Test
    void csvParserReportsBrokenQuotingWithLines() {
        ImportProblems p = new ImportProblems();
        CsvTable t = CsvTable.parse("x.csv", "a,b\n1,\"two\nlines\"\n3,\"unclosed\n".getBytes(StandardCharsets.UTF_8), p);
        assertThat(t.rows().getFirst().get("b")).isEqualTo("two\nlines");
        assertThat(p.list()).extracting(Object::toString).contains("x.csv:4: quoted cell is never closed");
    }

    static void copyBundled(Path dir) throws IOException {
        for (String f : List.of("programme/programme.csv", "programme/sources.csv", "programme/sections.csv", "programme/measures.csv",
                "programme/tasks.csv", "programme/departments.csv", "programme/department_doubts.csv", "programme/towns.csv",
                "programme/indicators.csv", "programme/targets.csv", "programme/platforms.csv", "programme/institutes.csv",
                "programme/enterprises.csv", "programme/mentions.csv", "chains/clusters.csv", "chains/chains.csv", "chains/segments.csv",
                "chains/segment_links.csv", "chains/chain_items.csv")) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            Files.write(target, new ImportSource.Bundled().read(f));
        }
    }
}
