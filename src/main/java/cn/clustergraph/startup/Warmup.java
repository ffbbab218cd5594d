package cn.clustergraph.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Calls the hot read endpoints over loopback before the app reports ready, so the first real user does not pay for
 * Cypher planning and JIT compilation (a cold chain view costs seconds; warm it costs milliseconds).
 */
@Component
@Order(0)
class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final GraphInitializer initializer;
    private final int iterations;
    private final List<String> paths;
    private final Duration budget;

    Warmup(GraphInitializer initializer, @Value("${clustergraph.warmup.iterations:20}") int iterations,
           @Value("${clustergraph.warmup.paths:}") List<String> paths,
           @Value("${clustergraph.warmup.max-time:8s}") Duration budget) {
        this.initializer = initializer;
        this.iterations = iterations;
        this.budget = budget;
        this.paths = paths.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    @EventListener
    void warm(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || iterations <= 0 || paths.isEmpty()) {
            initializer.warmedUp("skipped");
            return;
        }
        long started = System.nanoTime();
        int port = web.getWebServer().getPort();
        int failures = 0;
        int rounds = 0;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            // the first round always runs (every query planned once); further rounds while within the time budget
            for (int i = 0; i < iterations && (i == 0 || System.nanoTime() - started < budget.toNanos()); i++) {
                rounds++;
                for (String path : paths) {
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + encode(path)))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() >= 500 && i == 0) {
                            failures++;
                            log.warn("Warm-up GET {} answered {}", path, r.statusCode());
                        }
                    } catch (Exception e) {
                        failures++;
                        if (i == 0) {
                            log.warn("Warm-up GET {} failed: {}", path, e.toString());
                        }
                    }
                }
            }
        }
        String summary = rounds + " × " + paths.size() + " requests in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (failures > 0 ? ", " + failures + " failed" : "");
        log.info("Warm-up done: {}", summary);
        initializer.warmedUp(summary);
    }

    /** Percent-encodes non-ASCII characters of a configured path (Chinese names). */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(c < 128 ? String.valueOf(c) : URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
