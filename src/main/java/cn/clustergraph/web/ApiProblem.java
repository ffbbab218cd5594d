package cn.clustergraph.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one builder of the API's RFC 9457 problem+json answers, so every error has the same shape wherever it is raised
 * (controller advice, security filters, the console, import validation, the container's own error pages):
 * {@code type} "/problems/<slug>" (stable, listed in docs/errors.md), {@code title} (English and Chinese), {@code status},
 * {@code detail} (both languages), {@code zh} and {@code en} (the detail in one language each, for the UI),
 * {@code field} when one request field or parameter is at fault, and {@code instance} (the request path).
 */
public final class ApiProblem {

    /** Prefix of every problem {@code type}. */
    public static final String TYPE_PREFIX = "/problems/";

    /** The kinds of problem the API answers; the slug is the stable part of {@code type}. */
    public enum Kind {
        BAD_REQUEST(400, "bad-request", "请求有误", "Bad request"),
        INVALID_PARAMETER(400, "invalid-parameter", "参数值有误", "Invalid parameter value"),
        MISSING_PARAMETER(400, "missing-parameter", "缺少必填参数", "Missing parameter"),
        BAD_ENCODING(400, "bad-encoding", "编码有误", "Broken percent-encoding"),
        MALFORMED_BODY(400, "malformed-body", "请求体无法解析", "Malformed request body"),
        UNKNOWN_NAME(400, "unknown-name", "名称不存在", "Unknown name"),
        INVALID_IMPORT(400, "invalid-import", "导入文件有误", "Import files are invalid"),
        SIGN_IN_REQUIRED(401, "sign-in-required", "需要登录", "Sign-in required"),
        FORBIDDEN(403, "forbidden", "无权限", "Not allowed"),
        NOT_FOUND(404, "not-found", "未找到", "Not found"),
        NO_SUCH_PATH(404, "no-such-path", "没有这个地址", "No such path"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法", "Method not allowed"),
        NOT_ACCEPTABLE(406, "not-acceptable", "无法提供所要求的格式", "Not acceptable"),
        CONFLICT(409, "conflict", "状态冲突", "Conflict"),
        TOO_LARGE(413, "too-large", "内容过大", "Content too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持该内容类型", "Unsupported media type"),
        LOCKED(423, "locked", "账户已锁定", "Locked"),
        REPORT_CANNOT_RUN(409, "report-cannot-run", "报表无法运行", "Report cannot run"),
        REPORT_FAILED(422, "report-failed", "报表运行失败", "Report failed"),
        CONSOLE(400, "console", "控制台请求未执行", "Console request refused"),
        INTERNAL_ERROR(500, "internal-error", "内部错误", "Internal error"),
        UNAVAILABLE(503, "unavailable", "暂不可用", "Service unavailable"),
        HTTP_ERROR(500, "http-error", "请求未能完成", "Request failed");

        private final int status;
        private final String slug;
        private final String zh;
        private final String en;

        Kind(int status, String slug, String zh, String en) {
            this.status = status;
            this.slug = slug;
            this.zh = zh;
            this.en = en;
        }

        public int status() {
            return status;
        }

        public String slug() {
            return slug;
        }

        /** "Not found 未找到": the English and Chinese title. */
        public String title() {
            return en + " " + zh;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        public URI type() {
            return URI.create(TYPE_PREFIX + slug);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiProblem() {
    }

    /** A problem of a kind at its usual status, with the detail in both languages. */
    public static ProblemDetail of(Kind kind, String zh, String en) {
        return of(HttpStatusCode.valueOf(kind.status()), kind, zh, en);
    }

    /** A problem of a kind at another status (container errors, reports, the console). */
    public static ProblemDetail of(HttpStatusCode status, Kind kind, String zh, String en) {
        return build(status, kind.type(), kind.title(), zh, en);
    }

    /** A problem whose type has a sub-slug, e.g. "/problems/console-write". */
    public static ProblemDetail of(HttpStatusCode status, Kind kind, String subSlug, String title, String zh, String en) {
        return build(status, URI.create(TYPE_PREFIX + kind.slug() + "-" + subSlug), title == null ? kind.title() : title, zh, en);
    }

    private static ProblemDetail build(HttpStatusCode status, URI type, String title, String zh, String en) {
        String z = zh == null || zh.isBlank() ? en : zh;
        String e = en == null || en.isBlank() ? z : en;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, z.equals(e) ? e : e + " / " + z);
        p.setType(type);
        p.setTitle(title);
        p.setProperty("zh", z);
        p.setProperty("en", e);
        return p;
    }

    /** Adds the request field or parameter at fault (no-op for null). */
    public static ProblemDetail field(ProblemDetail p, String field) {
        if (field != null && !field.isBlank()) {
            p.setProperty("field", field);
        }
        return p;
    }

    /** The problem of a {@link NotFoundException} or {@link BadRequestException}. */
    public static ProblemDetail of(NotFoundException e) {
        return of(Kind.NOT_FOUND, e.zh(), e.getMessage());
    }

    public static ProblemDetail of(BadRequestException e) {
        return field(of(e.kind(), e.zh(), e.getMessage()), e.field());
    }

    /** The problem of an HTTP status without anything more specific to say (container errors). */
    public static ProblemDetail forStatus(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        Kind kind = switch (status) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.SIGN_IN_REQUIRED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NO_SUCH_PATH;
            case 405 -> Kind.METHOD_NOT_ALLOWED;
            case 406 -> Kind.NOT_ACCEPTABLE;
            case 409 -> Kind.CONFLICT;
            case 413 -> Kind.TOO_LARGE;
            case 415 -> Kind.UNSUPPORTED_MEDIA_TYPE;
            case 423 -> Kind.LOCKED;
            case 500 -> Kind.INTERNAL_ERROR;
            case 503 -> Kind.UNAVAILABLE;
            default -> Kind.HTTP_ERROR;
        };
        String reason = s == null ? "HTTP " + status : s.getReasonPhrase();
        return of(HttpStatusCode.valueOf(status), kind, "请求未能完成：" + kind.zh() + "（HTTP " + status + "）",
                "The request could not be answered: " + reason + " (HTTP " + status + ")");
    }

    /** The JSON members of a problem, in the order clients see them (type, title, status, detail, instance, then the rest). */
    public static Map<String, Object> body(ProblemDetail p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.getType().toString());
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            m.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }

    /** Writes a problem straight to a servlet response (filters and error pages that run outside Spring MVC). */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body(problem)));
        response.flushBuffer();
    }

    /** The request path as the problem's {@code instance}; a path that is not a valid URI is left out. */
    public static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
