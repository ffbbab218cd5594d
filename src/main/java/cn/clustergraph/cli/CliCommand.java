package cn.clustergraph.cli;

import java.util.List;

/**
 * A command run from the command line against the configured graph instead of the web server, e.g.
 * {@code java -jar cluster-graph.jar import --dir=/data/import}. Implementations are Spring beans.
 */
public interface CliCommand {

    /** The first command-line word that selects this command. */
    String name();

    /** One line for {@code help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int run(List<String> args) throws Exception;
}
