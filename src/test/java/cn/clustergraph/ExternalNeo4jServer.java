package cn.clustergraph;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the app of a test against a Neo4j server in a separate process ({@link Neo4jServerMain}, one per test JVM) the
 * way a production deployment with {@code NEO4J_URI} does: no embedded DBMS, {@code neo4j://} with routing, user and
 * password. Used as {@code @ContextConfiguration(initializers = ExternalNeo4jServer.class)} on a subclass of an
 * integration test, so that test's assertions run once more against the server (all such classes share one context).
 */
public final class ExternalNeo4jServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PASSWORD = "server-pass-" + UUID.randomUUID().toString().substring(0, 8);
    private static int port;
    private static Process server;

    /** The server's Bolt port (starting the server on first use). */
    public static synchronized int port() {
        if (server == null) {
            start();
        }
        return port;
    }

    /** The password of user {@code neo4j} on the server. */
    public static String password() {
        return PASSWORD;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int p = port();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("external-neo4j-server", Map.of(
                "clustergraph.neo4j.embedded.enabled", "false",
                "spring.neo4j.uri", "neo4j://127.0.0.1:" + p,
                "spring.neo4j.authentication.username", "neo4j",
                "spring.neo4j.authentication.password", PASSWORD)));
    }

    private static void start() {
        try {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path home = Path.of("target", "neo4j-server", UUID.randomUUID().toString()).toAbsolutePath();
            List<String> command = ChildJvm.command(List.of("-Xmx768m", "-XX:+UseSerialGC"), Neo4jServerMain.class.getName());
            command.addAll(List.of(home.toString(), String.valueOf(port), PASSWORD));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(Neo4jServerMain.READY)) {
                seen.append(line).append('\n');
            }
            if (line == null) {
                throw new IllegalStateException("The Neo4j server process ended before it was ready:\n" + seen);
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "neo4j-server-output");
            drain.setDaemon(true);
            drain.start();
            server = p;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    p.getOutputStream().close();
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Neo4j server process: " + e.getMessage(), e);
        }
    }
}
