package cn.clustergraph.report;

import java.util.List;
import java.util.Map;

/**
 * What a report run returns: the columns, the rows as arrays in column order (nodes, relationships and paths as maps),
 * the parameter values actually used (defaults applied), and whether rows were cut at {@code clustergraph.reports.max-rows}.
 */
record ReportResult(String name, String title, String titleEn, Map<String, Object> parameters, List<String> columns,
                    List<List<Object>> rows, int rowCount, boolean truncated, long millis) {
}
