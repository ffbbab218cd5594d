package cn.clustergraph.report;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.ResponseSize;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a report result as JSON, CSV or XLSX — the same bytes for the web endpoint and the command line. */
@Component
class ReportWriter {

    private final JsonMapper json;

    ReportWriter(JsonMapper json) {
        this.json = json;
    }

    void write(Report report, ReportResult result, ReportFormat format, OutputStream out) throws IOException {
        write(report, result, format, false, out);
    }

    /**
     * As {@link #write(Report, ReportResult, ReportFormat, OutputStream)}; with {@code chinese} the CSV/XLSX header row
     * carries each column's Chinese label ({@link Report.Column#label()}) instead of its name (the 说明 sheet names both).
     */
    void write(Report report, ReportResult result, ReportFormat format, boolean chinese, OutputStream out) throws IOException {
        List<String> header = chinese ? labels(report, result.columns()) : result.columns();
        switch (format) {
            case JSON -> json.writerWithDefaultPrettyPrinter().writeValue(out, result);
            case CSV -> TableExport.csv(header, result.rows(), out);
            case XLSX -> TableExport.xlsx(report.title(), header, result.rows(), about(report, result), out);
        }
    }

    /** The Chinese label of each result column (the name where the report declares no such column). */
    static List<String> labels(Report report, List<String> columns) {
        Map<String, String> byName = new java.util.HashMap<>();
        report.columns().forEach(c -> byName.put(c.name(), c.label()));
        return columns.stream().map(c -> byName.getOrDefault(c, c)).toList();
    }

    /** File name for downloads: the Chinese title (ASCII fallback: the report name). */
    static String fileName(Report report, ReportFormat format) {
        String base = report.title() == null || report.title().isBlank() ? report.name() : report.title();
        return base.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "." + format.extension;
    }

    /** The "说明" sheet: what the report is, the parameter values used, what each column means. */
    private static List<List<String>> about(Report report, ReportResult result) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("报表 Report", report.title() + " | " + report.titleEn()));
        lines.add(List.of("名称 Name", report.name() + " (" + report.origin() + ")"));
        lines.add(List.of("说明 Description", report.description()));
        for (Map.Entry<String, Object> p : result.parameters().entrySet()) {
            Report.Param param = report.parameter(p.getKey());
            lines.add(List.of("参数 " + p.getKey(), TableExport.text(p.getValue()), param == null ? "" : param.description()));
        }
        for (Report.Column c : report.columns()) {
            lines.add(List.of("列 " + c.name(), c.type(), c.description(), c.label()));
        }
        lines.add(List.of("行数 Rows", result.rowCount() + (result.truncated()
                ? (ResponseSize.BY_SIZE.equals(result.truncatedBy()) ? "（已按大小截断 truncated by size）" : "（已按行数截断 truncated by rows）") : "")));
        lines.add(List.of("生成时间 Generated", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        return lines;
    }
}
