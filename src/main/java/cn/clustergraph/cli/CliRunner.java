package cn.clustergraph.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** Runs the command named by {@code clustergraph.cli.command} once the graph is ready, and keeps its exit code. */
@Component
@ConditionalOnProperty("clustergraph.cli.command")
class CliRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private final String command;
    private int exitCode;

    CliRunner(List<CliCommand> commands, org.springframework.core.env.Environment env) {
        this.commands = commands;
        this.command = env.getProperty("clustergraph.cli.command");
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> rest = args.getSourceArgs().length > 1
                ? List.of(args.getSourceArgs()).subList(1, args.getSourceArgs().length) : List.of();
        CliCommand c = commands.stream().filter(x -> x.name().equals(command)).findFirst().orElse(null);
        if (c == null) {
            System.err.println("Unknown command '" + command + "'. Commands:");
            commands.forEach(x -> System.err.println("  " + x.name() + "  " + x.usage()));
            exitCode = 2;
            return;
        }
        exitCode = c.run(rest);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
