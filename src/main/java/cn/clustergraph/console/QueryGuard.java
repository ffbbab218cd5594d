package cn.clustergraph.console;

import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from Neo4j's own analysis of a query ({@code EXPLAIN}: query type and plan) whether the read-only console may
 * run it, so refusal does not depend on recognising write keywords in the text. The textual checks are for
 * {@code LOAD CSV}, which reads files and URLs from the server while still counting as a read, for an explicit
 * {@code USE system} (the plan check catches it too, but Neo4j rejects some forms with a syntax error first), and for
 * expressions Neo4j would compute without checking its timeout or memory limit: a {@code reduce} that doubles its
 * accumulator ({@link GrowthCheck}) and a {@code range()} looped over in one expression that is too large or of unknown size
 * ({@link LoopCheck}).
 */
final class QueryGuard {

    /**
     * Procedures Neo4j classes as READ that still change server state (statistics collection, index sampling,
     * planner caches). Procedures in WRITE, SCHEMA or DBMS mode need no list: they make the query type non-read-only.
     */
    static final Set<String> STATE_CHANGING_READ_PROCEDURES = Set.of(
            "db.stats.clear", "db.stats.collect", "db.stats.stop",
            "db.resampleIndex", "db.resampleOutdatedIndexes", "db.prepareForReplanning");

    /** Operators that are refused even in a read-only plan, and why. */
    private static final Map<String, String> REFUSED_OPERATORS = Map.of(
            "LoadCSV", "load-csv",
            "TerminateTransactions", "admin",
            "TransactionForeach", "call-in-transactions",
            "TransactionApply", "call-in-transactions",
            // like dbms.listConfig (refused as a DBMS procedure): other clients' query text and addresses, the configuration
            "ShowTransactions", "admin-show",
            "ShowSettings", "admin-show",
            "ShowServers", "admin-show");

    private QueryGuard() {
    }

