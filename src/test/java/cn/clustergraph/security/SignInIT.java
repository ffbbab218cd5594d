package cn.clustergraph.security;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import cn.clustergraph.audit.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in by form and by token: sessions need the CSRF token for writes, accounts lock after repeated failures, tokens
 * work, expire and can be revoked, each write leaves exactly one audit event with its actor, and no password or token
 * ever reaches the log.
 */
@GraphIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SignInIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;

    @BeforeEach
    void people() {
        People.ensure(accounts);
    }

    /** A browser: cookie jar, no redirects followed. */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }

        HttpResponse<String> signIn(String user, String password, boolean withCsrf) throws Exception {
            get("/login");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + (withCsrf ? "&_csrf=" + cookie("XSRF-TOKEN") : "");
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postJson(String path, String json, boolean withCsrf) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (withCsrf) {
                b.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    long auditCount(String actor, String kind) {
        return client.query("MATCH (e:AuditEvent {actor: $actor, kind: $kind}) RETURN count(e)")
                .bindAll(Map.of("actor", actor, "kind", kind)).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void aSessionWritesOnlyWithItsCsrfToken() throws Exception {
        Browser b = new Browser();
        assertThat(b.signIn(People.user(Role.DEPARTMENT), People.PASSWORD, false).statusCode()).as("sign-in form without CSRF").isEqualTo(403);
        HttpResponse<String> in = b.signIn(People.user(Role.DEPARTMENT), People.PASSWORD, true);
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location")).get().asString().doesNotContain("error");
        String setCookie = String.join("\n", in.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(b.get("/api/me").body()).contains(People.user(Role.DEPARTMENT)).contains("市经信局");
        assertThat(b.get("/").statusCode()).isEqualTo(200);

        String plan = "{\"year\":2026,\"milestones\":[{\"text\":\"CSRF 测试\",\"dueQuarter\":2}]}";
        HttpResponse<String> noCsrf = b.postJson("/api/tasks/8/plans", plan, false);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        // a cross-site form post to the admin import (any content type, no token) is refused too
        HttpResponse<String> crossSite = b.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/import"))
                .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        long before = auditCount(People.user(Role.DEPARTMENT), "plan.write");
        HttpResponse<String> withCsrf = b.postJson("/api/tasks/8/plans", plan, true);
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
        assertThat(auditCount(People.user(Role.DEPARTMENT), "plan.write")).isEqualTo(before + 1);
    }

    @Test
    void repeatedFailuresLockTheAccountAndAreLoggedWithoutThePassword(CapturedOutput output) {
        accounts.create(new Actor("test", "local"), "t-locky", "locky-pass-77", new AccountService.Profile(null,
                EnumSet.of(Role.VIEWER), null, null, List.of()));
        Api anonymous = Api.anonymous(port);
        for (int i = 0; i < 5; i++) {
            Api.Response r = anonymous.post("/api/auth/token", "{\"username\":\"t-locky\",\"password\":\"wrong-guess-" + i + "\"}");
            assertThat(r.status()).isEqualTo(401);
        }
        Api.Response locked = anonymous.post("/api/auth/token", "{\"username\":\"t-locky\",\"password\":\"locky-pass-77\"}");
        assertThat(locked.status()).as("the right password while locked").isEqualTo(423);
        assertThat(locked.contentType()).contains("problem+json");
        assertThat(output.getAll()).contains("refused for 't-locky'").contains("locked")
                .doesNotContain("wrong-guess-").doesNotContain("locky-pass-77");
        assertThat(auditCount("t-locky", "signin.token")).isEqualTo(6);
    }

    @Test
    void tokensWorkExpireAndCanBeRevokedAndNeverReachTheLog(CapturedOutput output) {
        Api anonymous = Api.anonymous(port);
        Api.Response issued = anonymous.post("/api/auth/token",
                "{\"username\":\"" + People.user(Role.ANALYST) + "\",\"password\":\"" + People.PASSWORD + "\",\"name\":\"excel\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        String id = issued.json().get("info").get("id").asString();
        assertThat(token).startsWith("cg_");
        Api analyst = new Api(port).as(token);
        assertThat(analyst.get("/api/me").json().get("username").asString()).isEqualTo(People.user(Role.ANALYST));
        assertThat(analyst.get("/api/auth/tokens").body()).contains(id).doesNotContain(token);
        assertThat(client.query("MATCH (t:ApiToken {id: $id}) RETURN t.hash").bind(id).to("id").fetchAs(String.class).one().orElseThrow())
                .as("stored hashed").hasSize(64).isNotEqualTo(token);

        // expiry: move this token's expiry into the past (as time would)
        Api.Response second = analyst.post("/api/auth/tokens", "{\"name\":\"short\"}");
        String shortToken = second.json().get("token").asString();
        client.query("MATCH (t:ApiToken {id: $id}) SET t.expiresAt = datetime() - duration('PT1S')")
                .bind(second.json().get("info").get("id").asString()).to("id").run();
        assertThat(new Api(port).as(shortToken).get("/api/departments").status()).isEqualTo(401);

        assertThat(analyst.delete("/api/auth/tokens/" + id).json().get("active").asBoolean()).isFalse();
        Api.Response revoked = analyst.get("/api/departments");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("revoked");
        assertThat(new Api(port).as("cg_made-up").get("/api/departments").status()).isEqualTo(401);

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(shortToken).doesNotContain(People.PASSWORD)
                .doesNotContain(Api.ADMIN_PASSWORD).doesNotContain(Api.adminToken(port));
    }

    @Test
    void everyWriteLeavesExactlyOneAuditEventWithItsActor() {
        Api coordinator = People.api(port, Role.COORDINATOR);
        String chainUser = People.user(Role.CHAIN);
        Api chain = People.api(port, Role.CHAIN);
        String enterprise = coordinator.get("/api/enterprises?chain=" + Api.seg("光电通信") + "&size=2").json()
                .get("items").get(0).get("id").asString();
        long total = count();
        Api.Response put = chain.put("/api/chains/" + Api.seg("光电通信") + "/key-enterprises",
                "{\"enterprises\":[\"" + enterprise + "\"],\"note\":\"审计测试\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(count()).isEqualTo(total + 1);
        Api.Response events = coordinator.get("/api/audit?kind=key-enterprises.write&user=" + chainUser + "&size=1");
        assertThat(events.json().get("items").get(0).get("actor").asString()).isEqualTo(chainUser);
        assertThat(events.json().get("items").get(0).get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(events.json().get("items").get(0).get("keys").toString()).contains("Chain:光电通信");
        assertThat(events.json().get("items").get(0).get("after").asString()).contains(enterprise);

        // a second version supersedes the first; history keeps both
        int version = put.json().get("version").asInt();
        Api.Response again = chain.put("/api/chains/" + Api.seg("光电通信") + "/key-enterprises", "{\"enterprises\":[],\"note\":\"清空\"}");
        assertThat(again.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(count()).isEqualTo(total + 2);
        Api.Response list = chain.get("/api/chains/" + Api.seg("光电通信") + "/key-enterprises");
        assertThat(list.json().get("current").get("version").asInt()).isEqualTo(version + 1);
        assertThat(list.json().get("history").size()).isGreaterThanOrEqualTo(2);
        assertThat(list.json().get("canEdit").asBoolean()).isTrue();

        // the programme reload by an admin: one event, actor admin
        long imports = auditCount("admin", "import.programme");
        assertThat(new Api(port).post("/api/admin/import", "").status()).isEqualTo(200);
        assertThat(auditCount("admin", "import.programme")).isEqualTo(imports + 1);

        // bad input writes nothing (and no audit event)
        long now = count();
        Api.Response bad = chain.put("/api/chains/" + Api.seg("光电通信") + "/key-enterprises", "{\"enterprises\":[\"NO-SUCH-ID\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("enterprises[0]");
        assertThat(count()).isEqualTo(now);

        // CSV export of the audit trail
        var csv = coordinator.bytes("/api/audit?format=csv&kind=key-enterprises.write");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("key-enterprises.write").contains(chainUser);
    }

    long count() {
        return client.query("MATCH (e:AuditEvent) WHERE e.kind <> 'signin.token' RETURN count(e)").fetchAs(Long.class).one().orElseThrow();
    }
}
