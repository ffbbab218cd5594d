package cn.clustergraph.gap;

import cn.clustergraph.ExternalNeo4jServer;
import org.springframework.test.context.ContextConfiguration;

/** {@link GapIT} once more against a Neo4j server in another process, through {@code neo4j://} with authentication. */
@ContextConfiguration(initializers = ExternalNeo4jServer.class)
class GapOnServerIT extends GapIT {
}
