package cn.clustergraph.console;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code POST /api/cypher}: the rows in a JSON form a UI can draw, whether they were cut at the cap,
 * and for {@code explain}/{@code profile} the plan tree.
 *
 * @param columns       column names in order
 * @param rows          one list of values per row, in column order (values serialised as described in docs/console.md)
 * @param rowCount      number of rows returned
 * @param truncated     true when the query had more rows than {@code maxRows}, or more than {@code maxResponseSize} bytes of
 *                      them, and the rest was not read
 * @param truncatedBy   {@code rows} or {@code size} when truncated (which cap cut the answer), else null
 * @param maxRows       the row cap applied to this request
 * @param timeoutMs     the timeout applied to this request
 * @param elapsedMs     wall time spent in Neo4j (check, run and reading rows)
 * @param mode          {@code run}, {@code explain} or {@code profile}
 * @param queryType     Neo4j's classification of the query; always {@code READ_ONLY} for an answered query
 * @param plan          the plan tree for {@code explain}/{@code profile}, else null
 * @param notifications Neo4j's warnings and hints about the query (deprecations, cartesian products, ...)
 */
record CypherResponse(List<String> columns, List<List<Object>> rows, int rowCount, boolean truncated, String truncatedBy, int maxRows,
                      long timeoutMs, long elapsedMs, String mode, String queryType, PlanNode plan,
                      List<Notice> notifications) {

    /**
     * One operator of the plan tree.
     *
     * @param operator      operator name, e.g. {@code NodeByLabelScan}
     * @param details       Neo4j's one-line description of what the operator does
     * @param estimatedRows the planner's estimate
     * @param identifiers   variables the operator produces
     * @param rows          rows the operator produced (profile only)
     * @param dbHits        storage accesses (profile only)
     * @param pageCacheHits page cache hits (profile only, when reported)
     * @param pageCacheMisses page cache misses (profile only, when reported)
     * @param time          time spent in the operator as reported by Neo4j (profile only; 0 when the runtime does not measure it)
     * @param arguments     the remaining operator arguments (runtime, planner, version, order, ...)
     * @param children      input operators
     */
    record PlanNode(String operator, String details, Double estimatedRows, List<String> identifiers,
                    Long rows, Long dbHits, Long pageCacheHits, Long pageCacheMisses, Long time,
                    Map<String, Object> arguments, List<PlanNode> children) {
    }

    /**
     * A notification Neo4j attached to the query (GQL status object).
     *
     * @param gqlStatus      GQL status code, e.g. {@code 03N90} for a cartesian product
     * @param description    Neo4j's description
     * @param severity       {@code WARNING} or {@code INFORMATION}
     * @param classification {@code PERFORMANCE}, {@code DEPRECATION}, {@code HINT}, ...
     * @param position       where in the query text it applies (1-based line and column, 0-based offset), or null
     */
    record Notice(String gqlStatus, String description, String severity, String classification, Position position) {
    }

    /** A place in the query text the analyst sent: 1-based line and column, 0-based character offset. */
    record Position(int line, int column, int offset) {
    }
}
