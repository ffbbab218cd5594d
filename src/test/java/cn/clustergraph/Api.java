package cn.clustergraph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP client for tests against the app on its random port: GET/POST/PUT/DELETE JSON, percent-encoding Chinese
 * paths. The one place tests authenticate: by default as {@code admin} (password from application-test.properties)
 * with an API token obtained through {@code POST /api/auth/token}; {@link #as(String)} for another user's token,
 * {@link #anonymous(int)} for none.
 */
public final class Api {

    /** Status, content type and parsed JSON body of a response. */
    public record Response(int status, String contentType, String body, JsonNode json) {
    }

    /** The first admin's password in tests ({@code clustergraph.security.admin-password} in application-test.properties). */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private final int port;
    /** Bearer token sent with every request; null = anonymous; ADMIN = the cached admin token. */
    private final String token;
    private static final String ADMIN = "\u0000admin";

    public Api(int port) {
        this(port, ADMIN);
    }

    private Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** No credentials at all (what an anonymous browser or script gets). */
    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** The same app, with another bearer token. */
    public Api as(String bearerToken) {
        return new Api(port, bearerToken);
    }

    /** A new API token for a user, by name and password (POST /api/auth/token). */
    public static String token(int port, String username, String password) {
        Response r = anonymous(port).post("/api/auth/token",
                JSON.createObjectNode().put("username", username).put("password", password).put("name", "tests").toString());
        if (r.status() != 201) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    /** The admin's API token for the app on this port (obtained once per port). */
    public static String adminToken(int port) {
        return ADMIN_TOKENS.computeIfAbsent(port, p -> token(p, "admin", ADMIN_PASSWORD));
    }

    /** Adds the admin's bearer token to a request built elsewhere (tests with their own HttpClient). */
    public static HttpRequest.Builder signedIn(HttpRequest.Builder builder, int port) {
        return builder.header("Authorization", "Bearer " + adminToken(port));
    }

    /** Percent-encodes one path segment (Chinese names, spaces). */
    public static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Raw bytes of a download, with its headers. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return HTTP.send(auth(HttpRequest.newBuilder(uri(path)).GET()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP " + path + " failed", e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder auth(HttpRequest.Builder b) {
        if (token == null) {
            return b;
        }
        return b.header("Authorization", "Bearer " + (ADMIN.equals(token) ? adminToken(port) : token));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(auth(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), type, r.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP " + request.build().uri() + " failed", e);
        }
    }
}
