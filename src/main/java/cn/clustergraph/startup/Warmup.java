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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Calls the hot read endpoints over loopback before the app reports ready, so the first real user does not pay for
 * Cypher planning and JIT compilation (a cold chain view costs seconds; warm it costs milliseconds).
 */
@Component
@Order(0)
class Warmup {

    private static final Logger log = LoggerFactory.getLogger(Warmup.class);

    private final GraphInitializer initializer;
    private final WarmupAccess internalToken;
    private final int iterations;
    private final List<String> paths;
    private final Duration budget;
    private final int threads;

    Warmup(GraphInitializer initializer, WarmupAccess internalToken, @Value("${clustergraph.warmup.iterations:20}") int iterations,
           @Value("${clustergraph.warmup.paths:}") List<String> paths,
           @Value("${clustergraph.warmup.max-time:3s}") Duration budget,
           @Value("${clustergraph.warmup.threads:0}") int threads) {
        this.initializer = initializer;
        this.internalToken = internalToken;
        this.iterations = iterations;
        this.budget = budget;
        this.threads = threads;
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
        AtomicInteger failures = new AtomicInteger();
        Map<String, Long> firstMs = new ConcurrentHashMap<>();
        int rounds = 0;
        int workers = Math.max(1, Math.min(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), paths.size()));
        // sign-in is required everywhere: the warm-up reads with a one-time in-memory token, revoked when it is done
        String token = internalToken.issue();
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("warmup-", 1).daemon().factory());
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            // the first round always runs (every query planned once); further rounds while within the time budget
            for (int i = 0; i < iterations && (i == 0 || System.nanoTime() - started < budget.toNanos()); i++) {
                rounds++;
                boolean first = i == 0;
                List<Future<?>> calls = new ArrayList<>();
                for (String path : paths) {
                    calls.add(pool.submit(() -> call(http, port, path, token, first, failures, firstMs)));
                }
                for (Future<?> call : calls) {
                    try {
                        call.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (ExecutionException e) {
                        failures.incrementAndGet();
                    }
                }
                if (first) {
                    log.info("Warm-up first round ({} threads) in {} ms; slowest: {}", workers, (System.nanoTime() - started) / 1_000_000,
                            slowest(firstMs));
                }
            }
        } finally {
            pool.shutdownNow();
            internalToken.revoke();
        }
        String summary = rounds + " × " + paths.size() + " requests in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (failures.get() > 0 ? ", " + failures.get() + " failed" : "");
        log.info("Warm-up done: {}", summary);
        initializer.warmedUp(summary);
    }

    private void call(HttpClient http, int port, String path, String token, boolean first, AtomicInteger failures, Map<String, Long> firstMs) {
        long t = System.nanoTime();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + encode(path)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 400 && first) {
                // a 4xx means the path warms an error page, not the query it is there for (e.g. a misspelt name)
                failures.incrementAndGet();
                log.warn("Warm-up GET {} answered {}", path, r.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.incrementAndGet();
            if (first) {
                log.warn("Warm-up GET {} failed: {}", path, e.toString());
            }
        }
        if (first) {
            firstMs.put(path, (System.nanoTime() - t) / 1_000_000);
        }
    }

    /** The first-round durations, slowest first, for the log. */
    private static String slowest(Map<String, Long> firstMs) {
        return firstMs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
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
