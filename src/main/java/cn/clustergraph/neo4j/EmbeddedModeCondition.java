package cn.clustergraph.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Embedded mode is on unless it is switched off or an external {@code NEO4J_URI} is given. */
public class EmbeddedModeCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("clustergraph.neo4j.embedded.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("clustergraph.neo4j.embedded.enabled=false");
        }
        if (StringUtils.hasText(env.getProperty("NEO4J_URI"))) {
            return ConditionOutcome.noMatch("NEO4J_URI is set: using the external Neo4j at " + env.getProperty("NEO4J_URI"));
        }
        return ConditionOutcome.match("embedded Neo4j (default)");
    }

    /** The same decision outside a condition (the early start, before bean definitions exist). */
    public static boolean embedded(Environment env) {
        return env.getProperty("clustergraph.neo4j.embedded.enabled", Boolean.class, true) && !StringUtils.hasText(env.getProperty("NEO4J_URI"));
    }
}
