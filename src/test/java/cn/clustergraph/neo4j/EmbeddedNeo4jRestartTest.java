package cn.clustergraph.neo4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store survives a clean restart and a {@code kill -9}: after a crash Neo4j recovers from its transaction
 * log and every committed node is there. No Spring context.
 */
class EmbeddedNeo4jRestartTest {

    @TempDir
    Path dir;

    static EmbeddedNeo4jProperties props(Path dataDir) {
        return new EmbeddedNeo4jProperties(true, dataDir, 0, "127.0.0.1", false, "64m", "1 files", "0s");
    }

    static long countMarker(EmbeddedNeo4j neo4j, String marker) {
        return neo4j.database().executeTransactionally("MATCH (n:ConsoleTestThing {marker: $marker}) RETURN count(n) AS c",
                Map.of("marker", marker), r -> ((Number) r.next().get("c")).longValue());
    }

    @Test
    void aCleanRestartKeepsCommittedData() {
        String marker = UUID.randomUUID().toString();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir), "neo4j", "")) {
            neo4j.database().executeTransactionally("CREATE (:ConsoleTestThing {marker: $marker})", Map.of("marker", marker));
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir), "neo4j", "")) {
            assertThat(countMarker(neo4j, marker)).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void afterKillMinus9TheCommittedNodeIsRecovered() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<String> command = cn.clustergraph.ChildJvm.command(List.of("-Xmx512m"), EmbeddedNeo4jKillChild.class.getName());
        command.addAll(List.of(dir.toString(), marker));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Boolean> committed = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 40) {
                            lastLines.removeFirst();
                        }
                    }
                    if (line.equals(EmbeddedNeo4jKillChild.COMMITTED + marker)) {
                        committed.complete(true);
                    }
                }
            } catch (Exception ignored) {
                // the stream ends when the child dies
            }
            committed.complete(false);
        });
        try {
            boolean seen = committed.get(60, TimeUnit.SECONDS);
            assertThat(seen).as("child committed its node; its last output:\n%s", String.join("\n", lastLines)).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean DBMS shutdown
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotZero();

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props(dir), "neo4j", "")) {
            assertThat(countMarker(neo4j, marker)).isEqualTo(1);
        }
        // The kill really left an unclean store: Neo4j had to replay its transaction log.
        assertThat(Files.readString(dir.resolve("logs").resolve("debug.log"))).contains("Recovery required");
    }
}
