package cn.clustergraph.neo4j;

import org.neo4j.driver.AuthToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/**
 * Starts the embedded DBMS before the Driver exists and stops it after the Driver is closed: the connection details
 * the Driver is built from depend on the DBMS bean, so Spring orders creation and destruction accordingly.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedModeCondition.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    /** The DBMS the early start opened (see {@link EmbeddedNeo4jEarlyStart}), or one started now. */
    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties props, ObjectProvider<EmbeddedNeo4jEarlyStart.Starting> early,
                                @Value("${spring.neo4j.authentication.username:neo4j}") String username,
                                @Value("${spring.neo4j.authentication.password:}") String password) {
        EmbeddedNeo4jEarlyStart.Starting starting = early.getIfAvailable();
        EmbeddedNeo4j started = starting == null ? null : starting.take(props, username, password);
        return started != null ? started : EmbeddedNeo4j.start(props, username, password);
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        URI uri = neo4j.boltUri();
        AuthToken token = neo4j.authToken();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return token;
            }
        };
    }
}
