package cn.clustergraph.upload;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The corpus of hostile register files ({@code src/test/resources/hostile/}): each is refused through the importer, the
 * upload API and the {@code import-register} command, with a plain message naming the file (and cell) — never a stack
 * trace, never "required column missing" for a file that is not CSV text — and the graph's counts do not change.
 */
@GraphIntegrationTest
class HostileFilesIT {

    static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    static final String DATASET = "hostile-test";

    @LocalServerPort
    int port;
    @Autowired
    RegisterImporter importer;
    @Autowired
    Neo4jClient client;
    @Autowired
    @Qualifier("importRegisterCommand")
    CliCommand importRegister;

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("enterprises-utf16.csv", 1, List.of("looks like UTF-16 text", "UTF-8 (with or without BOM)", "GB18030/GBK")),
                Arguments.of("enterprises-utf16-nobom.csv", 1, List.of("UTF-16 text without a byte-order mark", "UTF-8")),
                Arguments.of("enterprises-binary.csv", 1, List.of("looks like a binary file", "UTF-8")),
                Arguments.of("enterprises-xlsx-renamed.csv", 1, List.of("looks like a ZIP archive or an XLSX workbook")),
                Arguments.of("enterprises-duplicate-header.csv", 1,
                        List.of("column 'name' is in the header twice: column 2 ('name') and column 11 ('名称')")),
                Arguments.of("enterprises-long-cell.csv", 3, List.of("cell is 20000 characters long; at most 10000 are accepted")),
                Arguments.of("register-formula.xlsx", 3, List.of("cell B3 holds a formula (=CONCATENATE(", "paste it as values")),
                Arguments.of("register-duplicate-header.xlsx", 1,
                        List.of("column 'name' is in the header twice: column B ('name') and column K ('名称')")),
                Arguments.of("register-zip-bomb.xlsx", 0, List.of("refused", "zip bomb", "nothing was read")));
    }

    long count(String cypher) {
        return client.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    /** The data in the graph (the audit trail, which records refused uploads, left out). */
    List<Long> counts() {
        return List.of(count("MATCH (n) WHERE NOT n:AuditEvent RETURN count(n)"), count("MATCH ()-[r]->() RETURN count(r)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithAPlainMessageByImporterUploadAndCommandAndNothingChanges(String file, int line, List<String> message) throws Exception {
        Path path = CORPUS.resolve(file);
        cn.clustergraph.Api.adminToken(port);  // signing in writes a token: before the counts are taken
        List<Long> before = counts();

        // the importer
        ImportValidationException e = catchThrowableOfType(ImportValidationException.class,
                () -> importer.load(RegisterSource.of(path), DATASET));
        assertThat(e).as(file).isNotNull();
        assertThat(e.problems()).as(file).anySatisfy(p -> {
            assertThat(p.file()).startsWith(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(message);
        });
        assertThat(e.problems()).extracting(p -> p.message()).noneMatch(m -> m.contains("required column is missing"));
        assertThat(counts()).as(file).isEqualTo(before);

        // the upload API
        var a = new UploadClient(port).upload(Map.of("kind", "register"), file, Files.readAllBytes(path));
        assertThat(a.status()).as(String.valueOf(a.json())).isEqualTo(201);
        JsonNode status = a.json();
        assertThat(status.get("state").asString()).isEqualTo("rejected");
        List<JsonNode> problems = StreamSupport.stream(status.get("problems").spliterator(), false).toList();
        assertThat(problems).as(String.valueOf(status)).anySatisfy(p -> {
            assertThat(p.get("file").asString()).startsWith(file);
            for (String m : message) {
                assertThat(p.get("message").asString()).contains(m);
            }
        });
        assertThat(status.toString()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("required column is missing");
        assertThat(counts()).as(file).isEqualTo(before);

        // the command line
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = importRegister.run(List.of("--file=" + path));
        } finally {
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).contains(file).contains(message).doesNotContain("\tat ").doesNotContain("required column is missing");
        assertThat(counts()).as(file).isEqualTo(before);
    }

    /** A register's own dataset sheet naming another dataset than --dataset: a problem naming both, nothing written. */
    @org.junit.jupiter.api.Test
    void aDatasetSheetNamingAnotherDatasetThanTheOneGivenIsAProblemNamingBoth() throws Exception {
        Path sample = Path.of("import", "sample");
        cn.clustergraph.Api.adminToken(port);
        List<Long> before = counts();
        ImportValidationException e = catchThrowableOfType(ImportValidationException.class,
                () -> importer.load(RegisterSource.of(sample), "my-register", true, (done, total) -> { }));
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("dataset.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("name");
            assertThat(p.message()).contains("'sample-register'").contains("'my-register'");
        });
        assertThat(counts()).isEqualTo(before);

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = importRegister.run(List.of("--file=" + sample, "--dataset=my-register"));
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("'sample-register'").contains("'my-register'");
        assertThat(counts()).isEqualTo(before);

        // without a name given, the sheet names the dataset as before
        var checked = importer.check(RegisterSource.of(sample), "my-register", false, (sheet, row) -> { });
        assertThat(checked.dataset()).isEqualTo("sample-register");
        assertThat(checked.problems()).extracting(p -> p.message()).noneMatch(m -> m.contains("must agree"));
    }
}
