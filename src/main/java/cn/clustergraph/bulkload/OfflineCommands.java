package cn.clustergraph.bulkload;

import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.cli.CliOptions;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code offline-import --file=DIR [--dataset=NAME]}: the offline importer into an empty store ({@link OfflineImport}),
 * run before Spring starts; then the app starts on the store and {@code offline-finish} applies the schema, loads the
 * programme, the register's dataset and chain targets, and refreshes the rollups.
 */
@Configuration(proxyBeanMethods = false)
public class OfflineCommands {

    /** Runs before Spring starts: writes the store (or exits with the code of a failure); returns the arguments to start Spring with. */
    public static String[] beforeSpring(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Map<String, String> o = CliOptions.parse(rest);
        ImportSource source = ImportSource.of(CliOptions.setting(o, "clustergraph.import.dir", "CLUSTERGRAPH_IMPORT_DIR", ""));
        String file = o.get("file");
        if (file == null || !Files.isDirectory(Path.of(file))) {
            System.err.println("offline-import needs --file=DIR, a folder of register CSV files (as generate writes them); got " + file);
            System.exit(2);
        }
        Path home = Path.of(CliOptions.setting(o, "clustergraph.neo4j.embedded.data-dir", "CLUSTERGRAPH_DATA_DIR", "data/neo4j"));
        long t = System.nanoTime();
        int code = OfflineImport.run(Path.of(file), o.getOrDefault("dataset", "register"), home, source, System.out);
        System.out.println("offline-import: store written in " + (System.nanoTime() - t) / 1_000_000 + " ms; starting the app on it");
        if (code != 0) {
            System.exit(code);
        }
        List<String> next = new ArrayList<>(List.of("offline-finish"));
        next.addAll(rest);
        // the finish step refreshes the rollups once, after the targets
        next.add("--clustergraph.register.rollup-on-startup=false");
        return next.toArray(String[]::new);
    }

    @Bean
    CliCommand offlineFinishCommand(RegisterImporter importer, Driver driver) {
        return new CliCommand() {
            @Override
            public String name() {
                return "offline-finish";
            }

            @Override
            public String usage() {
                return "(second half of offline-import) load the register's dataset and chain targets, refresh rollups, verify";
            }

            @Override
            public int run(List<String> args) throws Exception {
                Map<String, String> o = CliOptions.parse(args);
                Path dir = Path.of(o.get("file"));
                Path tmp = Files.createTempDirectory("offline-finish");
                for (String f : List.of("dataset.csv", "targets.csv")) {
                    if (Files.exists(dir.resolve(f))) {
                        Files.copy(dir.resolve(f), tmp.resolve(f));
                    }
                }
                try {
                    var r = importer.load(RegisterSource.of(tmp), o.getOrDefault("dataset", "register"));
                    System.out.println("offline-finish: " + r.summary());
                } catch (ImportValidationException e) {
                    System.err.println(e.getMessage());
                    return 1;
                } finally {
                    for (String f : List.of("dataset.csv", "targets.csv")) {
                        Files.deleteIfExists(tmp.resolve(f));
                    }
                    Files.deleteIfExists(tmp);
                }
                try (var s = driver.session()) {
                    List<String> orphans = s.executeRead(tx -> tx.run("""
                            MATCH (n) WHERE (n:Segment OR n:Town OR n:Honour OR n:Platform) AND n.dataset IS NULL
                            RETURN labels(n)[0] + ' ' + coalesce(n.id, n.name) AS x LIMIT 20""").list(x -> x.get("x").asString()));
                    if (!orphans.isEmpty()) {
                        System.err.println("offline-finish: the register refers to things the programme / chain map does not have: " + orphans);
                        return 1;
                    }
                }
                return 0;
            }
        };
    }
}