    /**
     * Refuses {@code LOAD CSV}, {@code USE system}, a geometrically growing {@code reduce} and an unbounded
     * {@code range()} loop before the query reaches Neo4j; {@code params} are the request's parameter values (a range's
     * {@code $param} bound is read from them).
     */
    static void checkText(String query, Map<String, Object> params) {
        if (CypherText.usesLoadCsv(query)) {
            throw loadCsvRefused();
        }
        if (CypherText.usesSystemDatabase(query)) {
            throw systemRefused();
        }
        List<CypherText.Token> tokens = CypherText.tokens(query);
        GrowthCheck.find(tokens).ifPresent(f -> {
            throw ConsoleProblem.unprocessable(ConsoleProblem.GROWTH_REFUSED, "unbounded-growth",
                    "reduce(" + f.accumulator() + " = ..., ... | ...) uses its accumulator " + f.accumulator() + " whole twice or"
                            + " more in each step (as in " + f.accumulator() + " + " + f.accumulator() + "), so it doubles every step:"
                            + " Neo4j computes one expression without checking the timeout or the memory limit, and such a query could"
                            + " exhaust the server. Nothing was run.",
                    Map.of("accumulator", f.accumulator(), "offset", f.offset()));
        });
        LoopCheck.find(tokens, params).ifPresent(f -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("offset", f.offset());
            props.put("maxElements", LoopCheck.MAX_ELEMENTS);
            String detail;
            if (f.bound() != null) {
                props.put("bound", f.bound());
                detail = "range() at offset " + f.offset() + " has the bound '" + f.bound() + "', which is not an integer literal or an"
                        + " integer $parameter, so its size cannot be checked before it runs. Use literal bounds or a parameter,"
                        + " or UNWIND range(...) AS x (rows are produced one by one, under the timeout and the row cap).";
            } else {
                boolean fitsLong = f.elements().bitLength() < 64;
                props.put("elements", fitsLong ? f.elements().longValue() : f.elements().toString());
                detail = "range() at offset " + f.offset() + " loops over " + f.elements() + " elements in one expression (nested"
                        + " ranges multiplied); at most " + LoopCheck.MAX_ELEMENTS + " are allowed, because Neo4j computes one expression"
                        + " without checking the timeout or the memory limit. Use UNWIND range(...) AS x to produce rows one by one.";
            }
            throw ConsoleProblem.unprocessable(ConsoleProblem.LOOP_REFUSED, "unbounded-loop", detail + " Nothing was run.", props);
        });
    }

    /** Refuses anything but a plain read of the session's database, given the summary of {@code EXPLAIN <query>}. */
    static void checkExplained(ResultSummary explained) {
        String database = explained.database() == null ? null : explained.database().name();
        if ("system".equalsIgnoreCase(database)) {
            throw systemRefused();
        }
        if (explained.hasPlan()) {
            checkPlan(explained.plan(), database);
        }
        QueryType type = explained.queryType();
        if (type != QueryType.READ_ONLY) {
            String what = type == QueryType.SCHEMA_WRITE
                    ? "a schema, administration or DBMS-procedure command"
                    : "a query that creates, changes or deletes data";
            throw ConsoleProblem.refused(ConsoleProblem.WRITE_REFUSED, type == QueryType.SCHEMA_WRITE ? "schema" : "write",
                    "The console only runs read-only queries. Neo4j classifies this one as " + type + " (" + what + ");"
                            + " nothing was run.", Map.of("queryType", String.valueOf(type)));
        }
    }

    private static void checkPlan(Plan plan, String database) {
        String type = plan.operatorType();
        int at = type.indexOf('@');
        String operator = at < 0 ? type : type.substring(0, at);
        String operatorDatabase = at < 0 ? null : type.substring(at + 1);
        if ("system".equalsIgnoreCase(operatorDatabase)
                || operatorDatabase != null && database != null && !operatorDatabase.equalsIgnoreCase(database)) {
            throw systemRefused();
        }
        String reason = REFUSED_OPERATORS.get(operator);
        if (reason != null) {
            throw switch (reason) {
                case "load-csv" -> loadCsvRefused();
                case "call-in-transactions" -> ConsoleProblem.refused(ConsoleProblem.WRITE_REFUSED, reason,
                        "CALL { ... } IN TRANSACTIONS commits in batches of its own and is not available in the read-only console.",
                        Map.of("operator", operator));
                case "admin-show" -> ConsoleProblem.refused(ConsoleProblem.ADMIN_REFUSED, "admin",
                        "The console does not run " + operator + ": it shows other users' queries and addresses or the server's"
                                + " configuration (refused like dbms.listConfig).", Map.of("operator", operator));
                default -> ConsoleProblem.refused(ConsoleProblem.ADMIN_REFUSED, reason,
                        "The console does not run " + operator + ": it acts on other users' transactions.", Map.of("operator", operator));
            };
        }
        if ("ProcedureCall".equals(operator)) {
            String procedure = procedureName(plan);
            if (procedure != null && STATE_CHANGING_READ_PROCEDURES.contains(procedure)) {
                throw ConsoleProblem.refused("Procedure refused 只读控制台不允许该过程", "procedure",
                        "The console does not run " + procedure + ": it changes server state (statistics, index samples or"
                                + " planner caches).", Map.of("procedure", procedure));
            }
        }
        for (Plan child : plan.children()) {
            checkPlan(child, database);
        }
    }

    /** The procedure of a {@code ProcedureCall} operator, from its details such as {@code db.labels() :: (label :: STRING)}. */
    static String procedureName(Plan plan) {
        var details = plan.arguments().get("Details");
        if (details == null || details.isNull()) {
            return null;
        }
        String text = details.asString();
        int paren = text.indexOf('(');
        return (paren < 0 ? text : text.substring(0, paren)).replace("`", "").strip();
    }

    private static ConsoleProblem loadCsvRefused() {
        return ConsoleProblem.refused("LOAD CSV refused 只读控制台不允许 LOAD CSV", "load-csv",
                "LOAD CSV reads files and URLs from the server's side and is not available in the console.", Map.of());
    }

    private static ConsoleProblem systemRefused() {
        return ConsoleProblem.refused(ConsoleProblem.ADMIN_REFUSED, "admin",
                "The console only queries the graph database; administration commands and queries against the system"
                        + " database (users, roles, privileges, databases) are not available.", Map.of());
    }
}
