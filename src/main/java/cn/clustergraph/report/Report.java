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
    }
}
