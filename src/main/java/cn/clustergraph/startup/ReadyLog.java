package cn.clustergraph.startup;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One log line, once the app accepts traffic (readiness ACCEPTING_TRAFFIC, published when the warm-up is done), saying
 * where the app, Bolt and the data are; nothing while it is still warming up.
 */
@Component
class ReadyLog {

    /** The start of the line monitoring and scripts wait for. */
    static final String READY = "Cluster Graph ready: ";

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final ObjectProvider<EmbeddedNeo4j> embedded;
    private final ApplicationContext context;
    private final String externalUri;
    private final String address;
    private final AtomicBoolean printed = new AtomicBoolean();

    ReadyLog(ObjectProvider<EmbeddedNeo4j> embedded, ApplicationContext context, @Value("${spring.neo4j.uri}") String externalUri,
             @Value("${server.address:127.0.0.1}") String address) {
        this.embedded = embedded;
        this.context = context;
        this.externalUri = externalUri;
        this.address = address;
    }

    @EventListener
    void readiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && !printed.getAndSet(true)) {
            log.info(line());
        }
    }

    String line() {
        String web = context instanceof WebServerApplicationContext w && w.getWebServer() != null
                ? "http://" + address + ":" + w.getWebServer().getPort() + "/" : "(no web server)";
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        return neo4j != null
                ? READY + web + "  | Bolt " + neo4j.boltUri() + " (embedded Neo4j) | data " + neo4j.home()
                : READY + web + "  | external Neo4j " + externalUri;
    }
}
