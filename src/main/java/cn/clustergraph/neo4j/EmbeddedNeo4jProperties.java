package cn.clustergraph.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of the Neo4j DBMS the app embeds by default ({@code clustergraph.neo4j.embedded.*}).
 *
 * @param enabled        run Neo4j inside this JVM; false (or {@code NEO4J_URI} set) uses {@code spring.neo4j.uri} instead
 * @param dataDir        where the store, transaction logs and system database live
 * @param boltPort       Bolt port; 0 picks a free one
 * @param listenAddress  interface Bolt binds to; anything but loopback requires {@code authEnabled}
 * @param authEnabled    require user/password on Bolt ({@code NEO4J_USERNAME}/{@code NEO4J_PASSWORD}, or a generated
 *                       password kept in the store folder); on by default, so no web page can reach the graph over
 *                       Bolt's WebSocket transport
 * @param pageCache      Neo4j page cache size, e.g. {@code 512m}
 * @param txLogRetention transaction log retention policy, e.g. {@code 1 files} or {@code 2 days 512M}
 * @param transactionTimeout upper bound for any transaction, e.g. {@code 0s} for none
 * @param transactionMaxMemory most heap one transaction may use ({@code db.memory.transaction.max}), e.g. {@code 1g}; a
 *                       transaction beyond it fails (the console and reports answer 422 and the JVM keeps its memory);
 *                       {@code 0} for no limit
 * @param transactionTotalMemory most heap all transactions together may use ({@code dbms.memory.transaction.total.max});
 *                       {@code 0} for Neo4j's default
 */
@ConfigurationProperties("clustergraph.neo4j.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/neo4j") Path dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("127.0.0.1") String listenAddress,
        @DefaultValue("true") boolean authEnabled,
        @DefaultValue("512m") String pageCache,
        @DefaultValue("2 files") String txLogRetention,
        @DefaultValue("0s") String transactionTimeout,
        @DefaultValue("1g") String transactionMaxMemory,
        @DefaultValue("0") String transactionTotalMemory) {

    /** The constructor settings are bound through (the record has a second one). */
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public EmbeddedNeo4jProperties {
    }

    /** Without memory limits of its own (tests and tools that start a DBMS directly). */
    public EmbeddedNeo4jProperties(boolean enabled, Path dataDir, int boltPort, String listenAddress, boolean authEnabled,
                                   String pageCache, String txLogRetention, String transactionTimeout) {
        this(enabled, dataDir, boltPort, listenAddress, authEnabled, pageCache, txLogRetention, transactionTimeout, "0", "0");
    }
}
