package cn.clustergraph.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The container's error page ({@code /error}): errors that never reached a controller (a filter refused the request,
 * Tomcat rejected it, a servlet failed) answered as the API's problem+json, or a short bilingual HTML page for a browser
 * asking for a page outside {@code /api}. Replaces Spring Boot's BasicErrorController and its bare "Bad Request" JSON.
 */
@Controller
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        if (status < 400) {
            status = HttpStatus.NOT_FOUND.value(); // /error called directly
        }
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String s ? s : request.getRequestURI();
        ProblemDetail problem = ApiProblem.forStatus(status);
        problem.setInstance(ApiProblem.instance(uri));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean api = uri == null || uri.startsWith("/api/") || uri.startsWith("/v3/") || uri.startsWith("/actuator");
        if (!api && accept != null && accept.contains("text/html")) {
            response.setStatus(status);
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String zh = HtmlUtils.htmlEscape(String.valueOf(problem.getProperties().get("zh")));
            String en = HtmlUtils.htmlEscape(String.valueOf(problem.getProperties().get("en")));
            response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>" + status
                    + "</title><body><h1>" + HtmlUtils.htmlEscape(problem.getTitle()) + "</h1><p>" + zh + "</p><p lang=\"en\">" + en
                    + "</p><p><a href=\"/\">返回首页 Home</a></p></body></html>");
            return;
        }
        ApiProblem.write(request, response, problem);
    }
}
