package cn.clustergraph.web;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.clustergraph.Api.seg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errors users met (issue 14), each a clear, bilingual problem+json: broken encodings, malformed JSON, 405, 415, unknown
 * paths, unknown names inside valid requests, oversize pages; and the OpenAPI document's title, version and summaries.
 */
@GraphIntegrationTest
class ApiProblemsIT {

    @LocalServerPort
    int port;

    Api api() {
        return new Api(port);
    }

    HttpResponse<String> raw(String method, String rawPath, String contentType, String body) throws Exception {
        HttpRequest.Builder b = Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath)), port)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The problem of an answer, checked for the shape every error has. */
    JsonNode problem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = new cn.clustergraph.ApiCalls(port).json(r.body());
        assertThat(p.get("type").asString()).isEqualTo("/problems/" + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("zh").asString()).containsPattern("\\p{IsHan}");
        assertThat(p.get("en").asString()).containsPattern("[A-Za-z]{3,}");
        assertThat(p.get("detail").asString()).contains(p.get("en").asString()).contains(p.get("zh").asString());
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return p;
    }

    @Test
    void brokenPercentEncodingsAre400ProblemsNamingTheParameter() throws Exception {
        JsonNode q = problem(raw("GET", "/api/search?q=%E7%BB", null, null), 400, "bad-encoding");
        assertThat(q.get("field").asString()).isEqualTo("q");
        assertThat(q.get("zh").asString()).contains("参数 q");
        // Java's URI refuses "%ZZ", so that one goes through a socket in ApiProblemSweepIT; here the cut UTF-8 sequence
        JsonNode path = problem(raw("GET", "/api/departments/%E7%BB", null, null), 400, "bad-encoding");
        assertThat(path.get("field").asString()).isEqualTo("path");
        JsonNode size = problem(raw("GET", "/api/enterprises?chain=%E7%BB&size=20", null, null), 400, "bad-encoding");
        assertThat(size.get("field").asString()).isEqualTo("chain");
    }

    @Test
    void malformedJsonWrongMethodWrongContentTypeAndUnknownPathsHaveStableTypes() throws Exception {
        problem(raw("POST", "/api/reports/indicator-targets", "application/json", "{bad"), 400, "malformed-body");
        JsonNode cut = problem(raw("POST", "/api/reports/task-provenance", "application/json", "{\"no\": 5"), 400, "malformed-body");
        assertThat(cut.get("en").asString()).contains("request body");
        problem(raw("DELETE", "/api/indicators", null, null), 405, "method-not-allowed");
        problem(raw("POST", "/api/cypher", "text/plain", "MATCH (n) RETURN n"), 415, "unsupported-media-type");
        JsonNode unknown = problem(raw("GET", "/api/no-such-thing", null, null), 404, "no-such-path");
        assertThat(unknown.get("zh").asString()).contains("/api/no-such-thing");
        JsonNode mistyped = problem(raw("GET", "/api/tasks/abc", null, null), 400, "invalid-parameter");
        assertThat(mistyped.get("field").asString()).isEqualTo("no");
        JsonNode bodyField = problem(raw("POST", "/api/tasks/52/plans", "application/json", "{\"year\": \"soon\"}"), 400, "malformed-body");
        assertThat(bodyField.get("field").asString()).isEqualTo("year");
        // sign-in problems have the same shape (written by the security filters)
        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/indicators")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        problem(anonymous, 401, "sign-in-required");
    }

    @Test
    void unknownNamesInsideValidRequestsAreRefusedNotAnsweredEmpty() throws Exception {
        JsonNode segment = problem(raw("GET", "/api/chains/" + seg("新能源汽车") + "/investment-targets?segment=XYZ", null, null),
                400, "unknown-name");
        assertThat(segment.get("field").asString()).isEqualTo("segment");
        assertThat(segment.get("zh").asString()).contains("新能源汽车", "XYZ");
        JsonNode department = problem(raw("POST", "/api/reports/indicator-targets", "application/json", "{\"department\":\"火星局\"}"),
                400, "unknown-name");
        assertThat(department.get("field").asString()).isEqualTo("department");
        assertThat(department.get("zh").asString()).contains("火星局");
        problem(raw("GET", "/api/departments/" + seg("火星局"), null, null), 404, "not-found");
        for (String[] c : List.of(new String[]{"/api/enterprises?chain=" + seg("火星链"), "chain"},
                new String[]{"/api/enterprises?segment=NOPE-01", "segment"},
                new String[]{"/api/enterprises?town=" + seg("火星镇"), "town"},
                new String[]{"/api/enterprises?honour=" + seg("火星奖"), "honour"},
                new String[]{"/api/targets?indicator=A9-99", "indicator"},
                new String[]{"/api/tasks?measure=M99", "measure"},
                new String[]{"/api/tasks?section=S9.9", "section"},
                new String[]{"/api/tasks?department=" + seg("火星局"), "department"},
                new String[]{"/api/indicators?origin=" + seg("附件9"), "origin"},
                new String[]{"/api/reports/enterprises-with-honour/run?town=" + seg("火星镇"), "town"},
                new String[]{"/api/reports/task-provenance/run?no=99", "no"})) {
            assertThat(problem(raw("GET", c[0], null, null), 400, "unknown-name").get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        // the same names still work
        assertThat(api().get("/api/chains/" + seg("新能源汽车") + "/investment-targets?segment=NEV-U01").status()).isEqualTo(200);
        assertThat(api().post("/api/reports/indicator-targets", "{\"department\":\"经信局\"}").json().get("rowCount").asInt()).isPositive();
    }

    @Test
    void anOversizePageIsRefusedTheSameWayEverywhere() throws Exception {
        for (String path : List.of("/api/enterprises?size=100000", "/api/targets?size=100000", "/api/chains?size=100000",
                "/api/clusters?size=100000", "/api/audit?size=100000", "/api/targets/A1-02/contributors?size=100000",
                "/api/search?q=" + seg("经信局") + "&size=100000")) {
            JsonNode p = problem(raw("GET", path, null, null), 400, "bad-request");
            assertThat(p.get("field").asString()).as(path).isEqualTo("size");
            assertThat(p.get("zh").asString()).as(path).contains("最大为");
        }
        assertThat(problem(raw("GET", "/api/chains/" + seg("光电通信") + "?top=1000", null, null), 400, "bad-request").get("field").asString())
                .isEqualTo("top");
        assertThat(api().get("/api/enterprises?size=200").json().get("size").asInt()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentHasARealTitleVersionAndABilingualSummaryPerOperation() {
        JsonNode doc = api().get("/v3/api-docs").json();
        assertThat(doc.get("info").get("title").asString()).contains("集群图谱").contains("Cluster Graph");
        assertThat(doc.get("info").get("description").asString()).contains("平政发〔2023〕38号").contains("problem+json");
        assertThat(doc.get("info").get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        int operations = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String summary = op.getValue().path("summary").asString("");
                assertThat(summary).as(op.getKey() + " " + path.getKey()).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{3,}.*[A-Za-z]{3,}");
            }
        }
        assertThat(operations).isGreaterThan(50);
    }
}
