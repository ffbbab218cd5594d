package cn.clustergraph.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.Map;

/**
 * A console request that is refused or failed, carried to the client as RFC 9457 problem+json (Spring renders
 * {@link ErrorResponseException} bodies as they are) with a {@code reason} and Neo4j's status codes when there are any.
 */
final class ConsoleProblem extends ErrorResponseException {

    static final String WRITE_REFUSED = "Write refused 只读控制台不允许写操作";
    static final String ADMIN_REFUSED = "Administration command refused 只读控制台不允许管理命令";

    private ConsoleProblem(HttpStatus status, ProblemDetail body) {
        super(status, body, null);
    }

    static ConsoleProblem of(HttpStatus status, String title, String reason, String detail) {
        return of(status, title, reason, detail, Map.of());
    }

    static ConsoleProblem of(HttpStatus status, String title, String reason, String detail, Map<String, ?> properties) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        p.setProperty("reason", reason);
        properties.forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        return new ConsoleProblem(status, p);
    }

    /** 403: the query would change something or reach beyond the graph, so it is not run. */
    static ConsoleProblem refused(String title, String reason, String detail, Map<String, ?> properties) {
        return of(HttpStatus.FORBIDDEN, title, reason, detail, properties);
    }

    String reason() {
        return String.valueOf(getBody().getProperties() == null ? null : getBody().getProperties().get("reason"));
    }
}
