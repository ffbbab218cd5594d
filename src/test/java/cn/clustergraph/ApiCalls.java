package cn.clustergraph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP GETs against the running test app as its admin (token from {@link Api}), answers parsed as JSON. */
public final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ApiCalls(int port) {
        this.port = port;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> raw(String path) {
        try {
            return HTTP.send(Api.signedIn(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), port).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200; the body as JSON. */
    public JsonNode get(String path) {
        HttpResponse<String> r = raw(path);
        assertThat(r.statusCode()).as("GET " + path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The elements of a JSON array, for streams and AssertJ. */
    public static java.util.List<JsonNode> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }

    public JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
