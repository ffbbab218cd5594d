package cn.clustergraph.register;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.sample.RegisterGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.clustergraph.register.RegisterImportIT.A;
import static cn.clustergraph.register.RegisterImportIT.B;
import static cn.clustergraph.register.RegisterImportIT.C;
import static cn.clustergraph.register.RegisterImportIT.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-load path (enterprises new to the graph created with their derived values computed beforehand) writes
 * exactly what the upsert path writes: a reimport of the same register, which goes the upsert way and recomputes shares,
 * latest output, honour names and alias text from the graph, leaves every node and relationship of the dataset
 * unchanged; so does the refresh of every enterprise's derived values (after the chain map changed).
 */
@GraphIntegrationTest
class RegisterFirstLoadIT {

    @Autowired
    RegisterImporter importer;
    @Autowired
    Neo4jClient client;

    @AfterEach
    void cleanUp() {
        for (String d : List.of("test-first", "test-mixed")) {
            importer.remove(d);
        }
    }

    /** Every node and relationship of a dataset with all properties, in a stable order. */
    List<String> snapshot(String dataset) {
        var nodes = client.query("""
                MATCH (n) WHERE n.dataset = $d AND NOT n:Dataset
                RETURN labels(n) AS l, properties(n) AS p""").bind(dataset).to("d").fetch().all().stream()
                .map(r -> r.get("l") + " " + new TreeMap<>((Map<?, ?>) r.get("p")));
        var rels = client.query("""
                MATCH (a)-[r]->(b) WHERE r.dataset = $d
                RETURN type(r) AS t, coalesce(a.id, a.name) AS a, coalesce(b.id, b.name) AS b, properties(r) AS p""")
                .bind(dataset).to("d").fetch().all().stream()
                .map(r -> r.get("a") + " -" + r.get("t") + "-> " + r.get("b") + " " + new TreeMap<>((Map<?, ?>) r.get("p")));
        return java.util.stream.Stream.concat(nodes, rels).sorted().toList();
    }

    @Test
    void aGeneratedRegisterLoadsTheSameByCreateAsByUpsert(@TempDir Path dir) {
        RegisterGenerator.generate(300, 11, "test-first", dir, ImportSource.of(""));
        var first = importer.load(RegisterSource.of(dir), "x");
        List<String> created = snapshot("test-first");
        assertThat(first.graph().get("enterprises")).isEqualTo(300L);
        assertThat(created).anyMatch(s -> s.contains("-IN_SEGMENT->") && s.contains("share=0.5"))
                .anyMatch(s -> s.contains("-HAS_HONOUR->")).anyMatch(s -> s.contains("-SUPPLIES->"));
        importer.load(RegisterSource.of(dir), "x");
        assertThat(snapshot("test-first")).containsExactlyElementsOf(created);
        client.query("""
                MATCH (e:Enterprise {dataset: 'test-first'})-[x:IN_SEGMENT]->()
                SET x.share = 0.0, e.aliasText = 'stale', e.outputRank = 0.0, e.output = null, e.honourNames = []""").run();
        assertThat(snapshot("test-first")).isNotEqualTo(created);
        importer.refreshDerivedValues();
        assertThat(snapshot("test-first")).containsExactlyElementsOf(created);
    }

    @Test
    void newAndExistingEnterprisesInOneRegister(@TempDir Path dir) throws Exception {
        write(dir, "dataset.csv", "name,sample\ntest-mixed,false\n");
        write(dir, "enterprises.csv", "credit_code,name,aliases,local,region,segments,scale\n"
                + A + ",上海测试甲有限公司,测试甲|沪甲,false,上海市浦东新区,OPT-U06|OPT-U01|NEV-M02,true\n");
        importer.load(RegisterSource.of(dir), "x");
        // A now exists; B and C are new: a repeated link is merged, removals of what cannot exist find nothing
        write(dir, "enterprises.csv", "credit_code,name,local,region,segments\n"
                + A + ",上海测试甲有限公司,false,上海市浦东新区,NEV-M02\n"
                + B + ",苏州测试乙有限公司,false,江苏省苏州市吴江区,NEV-M02|OPT-U06|NEV-M03\n"
                + C + ",苏州测试丙有限公司,false,,OPT-U01\n");
        write(dir, "figures.csv", "credit_code,year,output,revenue,remove\n"
                + A + ",2024,500,,\n" + B + ",2023,100,,\n" + B + ",2024,,120,\n" + B + ",2022,,,true\n");
        write(dir, "honours.csv", "credit_code,honour,year,remove\n" + B + ",高企,2022,\n" + B + ",小巨人,2023,\n" + C + ",高企,,true\n");
        write(dir, "supply_links.csv", "supplier,customer,segment,product\n"
                + A + "," + B + ",NEV-M02,电机\n" + A + "," + B + ",NEV-M02,电机\n" + B + "," + C + ",,光棒\n" + C + "," + A + ",OPT-U01,\n");
        var result = importer.load(RegisterSource.of(dir), "x");
        assertThat(result.removed()).containsEntry("figures", 1L).containsEntry("honours", 1L);
        assertThat(result.graph()).containsEntry("enterprises", 3L).containsEntry("figures", 3L).containsEntry("honours", 2L)
                .containsEntry("supplyLinks", 3L);
        var b = client.query("""
                MATCH (e:Enterprise {id: $id})
                RETURN e.output AS output, e.outputYear AS year, e.outputRank AS rank, e.honourNames AS honours, e.aliasText AS aliasText,
                       e.scale AS scale, e.region AS region,
                       COLLECT { MATCH (e)-[x:IN_SEGMENT]->(s) RETURN s.id + ':' + toString(x.share) + ':' + toString(x.primary) ORDER BY s.id } AS segments""")
                .bind(B).to("id").fetch().one().orElseThrow();
        assertThat(b).containsEntry("output", 100.0).containsEntry("year", 2023L).containsEntry("rank", 100.0)
                .containsEntry("honours", List.of("专精特新“小巨人”", "高新技术企业")).containsEntry("aliasText", "")
                .containsEntry("scale", false).containsEntry("region", "江苏省苏州市吴江区")
                .containsEntry("segments", List.of("NEV-M02:0.25:true", "NEV-M03:0.25:false", "OPT-U06:0.5:false"));
        // the existing enterprise keeps its segments, aliases and scale (the register does not remove them), output updated
        var a = client.query("""
                MATCH (e:Enterprise {id: $id})
                RETURN e.output AS output, e.aliasText AS aliasText, e.scale AS scale,
                       COLLECT { MATCH (e)-[x:IN_SEGMENT]->(s) RETURN s.id + ':' + toString(x.share) + ':' + toString(x.primary) ORDER BY s.id } AS segments""")
                .bind(A).to("id").fetch().one().orElseThrow();
        assertThat(a).containsEntry("output", 500.0).containsEntry("aliasText", "测试甲 沪甲").containsEntry("scale", true)
                .containsEntry("segments", List.of("NEV-M02:0.5:true", "OPT-U01:0.25:false", "OPT-U06:0.25:false"));
        List<String> before = snapshot("test-mixed");
        importer.load(RegisterSource.of(dir), "x");
        assertThat(snapshot("test-mixed")).containsExactlyElementsOf(before);
    }
}
