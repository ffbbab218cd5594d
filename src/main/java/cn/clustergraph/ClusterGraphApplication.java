package cn.clustergraph;

import cn.clustergraph.bulkload.OfflineCommands;
import cn.clustergraph.neo4j.EmbeddedNeo4jEarlyStart;
import cn.clustergraph.sample.GenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.List;
import java.util.Map;

/**
 * Entry point of Cluster Graph 集群图谱: the web app over an embedded (default) or external Neo4j, or, when the first
 * argument is a command word ({@code import}, {@code report}, ...), that command run once without the web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterGraphApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            // writes files only: no Spring context, no database
            GenerateCommand.run(List.of(args).subList(1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("offline-import")) {
            // runs before the Spring context (the offline importer needs the store closed), then starts it to finish
            args = OfflineCommands.beforeSpring(args);
        }
        if (args.length > 0 && args[0].equals("restore")) {
            // the restore replaces the whole graph: no first data load into the store first (a setting given on the
            // command line already is not given twice: Spring would bind both values, "false,false", and stop)
            List<String> given = List.of(args);
            args = java.util.stream.Stream.concat(given.stream(), java.util.stream.Stream.of(
                    "--clustergraph.import.on-startup=never", "--clustergraph.sample.enabled=false",
                    "--clustergraph.register.rollup-on-startup=false")
                    .filter(a -> given.stream().noneMatch(g -> g.startsWith(a.substring(0, a.indexOf('=') + 1))))).toArray(String[]::new);
        }
        SpringApplication app = new SpringApplication(ClusterGraphApplication.class);
        // opens the embedded store while the context is being built
        app.addInitializers(new EmbeddedNeo4jEarlyStart());
        if (args.length > 0 && args[0].matches("[a-z][a-z-]*")) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("clustergraph.cli.command", args[0], "spring.main.banner-mode", "off"));
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
