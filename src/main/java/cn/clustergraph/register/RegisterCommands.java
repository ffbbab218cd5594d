package cn.clustergraph.register;

import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.cli.CliOptions;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.rollup.RollupService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Command-line entries for the register: {@code import-register}, {@code remove-register}, {@code rollup}. */
@Configuration(proxyBeanMethods = false)
class RegisterCommands {

    private static CliCommand command(String name, String usage, CliFunction f) {
        return new CliCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public int run(List<String> args) throws Exception {
                return f.run(CliOptions.parse(args));
            }
        };
    }

    @FunctionalInterface
    interface CliFunction {
        int run(Map<String, String> options) throws Exception;
    }

    @Bean
    CliCommand importRegisterCommand(RegisterImporter importer) {
        return command("import-register", "--file=PATH [--dataset=NAME]  validate and load a register (folder of CSV, one CSV, or .xlsx)",
                o -> {
                    String file = o.get("file");
                    if (file == null || !Files.exists(Path.of(file))) {
                        System.err.println("import-register needs --file=PATH (a folder of CSV files, a .csv or an .xlsx); got " + file);
                        return 2;
                    }
                    try {
                        System.out.println(importer.load(RegisterSource.of(Path.of(file)), o.getOrDefault("dataset", "register"),
                                o.containsKey("dataset"), (done, total) -> { }).summary());
                        return 0;
                    } catch (ImportValidationException e) {
                        System.err.println(e.getMessage());
                        return 1;
                    }
                });
    }

    @Bean
    CliCommand removeRegisterCommand(RegisterImporter importer) {
        return command("remove-register", "--dataset=NAME  remove everything a register wrote (e.g. --dataset=sample-register)", o -> {
            String d = o.get("dataset");
            if (d == null || RegisterRows.RESERVED.contains(d)) {
                System.err.println("remove-register needs --dataset=NAME of a register (not programme, chain-map or rules)");
                return 2;
            }
            System.out.println("removed " + importer.remove(d));
            return 0;
        });
    }

    @Bean
    CliCommand rollupCommand(RollupService rollups, RegisterImporter importer) {
        return command("rollup", "[--shares=false] [--verify]  recompute the enterprises' derived values (output shares, after editing chains/) and every rollup;"
                + " --verify then compares each stored rollup with the live Cypher aggregation (slow at scale) and exits 1 on a difference", o -> {
            boolean shares = !"false".equals(o.get("shares"));
            System.out.println("rollups refreshed in " + (shares ? importer.refreshDerivedValues() : rollups.refresh()) + " ms");
            if (o.containsKey("verify")) {
                long t = System.nanoTime();
                List<String> differences = rollups.differences();
                System.out.println("verified against the live aggregation in " + (System.nanoTime() - t) / 1_000_000 + " ms: "
                        + (differences.isEmpty() ? "every rollup equal" : differences.size() + " differences"));
                differences.stream().limit(50).forEach(System.out::println);
                return differences.isEmpty() ? 0 : 1;
            }
            return 0;
        });
    }
}
