package cn.clustergraph.console;

import cn.clustergraph.neo4j.TransactionMemory;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Neo4j driver errors into console problems with the status an analyst can act on (400 for a mistake in
 * the query, 403 for a refused write or administration command, 422 for a timeout) and Neo4j's own message, with
 * positions that point into the text the analyst sent rather than the {@code EXPLAIN}-prefixed text the server saw.
 */
final class Neo4jErrors {

    private static final Logger log = LoggerFactory.getLogger(Neo4jErrors.class);
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    private Neo4jErrors() {
    }

    /**
     * @param shift     characters the console put before the analyst's text on its first line ({@code "EXPLAIN "})
     * @param timeoutMs the timeout that applied, for the timeout problem
     */
    static ConsoleProblem translate(Neo4jException e, int shift, long timeoutMs) {
        String code = e.code() == null ? "" : e.code();
        Map<String, Object> props = new LinkedHashMap<>();
        if (!code.isEmpty()) {
            props.put("code", code);
        }
        if (e.gqlStatus() != null) {
            props.put("gqlStatus", e.gqlStatus());
        }
        String detail = message(e, shift, props);

        if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
            props.put("timeoutMs", timeoutMs);
            return ConsoleProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Query timed out 查询超时", "timeout",
                    "The query did not finish within " + timeoutMs + " ms and was stopped. Narrow it (labels, WHERE, LIMIT)"
                            + " or, within the configured maximum, send a larger timeoutMs.", props);
        }
        if (TransactionMemory.exceeded(e)) {
            return ConsoleProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Query used too much memory 查询占用内存过多", "memory",
                    "The query needed more memory than one query may use and was stopped (db.memory.transaction.max, set by"
                            + " clustergraph.neo4j.embedded.transaction-max-memory). Narrow it: fewer rows, smaller lists and strings.", props);
        }
        if (code.equals("Neo.ClientError.Statement.AccessMode") || code.contains("ForbiddenOnReadOnlyDatabase")) {
            return ConsoleProblem.refused(ConsoleProblem.WRITE_REFUSED, "write",
                    "The console runs queries read-only and Neo4j refused this one because it writes: " + detail, props);
        }
        if (e instanceof AuthenticationException || code.equals("Neo.ClientError.Security.Unauthorized")
                || code.startsWith("Neo.ClientError.Security.") && code.endsWith("Expired")) {
            // The app's own credentials, not the analyst's query.
            return ConsoleProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "Neo4j unavailable 图数据库不可用", "unavailable",
                    "The server cannot authenticate to Neo4j; see the server log.", props);
        }
        if (code.equals("Neo.ClientError.Statement.UnsupportedAdministrationCommand")
                || code.startsWith("Neo.ClientError.Security.")) {
            return ConsoleProblem.refused(ConsoleProblem.ADMIN_REFUSED, "admin",
                    "Administration commands (users, roles, privileges, databases) are not available in the console: " + detail, props);
        }
        if (code.equals("Neo.ClientError.Procedure.ProcedureNotFound")) {
            return ConsoleProblem.of(HttpStatus.BAD_REQUEST, "Unknown procedure 未知过程", "unknown-procedure",
                    detail + " (Only Neo4j's built-in procedures are installed; APOC and other plugins are not.)", props);
        }
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException || e instanceof TransientException) {
            return ConsoleProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "Neo4j unavailable 图数据库暂不可用", "unavailable",
                    "Neo4j could not answer right now; try again. " + detail, props);
        }
        if (code.isEmpty() && e instanceof ClientException && detail.startsWith("Unable to convert")) {
            // Raised by the driver itself, before the server: almost always a parameter it cannot send.
            props.put("field", "params");
            return ConsoleProblem.of(HttpStatus.BAD_REQUEST, "Bad request 请求有误", "invalid-params", detail, props);
        }
        if (code.startsWith("Neo.ClientError.")) {
            String title = code.contains("SyntaxError") ? "Cypher syntax error 语法错误" : "Cypher error 查询错误";
            return ConsoleProblem.of(HttpStatus.BAD_REQUEST, title, "cypher-error", detail, props);
        }
        log.warn("Neo4j error in a console query", e);
        return ConsoleProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Neo4j error 图数据库错误", "neo4j-error",
                "Neo4j could not run the query (" + (code.isEmpty() ? e.getClass().getSimpleName() : code) + ").", props);
    }

    /**
     * Neo4j's message without the echo of the query text it appends, and with any position moved back by
     * {@code shift} so that it refers to the analyst's text; the position also becomes {@code line}/{@code column}/{@code offset}.
     */
    static String message(Neo4jException e, int shift, Map<String, Object> props) {
        String raw = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        StringBuilder kept = new StringBuilder();
        for (String line : raw.split("\n")) {
            if (line.startsWith("\"")) {
                break; // Neo4j echoes the query and a caret line after the message
            }
            if (!kept.isEmpty()) {
                kept.append('\n');
            }
            kept.append(line);
        }
        String text = kept.toString().strip();
        Matcher m = POSITION.matcher(text);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            int offset = Integer.parseInt(m.group(3));
            if (line == 1) {
                column = Math.max(1, column - shift);
            }
            offset = Math.max(0, offset - shift);
            if (line >= 1) {
                props.put("line", line);
                props.put("column", column);
                props.put("offset", offset);
                text = text.substring(0, m.start()) + "(line " + line + ", column " + column + ", offset " + offset + ")"
                        + text.substring(m.end());
            } else {
                text = (text.substring(0, m.start()) + text.substring(m.end())).strip();
            }
        }
        return text;
    }
}
