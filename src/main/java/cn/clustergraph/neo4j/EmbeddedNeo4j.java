package cn.clustergraph.neo4j;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Neo4j DBMS running inside the application's JVM, with its store on disk and Bolt open for the app's own
 * driver and for any Bolt client (Neo4j Browser, cypher-shell).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
    private static final String DEFAULT_USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final GraphDatabaseService database;
    private final Path home;
    private final String host;
    private final int boltPort;
    private AuthToken authToken = AuthTokens.none();

    private EmbeddedNeo4j(DatabaseManagementService dbms, Path home, String host) {
        this.dbms = dbms;
        this.database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        this.home = home;
        this.host = host;
        this.boltPort = ((GraphDatabaseAPI) database).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    /** File in the store folder holding the generated Bolt password (owner-only), when none is configured. */
    public static final String BOLT_PASSWORD_FILE = "bolt-password.txt";

    /**
     * Starts the DBMS. Refuses to listen beyond loopback without authentication.
     *
     * @param username Bolt user when authentication is on
     * @param password Bolt password when authentication is on (at least 8 characters); empty: the one in
     *                 {@value #BOLT_PASSWORD_FILE} in the store folder, generated (and printed once) on the first start
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties props, String username, String password) {
        if (props.authEnabled() && (password == null || password.isEmpty())) {
            password = generatedPassword(props.dataDir().toAbsolutePath().normalize());
        }
        String host = props.listenAddress();
        if (!isLoopback(host) && !props.authEnabled()) {
            throw new IllegalStateException("Refusing to start: clustergraph.neo4j.embedded.listen-address=" + host
                    + " is not a loopback address, and Bolt authentication is off. Set clustergraph.neo4j.embedded.auth-enabled=true"
                    + " together with NEO4J_USERNAME and NEO4J_PASSWORD, or listen on 127.0.0.1.");
        }
        if (props.authEnabled() && (password == null || password.length() < 8)) {
            throw new IllegalStateException("Refusing to start: clustergraph.neo4j.embedded.auth-enabled=true needs NEO4J_PASSWORD"
                    + " (spring.neo4j.authentication.password) of at least 8 characters.");
        }
        Path home = props.dataDir().toAbsolutePath().normalize();
        long started = System.nanoTime();
        var builder = new DatabaseManagementServiceBuilder(home);
        // memory bounds of transactions (the analyst console's and reports' above all): a query beyond them fails at once
        long perTransaction = ByteUnit.parse(props.transactionMaxMemory());
        long total = ByteUnit.parse(props.transactionTotalMemory());
        if (perTransaction > 0) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_max_size, perTransaction);
        }
        if (total > 0) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, total);
        }
        DatabaseManagementService dbms = builder
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress(host, props.boltPort()),
                        BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                        HttpConnector.enabled, false,
                        HttpsConnector.enabled, false,
                        GraphDatabaseSettings.auth_enabled, props.authEnabled(),
                        GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(props.pageCache()),
                        GraphDatabaseSettings.keep_logical_logs, props.txLogRetention(),
                        GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(props.transactionTimeout()),
                        // Without this the Bolt server waits 2 x 5 s on shutdown.
                        GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO))
                .build();
        EmbeddedNeo4j neo4j;
        try {
            neo4j = new EmbeddedNeo4j(dbms, home, host);
            if (props.authEnabled()) {
                neo4j.ensureUser(username, password);
                neo4j.authToken = AuthTokens.basic(username, password);
            }
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        log.info("Embedded Neo4j started in {} ms: store {}, Bolt {} (auth {})", (System.nanoTime() - started) / 1_000_000,
                home, neo4j.boltUri(), props.authEnabled() ? "on" : "off, loopback only");
        return neo4j;
    }

    /**
     * The Bolt password kept in the store folder: read, or generated on the first start, written owner-only and printed
     * once (Neo4j Browser and cypher-shell users need it; the app's own driver reads it from here).
     */
    private static String generatedPassword(Path home) {
        Path file = home.resolve(BOLT_PASSWORD_FILE);
        return SecretFile.read(file).filter(p -> !p.isEmpty()).orElseGet(() -> {
            String generated = SecretFile.randomPassword();
            SecretFile.write(file, generated);
            log.warn("Bolt authentication is on: generated the password of Neo4j user 'neo4j' (for Neo4j Browser / cypher-shell): {}"
                    + " — kept in {} (owner-only)", generated, file);
            return generated;
        });
    }

    /** The credentials the app's own driver connects with ({@code none} when Bolt authentication is off). */
    public AuthToken authToken() {
        return authToken;
    }

    private void ensureUser(String username, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean exists = system.executeTransactionally("SHOW USERS YIELD user WHERE user = $u RETURN count(*) AS n",
                Map.of("u", username), r -> ((Number) r.next().get("n")).longValue() > 0);
        String statement = exists
                ? "ALTER USER " + quoteName(username) + " SET PASSWORD $p CHANGE NOT REQUIRED"
                : "CREATE USER " + quoteName(username) + " SET PASSWORD $p CHANGE NOT REQUIRED";
        try {
            system.executeTransactionally(statement, Map.of("p", password));
        } catch (RuntimeException e) {
            // a restart with the same password: Neo4j refuses to "change" a password to itself, which is what we want
            if (!exists || !String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
        if (!DEFAULT_USER.equals(username)) {
            // A new store comes with the factory user neo4j/neo4j (password change required). Whoever logs in with it
            // may set a new password and then has full access, so while it is untouched it goes.
            boolean untouchedDefault = system.executeTransactionally("""
                    SHOW USERS YIELD user, passwordChangeRequired
                    WHERE user = $u AND passwordChangeRequired
                    RETURN count(*) AS n""", Map.of("u", DEFAULT_USER), r -> ((Number) r.next().get("n")).longValue() > 0);
            if (untouchedDefault) {
                system.executeTransactionally("DROP USER " + quoteName(DEFAULT_USER));
                log.info("Removed the factory user '{}' (never used) because Bolt authentication uses '{}'", DEFAULT_USER, username);
            }
        }
    }

    private static String quoteName(String name) {
        // User names cannot be parameters in administration commands; backtick-quote them.
        return "`" + name.replace("`", "``") + "`";
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Runs one small read through the whole Cypher stack (parser, planner, runtime) so that the classes of the Cypher
     * compiler are loaded while the rest of the app starts, not by the first real query.
     */
    void warmCypher() {
        long started = System.nanoTime();
        database.executeTransactionally("""
                MATCH (c:Chain) WHERE c.name = $name OR $name IN c.aliases
                OPTIONAL MATCH (c)<-[:PART_OF]-(s:Segment)
                WITH c, collect(s.id) AS segments
                CALL (c) { RETURN COUNT { (c)<-[:PART_OF]-() } AS parts }
                RETURN c.name AS name, parts, size(segments) AS n,
                       COLLECT { MATCH (c)<-[:PART_OF]-(x:Segment) RETURN x.name ORDER BY x.name LIMIT 3 } AS first
                ORDER BY name LIMIT 5""", Map.of("name", ""));
        log.info("Cypher compiler warmed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    public URI boltUri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            h = "127.0.0.1";
        }
        return URI.create("bolt://" + h + ":" + boltPort);
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    /** The in-process database, for the few things that must bypass Bolt (bulk import, tests). */
    public GraphDatabaseService database() {
        return database;
    }

    /** The DBMS itself, for what hooks into every transaction (fault drills in tests register a transaction listener). */
    public DatabaseManagementService managementService() {
        return dbms;
    }

    /** Registers a listener on every transaction of the app's database (the backup's write gate). */
    public void registerTransactionEventListener(TransactionEventListener<?> listener) {
        dbms.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        dbms.shutdown();
        log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
