package cn.clustergraph.report;

import java.util.List;
import java.util.Map;

/**
 * What a report run returns: the columns, the rows as arrays in column order (nodes, relationships and paths as maps),
 * the parameter values actually used (defaults applied), and whether rows were cut: {@code truncatedBy} is {@code rows}
 * (at {@code clustergraph.reports.max-rows}) or {@code size} (at {@code clustergraph.reports.max-response-size}), null when
 * nothing was cut.
 */
record ReportResult(String name, String title, String titleEn, Map<String, Object> parameters, List<String> columns,
                    List<List<Object>> rows, int rowCount, boolean truncated, String truncatedBy, long millis) {
}
