package cn.clustergraph.chain;

import cn.clustergraph.neo4j.ReadQueries;
import cn.clustergraph.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The one rule for naming a chain: its Chinese name, one of its aliases, or its English name in any letter case — in
 * that order of precedence. Every endpoint and report that takes a chain resolves it here, so they accept the same names.
 */
@Component
public class ChainNames {

    /** {@code name}: the canonical name of the chain {@code $name} names, or no row; also the first subquery of the chain view and of a chain's enterprise page (one round trip). */
    public static final String RESOLVE = """
            MATCH (c:Chain)
            WHERE c.name = $name OR $name IN coalesce(c.aliases, []) OR toLower(coalesce(c.nameEn, '')) = toLower($name)
            RETURN c.name AS name
            ORDER BY CASE WHEN c.name = $name THEN 0 WHEN $name IN coalesce(c.aliases, []) THEN 1 ELSE 2 END, c.name
            LIMIT 1""";

    private final ReadQueries reads;

    ChainNames(ReadQueries reads) {
        this.reads = reads;
    }

    /** The chain's canonical (Chinese) name, or empty when no chain is named so; null or blank gives empty. */
    public Optional<String> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return reads.one(RESOLVE, Map.of("name", name.strip()), r -> r.get("name").asString());
    }

    /** The chain's canonical name, or a 404 naming what was given. */
    public String require(String name) {
        return resolve(name).orElseThrow(() -> notFound(name));
    }

    /** The 404 for a name no chain has (also for queries that run {@link #RESOLVE} inside themselves). */
    public static NotFoundException notFound(String name) {
        return new NotFoundException("没有名为 " + name + " 的产业链（名称、别名或英文名，见 GET /api/chains）",
                "No chain '" + name + "' (a chain name, alias or English name; see GET /api/chains)");
    }
}
