package cn.clustergraph.security;

import cn.clustergraph.account.AccountProperties;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.ApiTokens;
import cn.clustergraph.account.Role;
import cn.clustergraph.account.SignIn;
import cn.clustergraph.audit.AuditService;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may call what, for the API and the UI alike (docs/security.md): everything needs a signed-in user (session from
 * the sign-in form, or an API token) unless {@code clustergraph.security.anonymous-read} opens the non-internal GETs;
 * roles gate the admin, audit, console and report endpoints here, and {@link Scopes} checks each scoped write in its
 * service. The API answers 401/403 as problem+json, pages redirect to {@code /login}. CSRF protects every session write.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /** Content-Security-Policy of every response: everything from this origin, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] ANALYSTS = {Role.ANALYST.name(), Role.COORDINATOR.name(), Role.ADMIN.name()};
    /** Internal 招商 data: every role but the read-only viewer. */
    private static final String[] INVESTMENT_READERS = {Role.ADMIN.name(), Role.COORDINATOR.name(), Role.DEPARTMENT.name(),
            Role.TOWN.name(), Role.CHAIN.name(), Role.INVESTMENT.name(), Role.ANALYST.name()};

    /** The 招商 pipeline's leads and projects: 招商 staff, the coordinator and chain offices (their own chains). */
    private static final String[] PIPELINE_ROLES = {Role.INVESTMENT.name(), Role.COORDINATOR.name(), Role.CHAIN.name()};

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, FormSignInProvider signIn, ApiTokens tokens, AccountService accounts,
                                    InternalToken internal, AccountProperties settings, OidcProperties oidc,
                                    AuditService audit) throws Exception {
        RequestMatcher api = pathPattern("/api/**");
        AuthenticationEntryPoint apiEntry = (req, res, e) -> Problems.write(req, res,
                Problems.unauthorized("请先登录（/login 登录，或使用 Authorization: Bearer <接口令牌>）",
                        "Sign in first (session from /login, or Authorization: Bearer <API token>)"));
        AccessDeniedHandler apiDenied = (req, res, e) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who == null || who instanceof AnonymousAuthenticationToken) {
                // not signed in at all: a write without session or token is "sign in first", whatever else is missing
                apiEntry.commence(req, res, new InsufficientAuthenticationException(e.getMessage()));
            } else {
                Problems.write(req, res, e instanceof CsrfException
                        ? Problems.forbidden("缺少或无效的 CSRF 令牌（请把 XSRF-TOKEN Cookie 的值作为 X-XSRF-TOKEN 请求头发送）",
                                e.getMessage() + " (send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN)")
                        : Problems.forbidden("您的角色不允许此请求", "Your roles do not allow this request"));
            }
        };
        CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookies.setCookieCustomizer(c -> c.sameSite("Lax"));
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // the raw cookie value is what the sign-in page and the UI's script send back
        csrfHandler.setCsrfRequestAttributeName(null);

        if (oidc.enabled()) {
            OidcSignIn sso = new OidcSignIn(oidc, accounts, audit);
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(sso.registration()))
                    .userInfoEndpoint(u -> u.oidcUserService(sso::load))
                    .successHandler(sso::success)
                    .failureHandler(sso::failure));
        }
        http.authenticationProvider(signIn)
                .httpBasic(b -> b.disable())
                .csrf(c -> c.csrfTokenRepository(csrfCookies).csrfTokenRequestHandler(csrfHandler)
                        // a bearer token is not sent by browsers on their own, and /api/auth/token takes JSON only
                        .ignoringRequestMatchers(BearerTokenFilter::hasBearer, pathPattern(HttpMethod.POST, "/api/auth/token")))
                .addFilterBefore(new BearerTokenFilter(tokens, accounts, internal), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath()
                                + (e instanceof LockedException ? "/login?error=locked" : "/login?error")))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiEntry, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> true)
                        .defaultAccessDeniedHandlerFor(apiDenied, api)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), r -> true))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/login.html", "/css/**", "/js/**", "/vendor/**", "/favicon.svg", "/error",
                            "/actuator/health", "/actuator/health/**").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll();
                    a.requestMatchers(HttpMethod.GET, "/api/auth/providers").permitAll();
                    a.requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name());
                    a.requestMatchers("/api/audit", "/api/audit/**").hasAnyRole(Role.ADMIN.name(), Role.COORDINATOR.name());
                    a.requestMatchers(HttpMethod.POST, "/api/cypher").hasAnyRole(ANALYSTS);
                    a.requestMatchers(HttpMethod.POST, "/api/reports/**").hasAnyRole(ANALYSTS);
                    a.requestMatchers("/api/console/**").hasAnyRole(ANALYSTS); // saved console queries (issue 14)
                    a.requestMatchers("/api/me", "/api/auth/**").authenticated();
                    a.requestMatchers(HttpMethod.GET, "/api/investment-targets", "/api/chains/*/investment-targets")
                            .hasAnyRole(INVESTMENT_READERS);
                    // the 招商 pipeline (issue 17): internal; scope within it (own leads, chains) is checked by Scopes
                    a.requestMatchers("/api/leads", "/api/leads/**", "/api/projects", "/api/projects/**", "/api/pipeline/**",
                            "/api/chains/*/pipeline").hasAnyRole(PIPELINE_ROLES);
                    if (settings.anonymousRead()) {
                        a.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                        a.requestMatchers(HttpMethod.GET, "/", "/index.html").permitAll();
                    }
                    a.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * No Spring Security observations while observations are off ({@code management.observations.enable.all=false}, the
     * default): Boot's registry is still there, so Security would otherwise wrap every filter of every request in an
     * observation that is then thrown away. With observations on, Security observes as usual.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "management.observations.enable.all", havingValue = "false",
            matchIfMissing = true)
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The only authentication provider (also keeps Boot from creating an in-memory user with a logged password). */
    @Bean
    FormSignInProvider formSignInProvider(SignIn signIn) {
        return new FormSignInProvider(signIn);
    }
}
