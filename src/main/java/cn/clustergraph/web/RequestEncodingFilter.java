package cn.clustergraph.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose path or query string has a broken percent-encoding (a bad escape such as {@code %ZZ}, or bytes
 * that are not UTF-8 such as a cut {@code %E7%BB}) with 400 problem+json naming the parameter, before anything else reads
 * the parameters (Tomcat would throw on first access and the request would end as a 500).
 */
@Configuration(proxyBeanMethods = false)
class RequestEncodingFilter extends OncePerRequestFilter {

    /** Runs first, before the security filters (which read parameters too). */
    @Bean
    static FilterRegistrationBean<RequestEncodingFilter> requestEncodingFilterRegistration() {
        FilterRegistrationBean<RequestEncodingFilter> r = new FilterRegistrationBean<>(new RequestEncodingFilter());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE);
        r.addUrlPatterns("/*");
        return r;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path != null && path.indexOf('%') >= 0 && decode(path, false) == null) {
            ApiProblem.write(request, response, brokenPath());
            return;
        }
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name = decode(rawName, true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (name == null || value == null) {
                    ApiProblem.write(request, response, brokenParameter(name != null ? name : rawName));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** 400: a path segment cannot be decoded. */
    static org.springframework.http.ProblemDetail brokenPath() {
        return ApiProblem.field(ApiProblem.of(ApiProblem.Kind.BAD_ENCODING,
                "地址中的百分号编码有误（不是有效的 UTF-8），无法解码；中文名称请按 UTF-8 编码",
                "The path has a broken percent-encoding (not valid UTF-8) and cannot be decoded; encode Chinese names as UTF-8"), "path");
    }

    private static org.springframework.http.ProblemDetail brokenParameter(String name) {
        return ApiProblem.field(ApiProblem.of(ApiProblem.Kind.BAD_ENCODING,
                "参数 " + name + " 的百分号编码有误（不是有效的 UTF-8），无法解码",
                "Parameter '" + name + "' has a broken percent-encoding (not valid UTF-8) and cannot be decoded"), name);
    }

    /** Strict percent-decoding as UTF-8; null when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String s, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            int c = s.codePointAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = Character.toString(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(c) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
