package cn.clustergraph.console;

import java.util.Map;

/**
 * Body of {@code POST /api/cypher}: the analyst's query, its parameters and how to run it.
 *
 * @param query     one Cypher statement; a leading {@code EXPLAIN} or {@code PROFILE} keyword overrides {@code mode}
 * @param params    query parameters ({@code $name} in the query), JSON values
 * @param mode      {@code run} (default), {@code explain} (plan only, nothing executed) or {@code profile} (run and measure)
 * @param maxRows   optional lower row cap for this request; capped by {@code clustergraph.console.max-rows}
 * @param timeoutMs optional shorter timeout for this request; capped by {@code clustergraph.console.timeout}
 */
record CypherRequest(String query, Map<String, Object> params, String mode, Integer maxRows, Long timeoutMs) {
}
