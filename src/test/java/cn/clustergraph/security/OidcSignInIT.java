package cn.clustergraph.security;

import cn.clustergraph.Api;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider — a Spring Authorization Server started in this test on its
 * own port — through the whole authorization-code flow (discovery, sign-in at the provider, code exchange, ID token
 * signature check): a provider user with a local user gets that user's roles; one without is refused with the clear page.
 */
@SpringBootTest(classes = cn.clustergraph.ClusterGraphApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class OidcSignInIT {

    static final String LOCAL = "zhang.san";
    static final int APP_PORT = freePort();
    static ConfigurableApplicationContext provider;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        int idpPort = freePort();
        String client = "spring.security.oauth2.authorizationserver.client.app.";
        provider = new SpringApplicationBuilder(idp.OidcProvider.class).run(
                // command-line arguments: they win over the app's application.properties on the classpath
                
                "--server.port=" + idpPort, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                // the provider's own session cookie, so it does not replace the app's on the same host
                "--server.servlet.session.cookie.name=IDPSESSION",
                "--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + idpPort,
                "--" + client + "registration.client-id=cluster-graph",
                "--" + client + "registration.client-secret={noop}sso-secret-1",
                "--" + client + "registration.client-authentication-methods=client_secret_basic",
                "--" + client + "registration.authorization-grant-types=authorization_code",
                "--" + client + "registration.redirect-uris=http://127.0.0.1:" + APP_PORT + "/login/oauth2/code/oidc",
                "--" + client + "registration.scopes=openid,profile",
                "--" + client + "require-authorization-consent=false",
                "--clustergraph.warmup.iterations=0");
        registry.add("server.port", () -> APP_PORT);
        registry.add("clustergraph.security.oidc.issuer-uri", () -> "http://127.0.0.1:" + idpPort);
        registry.add("clustergraph.security.oidc.client-id", () -> "cluster-graph");
        registry.add("clustergraph.security.oidc.client-secret", () -> "sso-secret-1");
        // the Authorization Server's ID token names the person in "sub" (providers commonly use preferred_username)
        registry.add("clustergraph.security.oidc.username-claim", () -> "sub");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Autowired
    AccountService accounts;
    @Autowired
    org.springframework.data.neo4j.core.Neo4jClient client;

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Follows the flow like a browser (one cookie jar), signing in at the provider's form; the final response. */
    static HttpResponse<String> singleSignOn(HttpClient http, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/oauth2/authorization/oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 15; i++) {
            if (r.statusCode() == 302) {
                URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
                if (next.getPort() == APP_PORT && !next.getPath().startsWith("/login/oauth2") && !next.getPath().startsWith("/oauth2")) {
                    return r;
                }
                // a browser's Accept: the provider sends HTML clients to its sign-in page (others get 401)
                r = http.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            } else if (r.statusCode() == 200 && r.body().contains("name=\"password\"")) {
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(r.body());
                String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + (csrf.find() ? "&_csrf=" + csrf.group(1) : "");
                r = http.send(HttpRequest.newBuilder(r.uri().resolve("/login")).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            } else {
                return r;
            }
        }
        return r;
    }

    @Test
    void aProviderUserWithALocalUserSignsInWithThatUsersRoles() throws Exception {
        TestUsers.ensure(accounts, LOCAL, "local-pass-1", new AccountService.Profile("张三",
                EnumSet.of(Role.DEPARTMENT), "经信局", null, List.of()));
        Api.Response providers = Api.anonymous(APP_PORT).get("/api/auth/providers");
        assertThat(providers.json().get("oidc").asBoolean()).isTrue();

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> done = singleSignOn(http, LOCAL, "idp-pass-1");
        assertThat(done.statusCode()).as(done.uri() + " " + done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/").doesNotContain("error");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"zhang.san\"").contains("市经信局").contains("DEPARTMENT");
        assertThat(client.query("MATCH (e:AuditEvent {actor: 'zhang.san', kind: 'signin.oidc', outcome: 'ok'}) RETURN count(e)")
                .fetchAs(Long.class).one().orElseThrow()).isEqualTo(1);
    }

    @Test
    void aProviderUserWithoutALocalUserIsRefusedWithAClearPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> done = singleSignOn(http, "stranger", "idp-pass-2");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/login?error=oidc");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/api/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(401);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/login?error=oidc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("统一身份认证的账号在本系统中没有对应的用户");
        // refused for the right reason: the provider vouched for the person, who has no local user
        assertThat(client.query("MATCH (e:AuditEvent {actor: 'stranger', kind: 'signin.oidc', outcome: 'unknown-user'}) RETURN count(e)")
                .fetchAs(Long.class).one().orElseThrow()).isEqualTo(1);
    }
}
