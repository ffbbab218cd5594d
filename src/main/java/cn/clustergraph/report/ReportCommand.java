package cn.clustergraph.report;

import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report NAME [--param.x=value ...] [--format=csv|json|xlsx] [--out=FILE]}: runs one report against the
 * configured graph and writes the result to stdout or a file, for cron jobs; {@code report --list} lists the reports.
 * Exit codes: 0 done, 1 the report could not run, 2 wrong usage (unknown report, parameter or format).
 */
@Component
class ReportCommand implements CliCommand {

    private final ReportCatalog catalog;
    private final ReportRunner runner;
    private final ReportWriter writer;

    ReportCommand(ReportCatalog catalog, ReportRunner runner, ReportWriter writer) {
        this.catalog = catalog;
        this.runner = runner;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "NAME [--param.x=value ...] [--format=csv|json|xlsx] [--out=FILE]  run a report (report --list lists them)";
    }

    @Override
    public int run(List<String> args) throws IOException {
        String name = null;
        String format = null;
        String out = null;
        Map<String, Object> params = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--list")) {
                list();
                return 0;
            } else if (arg.startsWith("--param.")) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    return usage("'" + arg + "' needs a value: --param.NAME=VALUE");
                }
                params.put(arg.substring("--param.".length(), eq), arg.substring(eq + 1));
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.startsWith("--out=")) {
                out = arg.substring("--out=".length());
            } else if (arg.startsWith("--")) {
                // Spring Boot's own --name=value settings (e.g. --clustergraph.neo4j.embedded.data-dir=...) pass through.
                continue;
            } else if (name == null) {
                name = arg;
            } else {
                return usage("unexpected argument '" + arg + "'");
            }
        }
        if (name == null) {
            return usage("which report? Give its name");
        }
        try {
            ReportFormat f = ReportFormat.pick(format == null && out != null ? extension(out) : format, null);
            Report report = runner.report(name);
            ReportResult result = runner.run(report, params);
            if (out == null) {
                OutputStream o = new BufferedOutputStream(System.out);
                writer.write(report, result, f, o);
                o.flush();
            } else {
                Path path = Path.of(out);
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(path))) {
                    writer.write(report, result, f, o);
                }
                System.err.println("report " + name + ": " + result.rowCount() + " rows"
                        + (result.truncated() ? " (truncated by " + result.truncatedBy() + ")" : "") + " written to " + path.toAbsolutePath());
            }
            return 0;
        } catch (NotFoundException | BadRequestException e) {
            return usage(e.getMessage());
        } catch (ReportException e) {
            System.err.println("report " + name + ": " + e.getMessage());
            return 1;
        }
    }

    /** The format implied by the output file's extension (json, csv or xlsx), else JSON. */
    private static String extension(String out) {
        String lower = out.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".csv") ? "csv" : lower.endsWith(".xlsx") ? "xlsx" : "json";
    }

    private void list() {
        for (Report r : catalog.list()) {
            StringBuilder line = new StringBuilder(r.name()).append("  ");
            if (r.valid()) {
                line.append(r.title()).append(" | ").append(r.titleEn());
                for (Report.Param p : r.parameters()) {
                    line.append("  --param.").append(p.name()).append('=')
                            .append(p.required() ? "<" + p.type().label() + ">" : String.valueOf(p.defaultValue()));
                }
            } else {
                line.append("BROKEN: ").append(String.join("; ", r.errors()));
            }
            if (Report.EXTERNAL.equals(r.origin())) {
                line.append("  (external)");
            }
            System.out.println(line);
        }
    }

    private int usage(String problem) {
        System.err.println("report: " + problem);
        System.err.println("usage: report " + usage());
        return 2;
    }
}
