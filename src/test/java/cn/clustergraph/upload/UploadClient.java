package cn.clustergraph.upload;

import cn.clustergraph.Api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The upload API over real HTTP (multipart built by hand), answers parsed as JSON. */
final class UploadClient {

    record Answer(int status, String contentType, JsonNode json) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    UploadClient(int port) {
        this.port = port;
    }

    /** POST /api/admin/uploads with the given form fields and, when {@code fileName} is not null, the file part. */
    Answer upload(Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "----cg" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/api/admin/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Confirms and waits until the write has finished (applied or failed). */
    JsonNode confirmAndWait(String id) throws InterruptedException {
        Answer a = post("/api/admin/uploads/" + id + "/confirm");
        if (a.status() != 202) {
            throw new AssertionError("confirm answered " + a.status() + ": " + a.json());
        }
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            JsonNode s = get("/api/admin/uploads/" + id).json();
            if (!s.get("state").asString().equals("applying")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("upload " + id + " still applying after 120 s");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Every call as the admin (uploads are admin-only), through the shared test sign-in. */
    private Answer send(HttpRequest.Builder b) {
        Api.signedIn(b, port);
        try {
            HttpResponse<String> r = HTTP.send(b.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            return new Answer(r.statusCode(), type, r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
