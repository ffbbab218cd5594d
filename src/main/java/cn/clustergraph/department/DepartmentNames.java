package cn.clustergraph.department;

import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.neo4j.ReadQueries;
import org.neo4j.cypherdsl.core.Cypher;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The one rule for naming a department: its canonical name, one of its aliases, or its full name — the canonical name
 * first. The responsibility sheet runs it as its first subquery (one round trip); every other caller (the task filter,
 * report parameters, tracking) resolves through {@link DepartmentService#resolve}.
 */
@Component
class DepartmentNames {

    /** {@code d}: the department {@code $name} names, or no row. */
    static final String RESOLVE = """
            MATCH (d:Department)
            WHERE d.name = $name OR $name IN d.aliases OR d.fullName = $name
            RETURN d ORDER BY CASE WHEN d.name = $name THEN 0 ELSE 1 END LIMIT 1""";

    /** {@code name}: the canonical name alone. */
    private static final String NAME = CypherTemplate.render("""
            CALL () {
              $E
            }
            RETURN d.name AS name""", Cypher.raw(RESOLVE));

    private final ReadQueries reads;

    DepartmentNames(ReadQueries reads) {
        this.reads = reads;
    }

    /** The canonical name, if any department has this name, alias or full name. */
    Optional<String> resolve(String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isBlank()) {
            return Optional.empty();
        }
        return reads.one(NAME, Map.of("name", nameOrAlias.strip()),
                r -> r.get("name").asString());
    }
}
