package cn.clustergraph.backup;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.cli.CliOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Command-line words {@code backup} and {@code restore} (run with the web app stopped when the graph is embedded). */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

    /** The export's folder of registers, one sub-folder per dataset (apart from the import/ layout, so no name can clash). */
    static final String REGISTERS = "registers";

    private static Actor cli() {
        return new Actor("cli:" + System.getProperty("user.name", "?"), "local");
    }

    @Bean
    CliCommand backupCommand(BackupService backups) {
        return new CliCommand() {
            @Override
            public String name() {
                return "backup";
            }

            @Override
            public String usage() {
                return "[--clustergraph.backup.dir=FOLDER]  write a backup of the whole graph into the backup folder";
            }

            @Override
            public int run(List<String> args) {
                BackupService.BackupInfo b = backups.backup(cli(), "cli");
                System.out.println("backup written: " + backups.dir().resolve(b.name()));
                System.out.println(b.nodes() + " nodes, " + b.relationships() + " relationships, " + b.size() + " bytes, checksum "
                        + b.checksum() + " (" + b.millis() + " ms)");
                return 0;
            }
        };
    }

    @Bean
    CliCommand exportCommand(org.neo4j.driver.Driver driver) {
        return new CliCommand() {
            @Override
            public String name() {
                return "export";
            }

            @Override
            public String usage() {
                return "--out=FOLDER  write every dataset in its import format: programme/, chains/, pipeline/, tracking/ (the"
                        + " import/ layout, usable as clustergraph.import.dir) and registers/<dataset>/ (loadable with import-register);"
                        + " UTF-8, sorted by key: readable and diffable";
            }

            @Override
            public int run(List<String> args) throws Exception {
                String out = CliOptions.parse(args).get("out");
                if (out == null) {
                    System.err.println("export needs --out=FOLDER");
                    return 2;
                }
                Path dir = Path.of(out);
                ProgrammeExport.write(driver, dir).forEach((file, rows) -> System.out.println(dir.resolve(file) + ": " + rows + " rows"));
                Path registers = dir.resolve(REGISTERS);
                RegisterExport.write(driver, registers).forEach((dataset, files) ->
                        System.out.println(registers.resolve(dataset) + ": " + files));
                return 0;
            }
        };
    }

    @Bean
    CliCommand restoreCommand(BackupService backups) {
        return new CliCommand() {
            @Override
            public String name() {
                return "restore";
            }

            @Override
            public String usage() {
                return "--file=BACKUP [--no-safety-backup]  replace the whole graph with a backup (the current graph is saved first),"
                        + " then compare counts and checksum with the backup; exit 1 if they differ";
            }

            @Override
            public int run(List<String> args) throws Exception {
                Map<String, String> o = CliOptions.parse(args);
                String f = o.get("file");
                if (f == null || !Files.isRegularFile(Path.of(f))) {
                    System.err.println("restore needs --file=PATH of a backup (" + BackupService.SUFFIX + "); got " + f);
                    return 2;
                }
                GraphRestore.Summary s;
                try {
                    s = backups.restore(Path.of(f), cli(), !o.containsKey("no-safety-backup"), m -> System.out.println("restore: " + m));
                } catch (GraphRestore.BackupFileException e) {
                    System.err.println("restore refused, nothing changed: " + e.getMessage());
                    return 2;
                }
                System.out.println("restored " + s.nodes() + " nodes, " + s.relationships() + " relationships, " + s.schemaStatements()
                        + " schema statements in " + s.millis() + " ms");
                if (s.identical()) {
                    System.out.println("identical to the backup: counts per label and type and checksum " + s.actual().checksum());
                    return 0;
                }
                System.err.println("DIFFERENT from the backup:\n  backup:   " + s.expected() + "\n  restored: " + s.actual());
                return 1;
            }
        };
    }
}
