package cn.clustergraph.chain;

import cn.clustergraph.ExternalNeo4jServer;
import org.springframework.test.context.ContextConfiguration;

/** {@link ChainApiIT} once more against a Neo4j server in another process, through {@code neo4j://} with authentication. */
@ContextConfiguration(initializers = ExternalNeo4jServer.class)
class ChainApiOnServerIT extends ChainApiIT {
}
