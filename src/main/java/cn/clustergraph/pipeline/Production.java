package cn.clustergraph.pipeline;

import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.web.BadRequestException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What 投产 does to the register: the lead's enterprise becomes a local enterprise of its segments — a new {@code Enterprise}
 * or an update of the existing one — written by the register's own importer (validation, derived values, shares) as a
 * register of its own ({@code pipeline-<lead id>}, sample when the enterprise or lead is sample data), after which the
 * importer refreshes the rollups and the gap rule restates each segment's status. Nothing is written when the enterprise
 * already is a local enterprise of every segment (a local enterprise's 增资扩产 project).
 */
@Component
class Production {

    static final String DATASET_PREFIX = "pipeline-";

    private final Neo4jClient client;
    private final RegisterImporter importer;

    Production(Neo4jClient client, RegisterImporter importer) {
        this.client = client;
        this.importer = importer;
    }

    /** The register dataset a lead's 投产 writes. */
    static String dataset(String leadId) {
        return DATASET_PREFIX + leadId.toLowerCase(Locale.ROOT);
    }

    /**
     * Makes the enterprise local in {@code segments}; returns the dataset written, or null when nothing had to change.
     *
     * @throws BadRequestException naming the field that is missing (credit code, town) or what the register refused
     */
    @SuppressWarnings("unchecked")
    String produce(String leadId, String enterpriseId, String name, String creditCode, List<String> segments, String town, boolean sampleLead) {
        String code = enterpriseId != null ? enterpriseId : creditCode;
        Map<String, Object> existing = code == null ? null : client.query("""
                        MATCH (e:Enterprise {id: $id})
                        RETURN e.local AS local, coalesce(e.sample, false) AS sample, e.name AS name,
                               [(e)-[:IN_SEGMENT]->(s:Segment) | s.id] AS segments, head([(e)-[:LOCATED_IN]->(t:Town) | t.name]) AS town""")
                .bind(code).to("id").fetch().one().orElse(null);
        if (existing != null && Boolean.TRUE.equals(existing.get("local")) && ((List<String>) existing.get("segments")).containsAll(segments)) {
            return null;
        }
        if (code == null) {
            throw new BadRequestException("creditCode", "投产 makes the enterprise a local enterprise of the register, which keys"
                    + " enterprises by 统一社会信用代码: give the lead's creditCode first (PATCH /api/leads/" + leadId + ")");
        }
        String where = town != null ? town : existing == null ? null : (String) existing.get("town");
        if (where == null) {
            throw new BadRequestException("project.town", "投产 makes the enterprise a local enterprise, which needs its town (镇街):"
                    + " give project.town first (PATCH /api/leads/" + leadId + ")");
        }
        boolean sample = existing != null ? (Boolean) existing.get("sample") : sampleLead;
        String dataset = dataset(leadId);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pipeline-produce");
            Files.writeString(dir.resolve("dataset.csv"), csv(List.of("name", "title", "sample", "notice", "description"),
                    List.of(dataset, "招商项目投产 " + leadId, String.valueOf(sample), sample ? "样例数据（虚构）Sample data (fictional)" : "",
                            "招商线索 " + leadId + " 投产：企业成为本地企业（由招商台账写入）")), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("enterprises.csv"), csv(List.of("credit_code", "name", "local", "town", "segments"),
                    List.of(code, existing != null ? (String) existing.get("name") : name, "true", where, String.join("|", segments))),
                    StandardCharsets.UTF_8);
            importer.load(RegisterSource.of(dir), dataset);
            return dataset;
        } catch (ImportValidationException e) {
            throw new BadRequestException("enterprise", "the register refused the produced enterprise: " + e.problems().stream()
                    .map(p -> p.column() + ": " + p.message()).collect(Collectors.joining("; ")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static String csv(List<String> header, List<String> row) {
        return String.join(",", header) + "\n" + row.stream().map(Production::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
