package cn.clustergraph.console;

import cn.clustergraph.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Map;

/**
 * A console request that is refused or failed, carried to the client as the API's problem+json ({@link ApiProblem}, type
 * "/problems/console-&lt;reason&gt;") with a {@code reason} and Neo4j's status codes when there are any.
 */
final class ConsoleProblem extends ErrorResponseException {

    static final String WRITE_REFUSED = "Write refused 只读控制台不允许写操作";
    static final String ADMIN_REFUSED = "Administration command refused 只读控制台不允许管理命令";
    static final String GROWTH_REFUSED = "Unbounded growth refused 累加值每步成倍增长的查询不予执行";
    static final String LOOP_REFUSED = "Unbounded loop refused 循环次数过多或无法预知的查询不予执行";

    private ConsoleProblem(HttpStatus status, ProblemDetail body) {
        super(status, body, null);
    }

    static ConsoleProblem of(HttpStatus status, String title, String reason, String detail) {
        return of(status, title, reason, detail, Map.of());
    }

    static ConsoleProblem of(HttpStatus status, String title, String reason, String detail, Map<String, ?> properties) {
        // zh is Chinese only (the UI shows it in a Chinese page); Neo4j's own words stay in en and detail, shown folded as 技术细节
        ProblemDetail p = ApiProblem.of(status, ApiProblem.Kind.CONSOLE, reason, title, chinese(title) + "（详见技术细节 / 英文原文）", detail);
        p.setProperty("reason", reason);
        properties.forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        return new ConsoleProblem(status, p);
    }

    /** The Chinese part of a bilingual title ("Write refused 只读控制台不允许写操作" → "只读控制台不允许写操作"). */
    static String chinese(String title) {
        for (int i = 0; i < title.length(); i++) {
            if (Character.UnicodeScript.of(title.codePointAt(i)) == Character.UnicodeScript.HAN) {
                return title.substring(i).strip();
            }
        }
        return title;
    }

    /** 403: the query would change something or reach beyond the graph, so it is not run. */
    static ConsoleProblem refused(String title, String reason, String detail, Map<String, ?> properties) {
        return of(HttpStatus.FORBIDDEN, title, reason, detail, properties);
    }

    /** 422: the query is read-only but could exhaust the server (time or memory Neo4j does not check), so it is not run. */
    static ConsoleProblem unprocessable(String title, String reason, String detail, Map<String, ?> properties) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, title, reason, detail, properties);
    }

    String reason() {
        return String.valueOf(getBody().getProperties() == null ? null : getBody().getProperties().get("reason"));
    }
}
