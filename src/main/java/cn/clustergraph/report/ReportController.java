package cn.clustergraph.report;

import cn.clustergraph.export.TableExport;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import cn.clustergraph.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report library over HTTP: list the reports, show one, run one as JSON, CSV or XLSX. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "Cypher reports for analysts 分析报表")
class ReportController {

    private final ReportCatalog catalog;
    private final ReportRunner runner;
    private final ReportWriter writer;

    ReportController(ReportCatalog catalog, ReportRunner runner, ReportWriter writer) {
        this.catalog = catalog;
        this.runner = runner;
        this.writer = writer;
    }

    /** A report with its Cypher text. */
    record ReportDetail(@JsonUnwrapped Report report, String cypher) {
    }

    @GetMapping
    @Operation(summary = "List the reports (bundled and external; broken ones with their errors) 报表清单")
    List<Report> list() {
        return catalog.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One report's header and Cypher 报表说明与查询语句")
    ReportDetail show(@PathVariable String name) {
        Report r = runner.report(name);
        return new ReportDetail(r, r.query());
    }

    @PostMapping("/{name}")
    @Operation(summary = "Run a report with a JSON object of parameters; ?format=csv|xlsx or Accept: text/csv for files 运行报表")
    ResponseEntity<?> run(@PathVariable String name, @RequestBody(required = false) Map<String, Object> parameters,
                          @RequestParam(required = false) String format,
                          @Parameter(description = "zh: CSV/XLSX headers in Chinese (each column's label); default: column names")
                          @RequestParam(required = false) String lang,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        return respond(name, parameters, ReportFormat.pick(format, accept), "zh".equalsIgnoreCase(lang));
    }

    @GetMapping("/{name}/run")
    @Operation(summary = "Run a report with parameters in the query string (for links and spreadsheet web imports) 以链接运行报表")
    ResponseEntity<?> runGet(@PathVariable String name, @RequestParam Map<String, String> query,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        Map<String, Object> parameters = new LinkedHashMap<>(query);
        Object format = parameters.remove("format");
        Object lang = parameters.remove("lang");
        return respond(name, parameters, ReportFormat.pick((String) format, accept), "zh".equalsIgnoreCase((String) lang));
    }

    private ResponseEntity<?> respond(String name, Map<String, ?> parameters, ReportFormat format, boolean chinese) throws IOException {
        Report report = runner.report(name);
        ReportResult result = runner.run(report, parameters);
        if (format == ReportFormat.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(report, result, format, chinese, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment(ReportWriter.fileName(report, format),
                        report.name() + "." + format.extension))
                .header("X-Report-Rows", String.valueOf(result.rowCount()))
                .header("X-Report-Truncated", String.valueOf(result.truncated()))
                .body(out.toByteArray());
    }

    @ExceptionHandler(ReportException.class)
    ResponseEntity<ProblemDetail> failed(ReportException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p = status == HttpStatus.CONFLICT
                ? ApiProblem.of(status, ApiProblem.Kind.REPORT_CANNOT_RUN, "报表 " + e.report() + " 无法运行：" + e.getMessage(), e.getMessage())
                : ApiProblem.of(status, ApiProblem.Kind.REPORT_FAILED, "报表 " + e.report() + " 运行失败：" + e.getMessage(), e.getMessage());
        p.setProperty("report", e.report());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
