package cn.clustergraph.security;

import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.ApiTokens;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.web.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer …}: a personal API token (or the warm-up's internal token) authenticates this one
 * request; nothing is kept in a session. A bad, expired or revoked token is a 401, never a fallback to anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountService accounts;
    private final InternalToken internal;

    BearerTokenFilter(ApiTokens tokens, AccountService accounts, InternalToken internal) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.internal = internal;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip();
        Optional<UserAccount> user;
        if (internal.matches(token)) {
            if (!"GET".equals(request.getMethod())) {
                Problems.write(request, response, Problems.unauthorized("内部预热令牌只能读取", "The internal warm-up token only reads"));
                return;
            }
            user = Optional.of(InternalToken.WARMUP);
        } else {
            try {
                user = tokens.owner(token).flatMap(accounts::find).filter(UserAccount::enabled);
            } catch (org.springframework.dao.TransientDataAccessException e) {
                // the database is busy (e.g. every driver connection taken): a 503 the client may retry, not a 500
                ProblemDetail busy = ApiProblem.of(ApiProblem.Kind.UNAVAILABLE,
                        "数据库繁忙，请稍后重试", "The database is busy; retry shortly");
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.write(request, response, busy);
                return;
            }
        }
        if (user.isEmpty()) {
            Problems.write(request, response, Problems.unauthorized("接口令牌不存在、已过期或已吊销", "The API token is unknown, expired or revoked"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                Authorities.of(user.get())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
