package cn.clustergraph.neo4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child JVM for {@link EmbeddedNeo4jRestartTest}: starts the embedded DBMS on the given directory, commits one node,
 * announces it on stdout and waits to be killed with SIGKILL. Arguments: data directory, marker value.
 */
public final class EmbeddedNeo4jKillChild {

    static final String COMMITTED = "EMBEDDED-NEO4J-KILL-CHILD-COMMITTED ";

    private EmbeddedNeo4jKillChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        var props = new EmbeddedNeo4jProperties(true, Path.of(args[0]), 0, "127.0.0.1", false, "64m", "1 files", "0s");
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(props, "neo4j", "");
        neo4j.database().executeTransactionally("CREATE (:ConsoleTestThing {marker: $marker})", Map.of("marker", args[1]));
        System.out.println(COMMITTED + args[1]);
        System.out.flush();
        // Never closed: the parent kills this JVM while the DBMS is running.
        Thread.sleep(Long.MAX_VALUE);
    }
}
