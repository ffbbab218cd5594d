package cn.clustergraph.bench;

import cn.clustergraph.ApiCalls;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.sample.RegisterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static cn.clustergraph.ApiCalls.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in (runs only with {@code -Dbench.size=N}): generates a register of N enterprises (~5 supply links each), imports it
 * next to the sample, times the paginated lists and views, then removes it. Run:
 * {@code mvn verify -Dtest=RegisterScaleBenchIT -Dbench.size=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "bench.size", matches = "\\d+")
@GraphIntegrationTest
class RegisterScaleBenchIT {

    @Autowired
    RegisterImporter importer;
    @Autowired
    org.neo4j.driver.Driver driver;
    @LocalServerPort
    int port;

    static long hits(org.neo4j.driver.summary.ProfiledPlan p) {
        return p.dbHits() + p.children().stream().mapToLong(RegisterScaleBenchIT::hits).sum();
    }

    static String ops(org.neo4j.driver.summary.ProfiledPlan p, int depth) {
        StringBuilder b = new StringBuilder("\n" + "  ".repeat(depth) + p.operatorType() + " rows=" + p.records() + " hits=" + p.dbHits()
                + " " + p.arguments().getOrDefault("Details", org.neo4j.driver.Values.NULL).toString().replaceAll("\\s+", " "));
        p.children().forEach(c -> b.append(ops(c, depth + 1)));
        return b.toString();
    }

    @Test
    void importAndListAtScale(@TempDir Path dir) throws Exception {
        int size = Integer.getInteger("bench.size");
        String dataset = "bench-" + size;
        long t = System.nanoTime();
        var g = RegisterGenerator.generate(size, 99, dataset, dir, ImportSource.of("import"));
        System.out.printf("BENCH generate %s in %d ms%n", g, (System.nanoTime() - t) / 1_000_000);
        try {
            var r = importer.load(RegisterSource.of(dir), dataset);
            System.out.println("BENCH import " + r.summary());
            ApiCalls api = new ApiCalls(port);
            String profile = System.getProperty("bench.profile") == null ? ""
                    : java.nio.file.Files.readString(Path.of(System.getProperty("bench.profile")));
            List<String> profiled = new java.util.ArrayList<>(List.of(profile.split(";;")));
            if (Boolean.getBoolean("bench.profileQueries")) {
                var qs = cn.clustergraph.indicator.TargetService.queries();
                profiled.add(qs.get("list").replace("$indicator", "null").replace("$measured", "true").replace("$year", "null")
                        .replace("$primary", "null").replace("$sample", "null").replace("$skip", "0").replace("$limit", "50"));
                profiled.add(qs.get("contributors").replace("$id", "'S-BENCH-" + size + "-NEV-OUTPUT-2027'").replace("$skip", "0").replace("$limit", "50"));
                profiled.add(qs.get("contributors").replace("$id", "'A1-02-2027'").replace("$skip", "0").replace("$limit", "50"));
            }
            for (String q : profiled) {
                if (q.isBlank()) {
                    continue;
                }
                try (var session = driver.session()) {
                    for (int i = 0; i < 3; i++) {
                        long s = System.nanoTime();
                        var summary = session.run("PROFILE " + q).consume();
                        long ms = (System.nanoTime() - s) / 1_000_000;
                        if (i == 2) {
                            System.out.println("BENCH PROFILE " + ms + " ms, " + hits(summary.profile()) + " db hits: " + q.replaceAll("\\s+", " "));
                            System.out.println("BENCH PLAN " + ops(summary.profile(), 0));
                        }
                    }
                }
            }
            for (String p : List.of("/api/enterprises?size=50", "/api/enterprises?size=50&page=100",
                    "/api/enterprises?chain=" + enc("新能源汽车") + "&size=50", "/api/enterprises?town=" + enc("经开区") + "&size=50",
                    "/api/enterprises?honour=" + enc("小巨人") + "&size=50", "/api/enterprises?segment=NEV-M02&size=50",
                    "/api/enterprises?q=" + enc("光电") + "&size=50", "/api/chains", "/api/chains/" + enc("新能源汽车"),
                    "/api/targets?measured=true", "/api/targets/A1-02/contributors?size=50",
                    "/api/targets/S-BENCH-" + size + "-NEV-OUTPUT-2027/contributors?size=50", "/api/targets/G-LITTLEGIANT-2027-MAIN/contributors",
                    "/api/search?q=" + enc("光电"))) {
                long[] ms = new long[5];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    assertThat(api.raw(p).statusCode()).as(p).isEqualTo(200);
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                }
                Arrays.sort(ms);
                System.out.printf("BENCH %-70s min/median/max of 5 %d/%d/%d ms%n", p, ms[0], ms[2], ms[4]);
            }
        } finally {
            long s = System.nanoTime();
            System.out.println("BENCH remove " + importer.remove(dataset) + " in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        }
    }
}
