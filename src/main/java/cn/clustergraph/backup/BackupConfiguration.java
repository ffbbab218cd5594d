package cn.clustergraph.backup;

import cn.clustergraph.neo4j.EmbeddedModeCondition;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** In embedded mode the backup pauses writes through a {@link WriteGate} in the database's commit path. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedModeCondition.class)
class BackupConfiguration {

    @Bean
    WriteGate backupWriteGate(EmbeddedNeo4j neo4j) {
        WriteGate gate = new WriteGate();
        neo4j.registerTransactionEventListener(gate);
        return gate;
    }
}
