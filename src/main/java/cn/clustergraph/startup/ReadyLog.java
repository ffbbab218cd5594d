package cn.clustergraph.startup;

import cn.clustergraph.neo4j.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One log line, once ready, saying where the app, Bolt and the data are. */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final ObjectProvider<EmbeddedNeo4j> embedded;
    private final String externalUri;
    private final String address;

    ReadyLog(ObjectProvider<EmbeddedNeo4j> embedded, @Value("${spring.neo4j.uri}") String externalUri,
             @Value("${server.address:127.0.0.1}") String address) {
        this.embedded = embedded;
        this.externalUri = externalUri;
        this.address = address;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String web = event.getApplicationContext() instanceof WebServerApplicationContext w && w.getWebServer() != null
                ? "http://" + address + ":" + w.getWebServer().getPort() + "/" : "(no web server)";
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        if (neo4j != null) {
            log.info("Cluster Graph ready: {}  | Bolt {} (embedded Neo4j) | data {}", web, neo4j.boltUri(), neo4j.home());
        } else {
            log.info("Cluster Graph ready: {}  | external Neo4j {}", web, externalUri);
        }
    }
}
