package cn.clustergraph.neo4j;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read models' queries straight on the driver: one auto-commit query in a READ session (RUN and PULL pipelined, one
 * round trip; a cluster routes it to a reader) instead of a Spring-managed transaction (BEGIN, RUN, PULL, COMMIT).
 */
@Component
public class ReadQueries {

    private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

    private final Driver driver;

    ReadQueries(Driver driver) {
        this.driver = driver;
    }

    /** The first row as a map of plain Java values (Long, Double, String, List, Map, null), or empty when there is none. */
    public Optional<Map<String, Object>> one(String cypher, Map<String, Object> params) {
        return one(cypher, params, Record::asMap);
    }

    /** The first row mapped by {@code mapper} (called while the session is open), or empty when there is none. */
    public <T> Optional<T> one(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        try (Session session = driver.session(READ)) {
            Result result = session.run(cypher, params);
            return result.hasNext() ? Optional.of(mapper.apply(result.next())) : Optional.empty();
        }
    }

    /** Every row mapped by {@code mapper} (called while the session is open). */
    public <T> List<T> list(String cypher, Map<String, Object> params, Function<Record, T> mapper) {
        try (Session session = driver.session(READ)) {
            return session.run(cypher, params).list(mapper::apply);
        }
    }
}
