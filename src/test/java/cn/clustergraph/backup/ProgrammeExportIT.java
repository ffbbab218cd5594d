package cn.clustergraph.backup;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.indicator.RulesImporter;
import cn.clustergraph.programme.ProgrammeFiles;
import cn.clustergraph.programme.ProgrammeImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export of every dataset that is not a register, read back by the importers: the programme and chain maps give the
 * importer's validated rows of the files they came from (the same rows, the same expected counts) and load into the graph
 * leaving the same counts; the rules load back unchanged and export to the same bytes; USD rates and indicator kinds are
 * the files' values.
 */
@GraphIntegrationTest
class ProgrammeExportIT {

    @Autowired
    Driver driver;

    @Autowired
    ImportProperties imports;

    @Autowired
    ProgrammeImporter programme;

    @Autowired
    RulesImporter rules;

    @TempDir
    Path tmp;

    @Test
    void theExportIsTheImportedDataInTheImportFormatAndLoadsBackToTheSameGraph() throws Exception {
        Path out = tmp.resolve("export");
        Map<String, Integer> counts = ProgrammeExport.write(driver, out);
        assertThat(counts).containsEntry("programme/tasks.csv", 62).containsEntry("programme/programme.csv", 1)
                .containsEntry("chains/chains.csv", 8).containsEntry("tracking/indicator_kinds.csv", rows(imports.source(), "tracking/indicator_kinds.csv").size());
        assertThat(counts.values()).as("no empty file: %s", counts).allMatch(n -> n > 0);
        for (ProgrammeExport.FileSpec f : ProgrammeExport.FILES) {
            assertThat(Files.readAllLines(out.resolve(f.path())).getFirst()).as(f.path())
                    .isEqualTo(new String(imports.source().read(f.path()), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow()
                            .replace("\uFEFF", ""));
        }

        // the programme and the chain maps: the importer's own reading of the export is its reading of the files loaded
        ImportSource exported = new ImportSource.Directory(out);
        ProgrammeFiles.Data original = new ProgrammeFiles(imports.source()).read();
        ProgrammeFiles.Data again = new ProgrammeFiles(exported).read();
        assertThat(again.rows().keySet()).isEqualTo(original.rows().keySet());
        original.rows().forEach((k, rows) -> assertThat(again.rows().get(k)).as(k).containsExactlyInAnyOrderElementsOf(rows));
        assertThat(again.expectedLabels()).isEqualTo(original.expectedLabels());
        assertThat(again.expectedTypes()).isEqualTo(original.expectedTypes());

        // loaded into the graph it changes no count; the rules (honours, target rules, chain services) load back unchanged
        GraphFingerprint before = GraphFingerprint.of(driver);
        ProgrammeImporter.Result loaded = programme.load(exported);
        assertThat(loaded.verified()).as(loaded.summary()).isTrue();
        assertThat(rules.load(exported)).contains("12 honours").contains("13 target rules").contains("11 chain services");
        GraphFingerprint after = GraphFingerprint.of(driver);
        assertThat(withoutAudit(after.labels())).isEqualTo(withoutAudit(before.labels()));
        assertThat(after.types()).isEqualTo(before.types());
        Path second = tmp.resolve("export-2");
        ProgrammeExport.write(driver, second);
        for (ProgrammeExport.FileSpec f : ProgrammeExport.FILES) {
            assertThat(Files.readString(second.resolve(f.path()))).as(f.path()).isEqualTo(Files.readString(out.resolve(f.path())));
        }

        // USD rates and indicator kinds: the files' values (numbers compared as numbers)
        for (String f : List.of("pipeline/usd_rates.csv", "tracking/indicator_kinds.csv", "chains/chain_services.csv", "chains/segments.csv")) {
            assertThat(rows(exported, f)).as(f).containsExactlyInAnyOrderElementsOf(rows(imports.source(), f));
        }
    }

    private static Map<String, Long> withoutAudit(Map<String, Long> labels) {
        Map<String, Long> m = new LinkedHashMap<>(labels);
        m.remove("AuditEvent");
        return m;
    }

    /** A file's rows as sets of column=value, numbers normalised (7.10 = 7.1), blanks dropped. */
    private static Set<Map<String, String>> rows(ImportSource source, String file) {
        ImportProblems problems = new ImportProblems();
        CsvTable t = CsvTable.parse(file, source.read(file), problems);
        assertThat(problems.size()).isZero();
        Set<Map<String, String>> out = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            Map<String, String> m = new LinkedHashMap<>();
            r.cells().forEach((k, v) -> {
                String s = v == null ? "" : v.strip();
                if (s.matches("-?\\d+(\\.\\d+)?")) {
                    s = new BigDecimal(s).stripTrailingZeros().toPlainString();
                }
                if (!s.isEmpty()) {
                    m.put(k, s);
                }
            });
            out.add(m);
        }
        return out;
    }
}
