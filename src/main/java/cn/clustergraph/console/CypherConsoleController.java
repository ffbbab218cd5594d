package cn.clustergraph.console;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.ResponseSize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analyst console's HTTP endpoint: read-only Cypher in, rows and plans as JSON (or a CSV/XLSX file) out (see docs/console.md). */
@RestController
class CypherConsoleController {

    private final CypherConsole console;

    CypherConsoleController(CypherConsole console) {
        this.console = console;
    }

    /**
     * Runs, explains or profiles one read-only Cypher statement; refusals and errors are problem+json. With
     * {@code format=csv|xlsx} the rows of a run come back as a file written by {@link TableExport} (BOM, formula
     * neutralisation, the workbook's 说明 sheet), the same as every other download.
     */
    @PostMapping(path = "/api/cypher", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run, explain or profile one read-only Cypher statement (analysts); ?format=csv|xlsx downloads the rows 只读 Cypher 控制台：运行、解释或分析一条查询（可下载 CSV/XLSX）")
    ResponseEntity<?> cypher(@RequestBody CypherRequest request,
                             @Parameter(description = "csv or xlsx: the rows as a file (run mode only)")
                             @RequestParam(required = false) String format) throws IOException {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(console.execute(request));
        }
        String f = format.strip().toLowerCase();
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw new BadRequestException("format", "format must be csv, xlsx or json (格式须为 csv、xlsx 或 json)");
        }
        if (request != null && request.mode() != null && !request.mode().isBlank() && !request.mode().equalsIgnoreCase("run")) {
            throw new BadRequestException("mode", "only a run's rows can be downloaded (只能下载运行结果)");
        }
        CypherResponse r = console.execute(request);
        List<List<Object>> rows = r.rows().stream().map(row -> row.stream().map(CypherConsoleController::cell).toList()).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f.equals("csv")) {
            TableExport.csv(r.columns(), rows, out);
        } else {
            List<List<String>> about = new ArrayList<>();
            about.add(List.of("查询 Query", request.query() == null ? "" : request.query()));
            about.add(List.of("参数 Parameters", TableExport.text(request.params() == null ? Map.of() : request.params())));
            about.add(List.of("行数 Rows", r.rowCount() + (!r.truncated() ? ""
                    : ResponseSize.BY_SIZE.equals(r.truncatedBy()) ? "（已按大小截断 truncated by size）"
                    : "（已截断 truncated at " + r.maxRows() + "）")));
            TableExport.xlsx("查询结果", r.columns(), rows, about, out);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.equals("csv") ? TableExport.CSV_MEDIA_TYPE : TableExport.XLSX_MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment("查询结果." + f, "query-result." + f))
                .header("X-Console-Rows", String.valueOf(r.rowCount()))
                .header("X-Console-Truncated", String.valueOf(r.truncated()))
                .body(out.toByteArray());
    }

    /** A console value as a spreadsheet cell: a node as its labels and properties, a relationship as its type, a path in words. */
    @SuppressWarnings("unchecked")
    static Object cell(Object v) {
        if (v instanceof Map<?, ?> m && m.get("_type") instanceof String type) {
            switch (type) {
                case "node" -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("labels", m.get("labels"));
                    o.putAll((Map<String, Object>) m.get("properties"));
                    return o;
                }
                case "relationship" -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("type", m.get("type"));
                    o.putAll((Map<String, Object>) m.get("properties"));
                    return o;
                }
                case "path" -> {
                    return "path (" + ((List<?>) m.get("nodes")).size() + " nodes, " + ((List<?>) m.get("relationships")).size() + " relationships)";
                }
                default -> {
                    return v;
                }
            }
        }
        if (v instanceof List<?> l) {
            return l.stream().map(CypherConsoleController::cell).toList();
        }
        return v;
    }
}
