package cn.clustergraph.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One report file as the catalog read it: its header (title, description, parameters, columns) and query, or the
 * problems that keep it from running — a broken report is listed, not dropped.
 *
 * @param name     file name without {@code .cypher}; the report's id in URLs and on the command line
 * @param origin   {@code bundled} (inside the jar) or {@code external} ({@code clustergraph.reports.dir})
 * @param location where the file was read from (classpath URL or path), for the error messages
 * @param errors   header problems, each {@code line N: message}; empty = the report can run
 */
record Report(String name, String origin, @JsonIgnore String location, String title, String titleEn, String description,
              List<Param> parameters, List<Column> columns, @JsonIgnore String query, List<String> errors) {

    static final String BUNDLED = "bundled";
    static final String EXTERNAL = "external";

    Report {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        errors = List.copyOf(errors);
    }

    /** True when the header parsed and the report can be run. */
    @JsonProperty("valid")
    boolean valid() {
        return errors.isEmpty();
    }

    Param parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * A declared parameter.
     *
     * @param required     no default: a caller must supply it
     * @param defaultValue the converted default ({@code null} when the default is {@code null} or there is none)
     */
    record Param(String name, ParamType type, boolean required,
                 @JsonProperty("default") Object defaultValue, String description) {
    }

    /** A declared output column; {@code type} is documentation (String, Integer, Float, List&lt;String&gt;, Node …). */
    record Column(String name, String type, String description) {

        /**
         * The column's Chinese header: its description up to the first colon, comma or long bracket (指标编号, 本地产值,
         * 环节位置); a short Chinese bracket stays (镇（街道）, 企业数（含外地）); the name when there is no description.
         * Used by the UI and by {@code lang=zh} downloads.
         */
        @JsonProperty("label")
        String label() {
            if (description == null || description.isBlank()) {
                return name;
            }
            String d = description.strip();
            int i = 0;
            while (i < d.length()) {
                char ch = d.charAt(i);
                if (ch == '（') {
                    int close = d.indexOf('）', i);
                    String inside = close < 0 ? "" : d.substring(i + 1, close);
                    if (close > 0 && inside.length() <= 6 && inside.codePoints().noneMatch(c -> c < 128 || c == '，')) {
                        i = close + 1;
                        continue;
                    }
                    break;
                }
                if (ch == '(' || ch == '：' || ch == ':' || ch == '，' || ch == ',') {
                    break;
                }
                i++;
            }
            String label = d.substring(0, i).strip();
            return label.isEmpty() ? name : label;
        }
    }
}
