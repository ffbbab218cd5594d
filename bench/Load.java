import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Load test of bench/load.sh: N concurrent clients (virtual threads, one HTTP/1.1 connection each at a time) call the hot
 * read endpoints in turn for a bounded time, optionally while a register is uploaded and imported through the API; prints
 * requests/s, p50/p95/p99/max overall and per endpoint, and every error (a non-2xx answer or a failed request).
 * Exit code 1 when any request failed.
 *
 * Usage: java bench/Load.java BASE_URL [--clients=200] [--seconds=60] [--warmup=5] [--import=REGISTER_DIR_OR_FILE] [--dataset=NAME]
 * The API token comes from CLUSTERGRAPH_TOKEN, or is requested for admin with CLUSTERGRAPH_ADMIN_PASSWORD.
 * No dependency beyond the JDK (21+): run it with `java bench/Load.java …` from the repository root.
 */
public class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    record Endpoint(String name, String path) {
    }

    /** Latencies (microseconds) of one endpoint, appended by many clients. */
    static final class Samples {
        private long[] v = new long[1 << 14];
        private int n;

        synchronized void add(long micros) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = micros;
        }

        synchronized long[] sorted() {
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return s;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String token;

    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    static HttpRequest.Builder req(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    static String get(String base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(req(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static List<String> all(String regex, String text, int max) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find() && out.size() < max) {
            out.add(m.group(1));
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = a.indexOf('=');
            o.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        int clients = Integer.parseInt(o.getOrDefault("clients", "200"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        token = System.getenv("CLUSTERGRAPH_TOKEN");
        if (token == null || token.isEmpty()) {
            String pw = System.getenv("CLUSTERGRAPH_ADMIN_PASSWORD");
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + pw + "\",\"name\":\"load\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            token = all("\"token\"\\s*:\\s*\"([^\"]+)\"", r.body(), 1).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no API token: set CLUSTERGRAPH_TOKEN or CLUSTERGRAPH_ADMIN_PASSWORD (" + r.statusCode() + ")"));
        }

        // the questions: the chain leader's, the 招商 team's, the department's, the search box; ids taken from the data
        String chain = "光电通信";
        String page = get(base, "/api/enterprises?chain=" + enc(chain) + "&size=50");
        List<String> ids = all("\"id\"\\s*:\\s*\"([0-9A-Z]{18})\"", page, 50);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no enterprise ids in " + page.substring(0, Math.min(300, page.length())));
        }
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                new Endpoint("chains", "/api/chains"),
                new Endpoint("chain view", "/api/chains/" + enc(chain)),
                new Endpoint("chain gaps", "/api/chains/" + enc(chain) + "/gaps"),
                new Endpoint("gap matrix", "/api/gaps"),
                new Endpoint("enterprise list", "/api/enterprises?chain=" + enc(chain) + "&size=50"),
                new Endpoint("enterprise list (town)", "/api/enterprises?town=" + enc("当湖街道") + "&size=50"),
                new Endpoint("search", "/api/search?q=" + enc("光电")),
                new Endpoint("task", "/api/tasks/52"),
                new Endpoint("department", "/api/departments/" + enc("市经信局")),
                new Endpoint("indicator", "/api/indicators/A3-10")));
        for (int i = 0; i < Math.min(5, ids.size()); i++) {
            endpoints.add(new Endpoint("enterprise " + (i + 1), "/api/enterprises/" + ids.get(i * ids.size() / Math.min(5, ids.size()))));
        }
        for (Endpoint e : endpoints) {
            get(base, e.path()); // every endpoint answers before the clock starts
        }

        Map<String, Samples> samples = new LinkedHashMap<>();
        endpoints.forEach(e -> samples.put(e.name(), new Samples()));
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        Map<String, String> firstError = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong measured = new AtomicLong();
        System.out.printf("load: %d clients, %d s (after %d s warm-up) over %d endpoints at %s%n", clients, seconds, warmup, endpoints.size(), base);

        Thread importer = null;
        String[] importResult = {"no import"};
        if (o.containsKey("import")) {
            Path source = Path.of(o.get("import"));
            String dataset = o.getOrDefault("dataset", "load-import");
            importer = Thread.ofPlatform().name("import").start(() -> importResult[0] = runImport(base, source, dataset, measureFrom));
        }

        CountDownLatch done = new CountDownLatch(clients);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int offset = c;
                pool.submit(() -> {
                    Random rnd = new Random(offset);
                    int i = offset % endpoints.size();
                    while (System.nanoTime() < end) {
                        Endpoint e = endpoints.get(i);
                        i = (i + 1 + rnd.nextInt(3)) % endpoints.size();
                        long t0 = System.nanoTime();
                        String failure = null;
                        try {
                            HttpResponse<byte[]> r = HTTP.send(req(base, e.path()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                failure = "HTTP " + r.statusCode() + " " + e.name();
                                firstError.putIfAbsent(failure, new String(r.body(), StandardCharsets.UTF_8));
                            }
                        } catch (Exception ex) {
                            failure = ex.getClass().getSimpleName() + " " + e.name();
                            firstError.putIfAbsent(failure, String.valueOf(ex.getMessage()));
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            measured.incrementAndGet();
                            if (failure == null) {
                                samples.get(e.name()).add((t1 - t0) / 1_000);
                            } else {
                                errors.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
                            }
                        }
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        if (importer != null) {
            importer.join();
        }

        long[] allSamples = samples.values().stream().flatMapToLong(s -> Arrays.stream(s.sorted())).sorted().toArray();
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.println();
        System.out.printf("| clients | seconds | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |%n|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d | %d | %.0f | %s | %s | %s | %s | %d |%n", clients, seconds, measured.get(), measured.get() / (double) seconds,
                ms(allSamples, 0.50), ms(allSamples, 0.95), ms(allSamples, 0.99), ms(allSamples, 1.0), errorCount);
        System.out.println();
        System.out.printf("| endpoint | requests | p50 ms | p95 ms | p99 ms |%n|---|---|---|---|---|%n");
        samples.forEach((name, s) -> {
            long[] v = s.sorted();
            System.out.printf("| %s | %d | %s | %s | %s |%n", name, v.length, ms(v, 0.50), ms(v, 0.95), ms(v, 0.99));
        });
        System.out.println();
        System.out.println("import during the run: " + importResult[0]);
        if (importer != null && !importResult[0].contains(", applied ")) {
            System.out.println("the import did not apply");
            System.exit(1);
        }
        if (errorCount > 0) {
            System.out.println("errors:");
            errors.forEach((k, v) -> System.out.println("  " + v.get() + " × " + k + " — first: " + cut(firstError.get(k))));
            System.exit(1);
        }
        System.out.println("errors: 0");
    }

    static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, i)] / 1000.0);
    }

    static String cut(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** Uploads a register (a folder of CSV files is zipped), confirms it and waits until it is applied; returns what happened. */
    static String runImport(String base, Path source, String dataset, long notBefore) {
        try {
            while (System.nanoTime() < notBefore) {
                Thread.sleep(100);
            }
            byte[] file;
            String name;
            if (Files.isDirectory(source)) {
                ByteArrayOutputStream zip = new ByteArrayOutputStream();
                try (ZipOutputStream z = new ZipOutputStream(zip); Stream<Path> files = Files.list(source)) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                        Files.copy(p, z);
                        z.closeEntry();
                    }
                }
                file = zip.toByteArray();
                name = "register.zip";
            } else {
                file = Files.readAllBytes(source);
                name = source.getFileName().toString();
            }
            long t0 = System.nanoTime();
            String boundary = "----load" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            part(body, boundary, "kind", null, "register".getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "dataset", null, dataset.getBytes(StandardCharsets.UTF_8));
            part(body, boundary, "file", name, file);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            // the upload is validated before it answers: minutes under load, not a read's 60 s
            HttpResponse<String> up = HTTP.send(req(base, "/api/admin/uploads").timeout(IMPORT_TIMEOUT).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            String id = all("\"id\"\\s*:\\s*\"([^\"]+)\"", up.body(), 1).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("upload: " + up.statusCode() + " " + cut(up.body())));
            if (!up.body().contains("\"validated\"")) {
                return "upload not validated: " + cut(up.body());
            }
            long validated = System.nanoTime();
            HttpResponse<String> c = HTTP.send(req(base, "/api/admin/uploads/" + id + "/confirm").timeout(IMPORT_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (c.statusCode() != 202) {
                return "confirm: " + c.statusCode() + " " + cut(c.body());
            }
            while (true) {
                Thread.sleep(500);
                String s = get(base, "/api/admin/uploads/" + id);
                if (s.contains("\"applied\"") || s.contains("\"failed\"")) {
                    return String.format("%s (%d bytes): validated in %.1f s, %s %.1f s after confirm", name, file.length,
                            (validated - t0) / 1e9, s.contains("\"applied\"") ? "applied" : "FAILED " + cut(s), (System.nanoTime() - validated) / 1e9);
                }
            }
        } catch (Exception e) {
            return "import failed: " + e;
        }
    }

    static void part(ByteArrayOutputStream out, String boundary, String field, String filename, byte[] content) throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (filename == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
