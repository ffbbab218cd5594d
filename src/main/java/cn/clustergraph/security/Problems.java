package cn.clustergraph.security;

import cn.clustergraph.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** 401, 403 and 423 answers of the API, built by {@link ApiProblem} (the one problem shape), written by the security filters. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail unauthorized(String zh, String en) {
        return ApiProblem.of(ApiProblem.Kind.SIGN_IN_REQUIRED, zh, en);
    }

    /** English only (a message from Spring Security): the Chinese detail says to sign in. */
    static ProblemDetail unauthorized(String en) {
        return unauthorized("需要登录或登录失败：" + en, en);
    }

    static ProblemDetail forbidden(String zh, String en) {
        return ApiProblem.of(ApiProblem.Kind.FORBIDDEN, zh, en);
    }

    static ProblemDetail forbidden(String en) {
        return forbidden("无权执行此操作：" + en, en);
    }

    static ProblemDetail locked(String en) {
        return ApiProblem.of(ApiProblem.Kind.LOCKED, "账户已锁定，请稍后再试：" + en, en);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getStatus() == 401) {
            // tells scripts how to authenticate; never "Basic" (HTTP Basic is off), so browsers show no password dialog
            response.setHeader("WWW-Authenticate", "Bearer realm=\"cluster-graph\"");
        }
        ApiProblem.write(request, response, problem);
    }
}
