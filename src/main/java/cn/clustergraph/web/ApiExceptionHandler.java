package cn.clustergraph.web;

import cn.clustergraph.csv.ImportValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

import java.util.stream.Collectors;

/**
 * Turns every API error into RFC 9457 {@code application/problem+json} built by {@link ApiProblem} (stable type,
 * Chinese and English detail, the field at fault) and never a stack trace: the application's own exceptions, and
 * every exception Spring MVC raises itself (malformed JSON, 405, 415, 406, unknown paths, missing or mistyped parameters).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ApiProblem.of(e);
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return ApiProblem.of(e);
    }

    /**
     * A lost race: another writer saved a new version on top of the same one first, or a concurrent create took the same
     * key (a unique constraint). Nothing of this request was written; reloading shows the other writer's version.
     */
    @ExceptionHandler({ConflictException.class, org.springframework.dao.DataIntegrityViolationException.class})
    ProblemDetail conflict(RuntimeException e) {
        log.info("Write conflict: {}", e.getMessage());
        return ApiProblem.of(ApiProblem.Kind.CONFLICT, ConflictException.ZH, ConflictException.EN);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        String field = e.getConstraintViolations().stream().map(v -> String.valueOf(v.getPropertyPath())).findFirst().orElse(null);
        return ApiProblem.field(ApiProblem.of(ApiProblem.Kind.BAD_REQUEST, "请求有误：" + e.getMessage(), e.getMessage()), field);
    }

    @ExceptionHandler(ImportValidationException.class)
    ProblemDetail importInvalid(ImportValidationException e) {
        int n = e.problems().size();
        ProblemDetail p = ApiProblem.of(ApiProblem.Kind.INVALID_IMPORT, "导入文件有 " + n + " 处问题，未写入任何数据",
                n + " problem(s) in the import files; nothing was written");
        p.setProperty("problems", e.problems());
        return p;
    }

    /** A multipart endpoint called with another content type, or a broken multipart body. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail multipart(org.springframework.web.multipart.MultipartException e) {
        return ApiProblem.of(ApiProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "此地址需要 multipart/form-data 上传（文件放在 file 部分）",
                "This path takes a multipart/form-data upload (the file in the part 'file')");
    }

    /** A query string Tomcat could not decode (when the encoding filter did not see it first). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail badParameters(Exception e) {
        return ApiProblem.of(ApiProblem.Kind.BAD_ENCODING, "查询参数的百分号编码有误，无法解码",
                "The query string has a broken percent-encoding and cannot be decoded");
    }

    /** The database is momentarily busy (every driver connection taken, a transient cluster error): retry, not a 500. */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class, org.neo4j.driver.exceptions.TransientException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("Database busy: {}", e.getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(ApiProblem.of(ApiProblem.Kind.UNAVAILABLE, "数据库繁忙，请稍后重试", "The database is busy; retry shortly"));
    }

    /**
     * An I/O failure while answering: when the client has gone (closed the tab, a proxy timed out, a download cancelled)
     * there is nobody to answer and nothing wrong with the server — a line at debug, no response; any other is a 500.
     * ({@code AsyncRequestNotUsableException}, the same for async responses, is answered with nothing by the base class.)
     */
    @ExceptionHandler(java.io.IOException.class)
    ResponseEntity<ProblemDetail> io(java.io.IOException e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (clientGone(e)) {
            log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiProblem.of(ApiProblem.Kind.INTERNAL_ERROR,
                "服务器未能回答此请求（" + e.getClass().getSimpleName() + "），详见服务器日志",
                "The server could not answer this request (" + e.getClass().getSimpleName() + "); see the server log."));
    }

    /**
     * True when {@code e} (or a cause) says the client closed the connection: Tomcat's {@code ClientAbortException}, Spring's
     * {@code AsyncRequestNotUsableException}, or an I/O error "Broken pipe" / "Connection reset" / "connection was aborted".
     */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.catalina.connector.ClientAbortException
                    || t instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(java.util.Locale.ROOT);
                if (m.contains("broken pipe") || m.contains("connection reset") || m.contains("connection was aborted")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every exception Spring MVC handles itself ends here: its body is replaced by the API's problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (clientGone(ex)) {
            log.debug("Client gone: {}", ex.toString());
            return null;
        }
        ProblemDetail p = describe(ex, status);
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.putAll(headers);
        }
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(p.getStatus()).headers(h).body(p);
    }

    static ProblemDetail describe(Exception ex, HttpStatusCode status) {
        if (ex instanceof ErrorResponse er && er.getBody().getType() != null
                && er.getBody().getType().toString().startsWith(ApiProblem.TYPE_PREFIX)) {
            return er.getBody(); // already built by ApiProblem (the console's problems)
        }
        return switch (ex) {
            case HttpRequestMethodNotSupportedException e -> {
                String allowed = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream()
                        .map(Object::toString).collect(Collectors.joining(", "));
                yield ApiProblem.of(status, ApiProblem.Kind.METHOD_NOT_ALLOWED,
                        "此地址不支持 " + e.getMethod() + " 请求" + (allowed.isEmpty() ? "" : "，支持：" + allowed),
                        "This path does not accept " + e.getMethod() + (allowed.isEmpty() ? "" : "; it accepts " + allowed));
            }
            case HttpMediaTypeNotSupportedException e -> {
                String type = e.getContentType() == null ? "(none)" : e.getContentType().toString();
                String supported = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
                yield ApiProblem.of(status, ApiProblem.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "不支持内容类型 " + type + (supported.isEmpty() ? "" : "，请使用：" + supported),
                        "Content type " + type + " is not supported" + (supported.isEmpty() ? "" : "; send " + supported));
            }
            case HttpMediaTypeNotAcceptableException e -> ApiProblem.of(status, ApiProblem.Kind.NOT_ACCEPTABLE,
                    "无法以 Accept 头要求的格式回答", "Cannot answer in a format the Accept header allows");
            case MissingServletRequestParameterException e -> ApiProblem.field(ApiProblem.of(status, ApiProblem.Kind.MISSING_PARAMETER,
                    "缺少必填参数 " + e.getParameterName() + "（" + e.getParameterType() + "）",
                    "Parameter '" + e.getParameterName() + "' (" + e.getParameterType() + ") is required"), e.getParameterName());
            case MissingServletRequestPartException e -> ApiProblem.field(ApiProblem.of(status, ApiProblem.Kind.MISSING_PARAMETER,
                    "缺少必需的上传部分 " + e.getRequestPartName(), "Part '" + e.getRequestPartName() + "' is required"),
                    e.getRequestPartName());
            case MissingRequestValueException e -> ApiProblem.of(status, ApiProblem.Kind.MISSING_PARAMETER,
                    "请求缺少必需的值", "A required request value is missing");
            case TypeMismatchException e -> {
                String name = e.getPropertyName();
                String type = e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName();
                yield ApiProblem.field(ApiProblem.of(HttpStatus.BAD_REQUEST, ApiProblem.Kind.INVALID_PARAMETER,
                        "参数 " + name + " 的值 '" + e.getValue() + "' 无效" + (type.isEmpty() ? "" : "（应为 " + typeZh(type) + "）"),
                        "Parameter '" + name + "' has an invalid value '" + e.getValue() + "'" + (type.isEmpty() ? "" : " (expected " + type + ")")),
                        name);
            }
            case HttpMessageNotReadableException e -> malformedBody(e);
            case MethodArgumentNotValidException e -> {
                FieldError f = e.getBindingResult().getFieldError();
                String field = f == null ? null : f.getField();
                String msg = f == null ? "invalid" : f.getDefaultMessage();
                yield ApiProblem.field(ApiProblem.of(HttpStatus.BAD_REQUEST, ApiProblem.Kind.BAD_REQUEST,
                        "字段 " + field + " 有误：" + msg, "Field '" + field + "' is invalid: " + msg), field);
            }
            case HandlerMethodValidationException e -> ApiProblem.of(HttpStatus.BAD_REQUEST, ApiProblem.Kind.BAD_REQUEST,
                    "请求参数未通过校验", "Request parameters failed validation");
            case NoResourceFoundException e -> noSuchPath(e.getResourcePath());
            case NoHandlerFoundException e -> noSuchPath(e.getRequestURL());
            case MaxUploadSizeExceededException e -> ApiProblem.field(ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, ApiProblem.Kind.TOO_LARGE,
                    "上传内容超过允许的大小", "The upload is larger than allowed"), "file");
            default -> {
                if (status.is5xxServerError()) {
                    log.error("Error answered {}", status.value(), ex);
                }
                yield ApiProblem.forStatus(status.value());
            }
        };
    }

    private static ProblemDetail noSuchPath(String path) {
        String p = path == null ? "" : (path.startsWith("/") ? path : "/" + path);
        return ApiProblem.of(ApiProblem.Kind.NO_SUCH_PATH, "没有这个地址：" + p + "（接口清单见 /v3/api-docs）",
                "No such path: " + p + " (the API is listed at /v3/api-docs)");
    }

    /** Malformed JSON, or JSON whose value does not fit a field: names the field when Jackson knows it. */
    private static ProblemDetail malformedBody(HttpMessageNotReadableException e) {
        String field = null;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException je && je.getPath() != null && !je.getPath().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (JacksonException.Reference r : je.getPath()) {
                    if (r.getPropertyName() != null) {
                        sb.append(sb.isEmpty() ? "" : ".").append(r.getPropertyName());
                    } else if (r.getIndex() >= 0) {
                        sb.append('[').append(r.getIndex()).append(']');
                    }
                }
                field = sb.isEmpty() ? null : sb.toString();
                break;
            }
        }
        if (field != null) {
            return ApiProblem.field(ApiProblem.of(ApiProblem.Kind.MALFORMED_BODY, "请求体中字段 " + field + " 的值类型不对",
                    "The value of field '" + field + "' in the request body has the wrong type"), field);
        }
        boolean empty = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
        return empty
                ? ApiProblem.of(ApiProblem.Kind.MALFORMED_BODY, "缺少请求体（应为 JSON）", "The request body is missing (JSON expected)")
                : ApiProblem.of(ApiProblem.Kind.MALFORMED_BODY, "请求体不是有效的 JSON", "The request body is not valid JSON");
    }

    private static String typeZh(String type) {
        return switch (type) {
            case "Integer", "int", "Long", "long" -> "整数";
            case "Double", "double", "BigDecimal" -> "数字";
            case "Boolean", "boolean" -> "true 或 false";
            case "LocalDate" -> "日期";
            default -> type;
        };
    }
}
