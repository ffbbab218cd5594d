package cn.clustergraph;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Neo4j server in its own JVM, built from the Maven artifacts the app already depends on (no Docker, no download):
 * Bolt on 127.0.0.1 at the given port with that address advertised in the routing table, authentication on, routing
 * answered by the server. {@link ExternalNeo4jServer} starts it for the tests that run the app in external mode.
 * Arguments: store folder, Bolt port, password of user {@code neo4j}. It stops when its standard input closes (the
 * test JVM ended, however it ended).
 */
public final class Neo4jServerMain {

    static final String READY = "NEO4J-SERVER-READY";

    private Neo4jServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress("127.0.0.1", port),
                        BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port),
                        BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                        HttpConnector.enabled, false,
                        HttpsConnector.enabled, false,
                        GraphDatabaseSettings.auth_enabled, true,
                        GraphDatabaseSettings.routing_enabled, true,
                        GraphDatabaseSettings.pagecache_memory, ByteUnit.parse("128m")))
                .build();
        // a new server's factory user neo4j/neo4j must change its password before it may do anything
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        System.out.println(READY + " " + port);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our input
        }
        System.exit(0);
    }
}
