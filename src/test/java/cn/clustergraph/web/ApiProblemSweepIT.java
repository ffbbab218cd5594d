package cn.clustergraph.web;

import cn.clustergraph.Api;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import cn.clustergraph.GraphIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, signed in as a user holding the admin, coordinator, 招商 and analyst roles
 * (so that every operation gets past authorization to its own checks), called with what users and scripts get wrong: broken
 * percent-encodings in the path and the query, unknown names, wrong types, oversize page sizes, a wrong method, a wrong
 * content type and malformed JSON. Fails on any 5xx, any error that is not the API's problem+json (stable type, title,
 * detail, zh, en) and any stack trace or ERROR line in the log. Requests that could write are only ever sent in shapes
 * that cannot succeed (unknown names, unreadable bodies), so the sweep changes nothing.
 */
@GraphIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiProblemSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNKNOWN = URLEncoder.encode("不存在的名称XYZ", StandardCharsets.UTF_8);
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final Set<String> SIZE_PARAMS = Set.of("size", "limit", "top");
    /** Valid values for required query parameters, so that the parameter under test is the only thing wrong. */
    private static final Map<String, String> VALID = Map.of("q", URLEncoder.encode("经信局", StandardCharsets.UTF_8), "kind", "Chain",
            "id", URLEncoder.encode("光电通信", StandardCharsets.UTF_8), "chain", URLEncoder.encode("光电通信", StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private String token;

    /** The sweeper: every role that passes the URL rules (admin pages, the coordinator's tracking, 招商 leads, the console). */
    String token() {
        if (token == null) {
            TestUsers.ensure(accounts, "t-sweeper", "sweeper-Passw0rd!", Role.ADMIN, Role.COORDINATOR, Role.INVESTMENT, Role.ANALYST);
            token = Api.token(port, "t-sweeper", "sweeper-Passw0rd!");
        }
        return token;
    }

    /** A raw HTTP/1.0 exchange (a socket, so that malformed targets such as "%ZZ" reach the server as they are). */
    record Answer(String request, int status, String contentType, String body) {
    }

    Answer send(String method, String target, String contentType, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + token() + "\r\nAccept: application/json\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String raw = all.toString(StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String headers = split < 0 ? raw : raw.substring(0, split);
            String content = split < 0 ? "" : raw.substring(split + 4);
            int status = Integer.parseInt(headers.split(" ", 3)[1]);
            String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Answer(method + " " + target + (contentType == null ? "" : " [" + contentType + "] " + body), status, type, content);
        }
    }

    /** One operation of the document. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode requestBody) {
    }

    List<Operation> operations() throws Exception {
        Answer docs = send("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode doc = JSON.readTree(docs.body());
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                if (op.getValue().has("parameters")) {
                    op.getValue().get("parameters").forEach(params::add);
                }
                ops.add(new Operation(op.getKey().toUpperCase(), path.getKey(), params, op.getValue().get("requestBody")));
            }
        }
        return ops;
    }

    static String type(JsonNode param) {
        JsonNode schema = param.get("schema");
        if (schema == null) {
            return "string";
        }
        JsonNode t = schema.has("type") ? schema.get("type") : schema.get("types");
        if (t == null) {
            return "object";
        }
        return t.isArray() ? t.get(0).asString() : t.asString();
    }

    /** The path with every path variable replaced by {@code value} (already encoded). */
    static String fill(Operation op, String value, Map<String, String> overrides) {
        String p = op.path();
        for (JsonNode param : op.parameters()) {
            if ("path".equals(param.get("in").asString())) {
                String name = param.get("name").asString();
                p = p.replace("{" + name + "}", overrides.getOrDefault(name, value));
            }
        }
        return p;
    }

    /** "&q=…" for every required query parameter but {@code except}. */
    static String required(Operation op, String except) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : op.parameters()) {
            String name = p.get("name").asString();
            if ("query".equals(p.get("in").asString()) && p.path("required").asBoolean(false) && !name.equals(except)) {
                sb.append('&').append(name).append('=').append(VALID.getOrDefault(name, UNKNOWN));
            }
        }
        return sb.toString();
    }

    static List<String> names(Operation op, String in) {
        return op.parameters().stream().filter(p -> in.equals(p.get("in").asString())).map(p -> p.get("name").asString()).toList();
    }

    @Test
    void everyOperationAnswersEveryMistakeWithAProblemAndNeverA5xxOrAStackTrace(CapturedOutput output) throws Exception {
        int logStart = output.getAll().length();
        List<Operation> ops = operations();
        assertThat(ops).hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        Set<String> pathsDone = new java.util.HashSet<>();
        for (Operation op : ops) {
            boolean get = op.method().equals("GET");
            boolean hasPathParams = !names(op, "path").isEmpty();
            String unknownPath = fill(op, UNKNOWN, Map.of());

            // broken percent-encodings: in every path variable, in every query parameter, or in a stray one
            for (String broken : List.of("%E7%BB", "%ZZ", "%")) {
                for (String var : names(op, "path")) {
                    expect(failures, answers, send(op.method(), fill(op, UNKNOWN, Map.of(var, broken)), null, null), 400, "bad-encoding");
                }
                List<String> query = new ArrayList<>(names(op, "query"));
                if (query.isEmpty()) {
                    query.add("x");
                }
                for (String q : query) {
                    expect(failures, answers, send(op.method(), unknownPath + "?" + q + "=" + broken, null, null), 400, "bad-encoding");
                }
            }

            // unknown names and wrong types: never a 5xx; a GET that reads a name answers 4xx or (free text) 200
            if (get || hasPathParams) {
                String contentType = get ? null : "application/json";
                String body = get ? null : "{\"unknown\": true, \"enterprises\": [], \"year\": 2025, \"milestones\": []}";
                expect(failures, answers, send(op.method(), unknownPath, contentType, body), 0, null);
            }
            if (get) {
                for (JsonNode param : op.parameters()) {
                    String name = param.get("name").asString();
                    String t = type(param);
                    String in = param.get("in").asString();
                    if (!"query".equals(in)) {
                        if ("path".equals(in) && (t.equals("integer") || t.equals("number"))) {
                            expect(failures, answers, send("GET", fill(op, "abc", Map.of()), null, null), 400, "invalid-parameter");
                        }
                        continue;
                    }
                    if (t.equals("integer") || t.equals("number") || t.equals("boolean")) {
                        expect(failures, answers, send("GET", unknownPath + "?" + name + "=abc" + required(op, name), null, null), 400, "invalid-parameter");
                    } else if (t.equals("string")) {
                        expect(failures, answers, send("GET", unknownPath + "?" + name + "=" + UNKNOWN, null, null), 0, null);
                    }
                    if (SIZE_PARAMS.contains(name)) {
                        // refused the same way everywhere (400 naming the parameter); an unknown name in the path may be found first (404)
                        Answer a = send("GET", fill(op, UNKNOWN, Map.of()) + "?" + name + "=100000" + required(op, name), null, null);
                        expect(failures, answers, a, hasPathParams ? 0 : 400, null);
                        if (a.status() < 400) {
                            failures.add(a.request() + " → " + a.status() + ": an oversize " + name + " was accepted");
                        } else if (!hasPathParams && !a.body().contains("\"field\":\"" + name + "\"")) {
                            failures.add(a.request() + " → does not name " + name + ": " + a.body());
                        }
                    }
                }
            }

            // malformed JSON and a wrong content type for every operation that takes a body (with unknown names: never a write)
            if (op.requestBody() != null) {
                expect(failures, answers, send(op.method(), unknownPath, "application/json", "{bad json"), 0, null);
                expect(failures, answers, send(op.method(), unknownPath, "text/plain", "x"), 0, null);
                boolean json = op.requestBody().path("content").has("application/json");
                if (json && !hasPathParams) {
                    expect(failures, answers, send(op.method(), op.path(), "application/json", "{bad json"), 400, "malformed-body");
                    expect(failures, answers, send(op.method(), op.path(), "text/plain", "x"), 415, "unsupported-media-type");
                }
            }

            // a method the path does not have
            if (pathsDone.add(op.path())) {
                Set<String> declared = new java.util.HashSet<>();
                ops.stream().filter(o -> o.path().equals(op.path())).forEach(o -> declared.add(o.method()));
                String wrong = declared.contains("PATCH") ? "TRACE" : "PATCH";
                // a literal path that another operation's template also matches (/api/leads/ledger vs PATCH /api/leads/{id}) has that method
                boolean viaTemplate = ops.stream().anyMatch(o -> o.method().equalsIgnoreCase(wrong)
                        && op.path().matches(o.path().replaceAll("\\{[^/}]+}", "[^/]+")));
                if (!wrong.equals("TRACE") && !viaTemplate) {
                    expect(failures, answers, send(wrong, unknownPath, null, null), 405, "method-not-allowed");
                }
            }
        }
        // unknown paths and the container's own refusals
        expect(failures, answers, send("GET", "/api/no-such-thing", null, null), 404, "no-such-path");
        expect(failures, answers, send("GET", "/api/departments/%E7%BB", null, null), 400, "bad-encoding");
        expect(failures, answers, send("GET", "/api/search?q=%ZZ", null, null), 400, "bad-encoding");

        assertThat(failures).as(failures.size() + " of " + answers.size() + " answers were not clear problems").isEmpty();
        assertThat(answers).hasSizeGreaterThan(300);
        String log = output.getAll().substring(logStart);
        assertThat(log).as("stack traces in the log during the sweep").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(log.lines().filter(l -> l.contains(" ERROR ")).toList()).as("ERROR lines during the sweep").isEmpty();
    }

    /** Records a failure unless the answer is below 500, a proper problem when an error, and of the expected status/type. */
    void expect(List<String> failures, List<Answer> answers, Answer a, int status, String slug) {
        answers.add(a);
        if (a.status() >= 500) {
            failures.add(a.request() + " → " + a.status() + " " + a.body());
            return;
        }
        if (status != 0 && a.status() != status) {
            failures.add(a.request() + " → " + a.status() + " (expected " + status + ") " + a.body());
            return;
        }
        if (a.body().contains("\tat ") || a.body().contains("Exception")) {
            failures.add(a.request() + " → stack trace or exception in the body: " + a.body());
            return;
        }
        if (a.status() < 400) {
            return;
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            failures.add(a.request() + " → " + a.status() + " as " + a.contentType() + ": " + a.body());
            return;
        }
        try {
            JsonNode p = JSON.readTree(a.body());
            Map<String, String> members = new LinkedHashMap<>();
            for (String m : List.of("type", "title", "detail", "zh", "en")) {
                members.put(m, p.path(m).asString(""));
            }
            if (!members.get("type").startsWith("/problems/") || members.values().stream().anyMatch(String::isBlank)
                    || p.path("status").asInt() != a.status()) {
                failures.add(a.request() + " → not the API's problem shape: " + a.body());
            } else if (slug != null && !members.get("type").equals("/problems/" + slug)) {
                failures.add(a.request() + " → type " + members.get("type") + " (expected /problems/" + slug + ")");
            } else if (!members.get("zh").codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                failures.add(a.request() + " → zh has no Chinese: " + members.get("zh"));
            }
        } catch (Exception e) {
            failures.add(a.request() + " → body is not JSON: " + a.body());
        }
    }
}
