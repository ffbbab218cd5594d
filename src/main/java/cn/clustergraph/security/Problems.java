package cn.clustergraph.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** 401 and 403 answers of the API as RFC 9457 problem+json, written by the security filters (before any controller). */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail unauthorized(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        p.setTitle("Sign-in required 需要登录");
        p.setType(URI.create("about:blank"));
        return p;
    }

    static ProblemDetail forbidden(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setTitle("Not allowed 无权限");
        p.setType(URI.create("about:blank"));
        return p;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.getStatus() == 401) {
            // tells scripts how to authenticate; never "Basic" (HTTP Basic is off), so browsers show no password dialog
            response.setHeader("WWW-Authenticate", "Bearer realm=\"cluster-graph\"");
        }
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
