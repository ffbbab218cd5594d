package cn.clustergraph.security;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint × every role: allowed (2xx) or 403 problem+json, and anonymous 401 problem+json; UI pages send
 * anonymous browsers to the sign-in page. The expectations are the role table of issue 13.
 */
@GraphIntegrationTest
class WriteMatrixIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    /** One write endpoint and the roles that may call it. */
    record Write(String method, String path, String body, Set<Role> allowed) {
    }

    static final Set<Role> ANALYSTS = EnumSet.of(Role.ADMIN, Role.COORDINATOR, Role.ANALYST);

    static final List<Write> WRITES = List.of(
            new Write("POST", "/api/admin/import", "", EnumSet.of(Role.ADMIN)),
            new Write("POST", "/api/admin/users", null, EnumSet.of(Role.ADMIN)),
            new Write("POST", "/api/cypher", "{\"query\":\"MATCH (t:Task {no: 8}) RETURN t.no AS no\"}", ANALYSTS),
            new Write("POST", "/api/reports/contradictions", "{}", ANALYSTS),
            new Write("POST", "/api/tasks/8/plans", "{\"year\":2025,\"milestones\":[{\"text\":\"完成技改项目\",\"dueQuarter\":4,\"quantity\":10,\"unit\":\"个\"}]}",
                    EnumSet.of(Role.COORDINATOR, Role.DEPARTMENT)),
            new Write("PUT", "/api/chains/" + Api.seg("光电通信") + "/key-enterprises", null, EnumSet.of(Role.COORDINATOR, Role.CHAIN)),
            // issue 16: 季度进展 (task 5 is led by 市经信局), its review, figures (A1-02 owned by 市经信局; a town's own A3-02)
            new Write("POST", "/api/tasks/5/reports", "{\"period\":\"2027Q1\",\"status\":\"按序推进\",\"percent\":20}",
                    EnumSet.of(Role.COORDINATOR, Role.DEPARTMENT)),
            new Write("POST", "/api/tasks/5/reports/2027Q1/review", "{\"decision\":\"accept\"}", EnumSet.of(Role.COORDINATOR)),
            new Write("POST", "/api/indicators/A1-02/actuals", "{\"period\":\"2027Q1\",\"value\":100,\"source\":\"统计部门\"}",
                    EnumSet.of(Role.COORDINATOR, Role.DEPARTMENT)),
            new Write("POST", "/api/indicators/A3-02/actuals", "{\"period\":\"2027Q1\",\"town\":\"当湖街道\",\"value\":1,\"source\":\"镇街道上报\"}",
                    EnumSet.of(Role.COORDINATOR, Role.TOWN)),
            new Write("POST", "/api/auth/tokens", "{\"name\":\"matrix\"}", EnumSet.allOf(Role.class)));

    @BeforeEach
    void people() {
        People.ensure(accounts);
    }

    @Test
    void everyWriteEndpointForEveryRoleAndAnonymous() {
        String enterprise = new Api(port).get("/api/enterprises?chain=" + Api.seg("光电通信") + "&size=1").json()
                .get("items").get(0).get("id").asString();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (Write w : WRITES) {
            for (Role role : Role.values()) {
                String body = w.body() != null ? w.body()
                        : w.path().startsWith("/api/admin/users")
                        ? "{\"username\":\"m-" + (n++) + "\",\"password\":\"matrix-pass-1\",\"roles\":[\"VIEWER\"]}"
                        : "{\"enterprises\":[\"" + enterprise + "\"],\"note\":\"matrix\"}";
                Api.Response r = send(People.api(port, role), w.method(), w.path(), body);
                boolean ok = r.status() >= 200 && r.status() < 300;
                if (ok != w.allowed().contains(role) || !ok && (r.status() != 403 || !r.contentType().contains("problem+json"))) {
                    wrong.add(w.method() + " " + w.path() + " as " + role + " → " + r.status() + " " + r.body());
                }
            }
            Api.Response anonymous = send(Api.anonymous(port), w.method(), w.path(), w.body() == null ? "{}" : w.body());
            if (anonymous.status() != 401 || !anonymous.contentType().contains("problem+json")) {
                wrong.add(w.method() + " " + w.path() + " anonymous → " + anonymous.status() + " " + anonymous.body());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void readsNeedSignInAndInternalDataNeedsItsRole() {
        Api anonymous = Api.anonymous(port);
        for (String path : List.of("/api/departments", "/api/tasks/8", "/api/chains", "/api/me", "/api/audit", "/api/admin/users")) {
            Api.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().get("title").asString()).contains("需要登录");
        }
        Api viewer = People.api(port, Role.VIEWER);
        assertThat(viewer.get("/api/departments").status()).isEqualTo(200);
        assertThat(viewer.get("/api/tasks/8").json().get("lead").asString()).isEqualTo("市经信局");
        assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
        assertThat(viewer.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(viewer.get("/api/chains/" + Api.seg("光电通信") + "/investment-targets").status()).as("internal 招商 list").isEqualTo(403);
        assertThat(People.api(port, Role.INVESTMENT).get("/api/chains/" + Api.seg("光电通信") + "/investment-targets").status()).isEqualTo(200);
        assertThat(People.api(port, Role.COORDINATOR).get("/api/audit").status()).isEqualTo(200);
        // settings, read-only for admins, secrets masked
        Api.Response settings = new Api(port).get("/api/admin/settings");
        assertThat(settings.body()).contains("clustergraph.security.max-failed-sign-ins")
                .contains("\"name\":\"clustergraph.security.admin-password\",\"value\":\"******\"").doesNotContain(Api.ADMIN_PASSWORD);
        assertThat(People.api(port, Role.COORDINATOR).get("/api/admin/settings").status()).isEqualTo(403);
    }

    @Test
    void uiPagesSendAnonymousBrowsersToTheSignInPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/index.html")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).get().asString().endsWith("/login");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("登录").contains("name=\"username\"").contains("name=\"password\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aDepartmentCannotWriteAnotherDepartmentsTaskPlanEvenByCraftingRequests() {
        Api dept = People.api(port, Role.DEPARTMENT);
        String plan = "{\"year\":2025,\"milestones\":[{\"text\":\"越权\",\"dueQuarter\":1}]}";
        // task 2 is led by 市自然资源和规划局 and co-owned by 市经信局; task 52 by 市金融发展服务中心
        for (String path : List.of("/api/tasks/2/plans", "/api/tasks/52/plans", "/api/tasks/%35%32/plans")) {
            Api.Response r = dept.post(path, plan);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("detail").asString()).contains("lead department");
        }
        assertThat(dept.get("/api/tasks/2/plans").json().get("canEdit").asBoolean()).isFalse();
        assertThat(dept.get("/api/tasks/2/plans").json().get("history").size()).as("nothing written").isZero();
        assertThat(dept.get("/api/tasks/8/plans").json().get("canEdit").asBoolean()).isTrue();
        // a chain office cannot edit another chain's list
        Api chain = People.api(port, Role.CHAIN);
        assertThat(chain.put("/api/chains/" + Api.seg("新能源汽车") + "/key-enterprises", "{\"enterprises\":[]}").status()).isEqualTo(403);
        assertThat(dept.get("/api/me").json().get("editable").get("taskPlans").toString()).contains("8").doesNotContain("52");
    }

    /** Uploads (multipart, so not in {@link #WRITES}): only the admin may stage one; everyone else 403, anonymous 401. */
    @Test
    void uploadsAreAdminOnly() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            int status = upload(People.token(port, role));
            if (status != (role == Role.ADMIN ? 201 : 403)) {
                wrong.add("POST /api/admin/uploads as " + role + " → " + status);
            }
        }
        if (upload(null) != 401) {
            wrong.add("POST /api/admin/uploads anonymous → not 401");
        }
        assertThat(wrong).isEmpty();
    }

    private int upload(String token) throws Exception {
        String boundary = "matrix-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nregister\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"enterprises.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncredit_code,name\r\n\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static Api.Response send(Api api, String method, String path, String body) {
        return switch (method) {
            case "POST" -> api.post(path, body);
            case "PUT" -> api.put(path, body);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
