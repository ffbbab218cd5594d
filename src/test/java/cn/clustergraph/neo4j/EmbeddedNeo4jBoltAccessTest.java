package cn.clustergraph.neo4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.SecurityException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may connect to the embedded DBMS over Bolt: by default only with the password (configured, or generated and kept
 * owner-only in the store folder), so no web page can reach the graph over Bolt's WebSocket transport; beyond
 * loopback never without authentication; authentication off (explicitly) lets anyone on this machine in. No Spring context.
 */
class EmbeddedNeo4jBoltAccessTest {

    static final String PASSWORD = "console-secret-1";

    @TempDir
    Path dir;

    static EmbeddedNeo4jProperties props(Path dataDir, String listenAddress, boolean auth) {
        return new EmbeddedNeo4jProperties(true, dataDir, 0, listenAddress, auth, "64m", "1 files", "0s");
    }

    static int returnOne(URI uri, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(uri, token); var session = driver.session()) {
            return session.run("RETURN 1 AS one").single().get("one").asInt();
        }
    }

    @Test
    void nonLoopbackWithoutAuthRefusesToStart() throws Exception {
        assertThatThrownBy(() -> EmbeddedNeo4j.start(props(dir, "0.0.0.0", false), "neo4j", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clustergraph.neo4j.embedded.listen-address=0.0.0.0")
                .hasMessageContaining("clustergraph.neo4j.embedded.auth-enabled");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing started, nothing written").isEmpty();
        }
    }

    @Test
    void authNeedsAPasswordOfAtLeastEightCharacters() {
        assertThatThrownBy(() -> EmbeddedNeo4j.start(props(dir, "0.0.0.0", true), "neo4j", "short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEO4J_PASSWORD");
    }

    @Test
    void authWithoutAConfiguredPasswordGeneratesOneKeptOwnerOnlyInTheStoreFolder() throws Exception {
        Path store = dir.resolve("store");
        String password;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(store, "127.0.0.1", true), "neo4j", "")) {
            Path file = store.resolve(EmbeddedNeo4j.BOLT_PASSWORD_FILE);
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", password))).isEqualTo(1);
            assertThat(returnOne(neo4j.boltUri(), neo4j.authToken())).isEqualTo(1);
            assertThatThrownBy(() -> returnOne(neo4j.boltUri(), AuthTokens.none())).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> returnOne(neo4j.boltUri(), AuthTokens.basic("neo4j", "neo4j"))).isInstanceOf(SecurityException.class);
        }
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(props(store, "127.0.0.1", true), "neo4j", null)) {
            assertThat(returnOne(again.boltUri(), AuthTokens.basic("neo4j", password))).as("the kept password on restart").isEqualTo(1);
        }
    }

    /**
     * A web page on another site opens a WebSocket to the Bolt port (the browser sends its Origin) and says HELLO:
     * with authentication on — the default — the HELLO fails, so the page cannot run Cypher. The same probe against a
     * server with authentication off succeeds, which shows the probe would notice.
     */
    @Test
    void aForeignWebPageCannotUseBoltOverWebSocket() throws Exception {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir.resolve("auth"), "127.0.0.1", true), "neo4j", "")) {
            BoltWebSocketProbe.Outcome o = BoltWebSocketProbe.hello(neo4j.boltPort(), "https://evil.example");
            assertThat(o.helloReply()).as("HELLO without credentials from a foreign origin").isEqualTo(BoltWebSocketProbe.FAILURE);
        }
        try (EmbeddedNeo4j open = EmbeddedNeo4j.start(props(dir.resolve("open"), "127.0.0.1", false), "neo4j", "")) {
            BoltWebSocketProbe.Outcome o = BoltWebSocketProbe.hello(open.boltPort(), "https://evil.example");
            assertThat(o.upgradeStatus()).isEqualTo(101);
            assertThat(o.helloReply()).as("auth off: the hole this default closes").isEqualTo(BoltWebSocketProbe.SUCCESS);
        }
    }

    @Test
    void withAuthOnlyTheRightPasswordConnects() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir, "0.0.0.0", true), "neo4j", PASSWORD)) {
            URI uri = neo4j.boltUri();
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(returnOne(uri, AuthTokens.basic("neo4j", PASSWORD))).isEqualTo(1);
            assertThatThrownBy(() -> returnOne(uri, AuthTokens.basic("neo4j", "wrong-password")))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> returnOne(uri, AuthTokens.none()))
                    .isInstanceOf(SecurityException.class);
        }
    }

    @Test
    void withAuthAndAnotherUserTheFactoryNeo4jUserCannotBeTakenOver() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir, "127.0.0.1", true), "analyst", PASSWORD)) {
            URI uri = neo4j.boltUri();
            assertThat(returnOne(uri, AuthTokens.basic("analyst", PASSWORD))).isEqualTo(1);
            // The takeover a factory neo4j/neo4j user would allow: log in, set a new password, have full access.
            assertThatThrownBy(() -> {
                try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", "neo4j"));
                     var session = driver.session(SessionConfig.forDatabase("system"))) {
                    session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'taken-over-1'").consume();
                }
            }).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> returnOne(uri, AuthTokens.basic("neo4j", "taken-over-1")))
                    .isInstanceOf(SecurityException.class);
            try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("analyst", PASSWORD));
                 var session = driver.session(SessionConfig.forDatabase("system"))) {
                assertThat(session.run("SHOW USERS YIELD user RETURN user").list(r -> r.get("user").asString()))
                        .containsExactly("analyst");
            }
        }
    }

    @Test
    void withAuthExplicitlyOffABoltClientOnLoopbackConnectsWithoutCredentials() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir, "127.0.0.1", false), "neo4j", "");
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
             var session = driver.session()) {
            assertThat(neo4j.boltUri().getScheme()).isEqualTo("bolt");
            assertThat(neo4j.boltPort()).isPositive();
            session.run("CREATE (:ConsoleTestThing {name: 'bolt'})").consume();
            assertThat(session.run("MATCH (n:ConsoleTestThing) RETURN n.name AS name").single().get("name").asString())
                    .isEqualTo("bolt");
        }
    }
}
