package idp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the single sign-on test: Spring Authorization Server (Boot's auto-configuration,
 * client from properties) with two people. Outside the app's packages so the app's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration",
        "org.springframework.boot.neo4j.autoconfigure.health.Neo4jHealthContributorAutoConfiguration",
        "org.springframework.boot.neo4j.autoconfigure.observation.Neo4jObservationAutoConfiguration",
        "org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration",
        "org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jReactiveAutoConfiguration",
        "org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jReactiveRepositoriesAutoConfiguration",
        "org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jRepositoriesAutoConfiguration"})
public class OidcProvider {

    /** The provider's user that has a local user in the app. */
    public static final String KNOWN = "zhang.san";
    /** The provider's user that has none. */
    public static final String STRANGER = "stranger";

    @Bean
    InMemoryUserDetailsManager providerUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername(KNOWN).password("{noop}idp-pass-1").roles("USER").build(),
                User.withUsername(STRANGER).password("{noop}idp-pass-2").roles("USER").build());
    }
}
