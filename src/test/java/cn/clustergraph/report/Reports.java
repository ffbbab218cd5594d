package cn.clustergraph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: a result's rows as column → value maps. */
final class Reports {

    private Reports() {
    }

    static List<Map<String, Object>> rows(ReportResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                m.put(result.columns().get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static List<Object> column(ReportResult result, String column) {
        int i = result.columns().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + result.columns());
        }
        return result.rows().stream().map(r -> r.get(i)).toList();
    }
}
