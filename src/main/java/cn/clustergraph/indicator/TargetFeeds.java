package cn.clustergraph.indicator;

import cn.clustergraph.neo4j.CypherTemplate;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;

/**
 * Which enterprises feed which indicator, and how much: the one home of that rule (import/chains/target_rules.csv says
 * which indicator sums output of which scope and which counts which honour; this class says what that means for an
 * enterprise). Its fragments are Cypher conditions over fixed variable names, used by the target contributors and
 * progress ({@link TargetService}), an enterprise's feeds ({@code enterprise}), the chain view ({@code chain}, through
 * {@link #FACTOR}) and, word for word, by {@code cypher/reports/enterprises-feeding-target.cypher}, which cannot call Java
 * ({@code TargetFeedsTest} checks the report holds every fragment).
 * <p>
 * Variables: {@code i} the Indicator; for output rules {@code so} its SUMS_OUTPUT_OF to scope {@code x}, {@code s} a
 * Segment, {@code e} an Enterprise; for honour rules {@code c} its COUNTS_HONOUR, {@code r} the enterprise's HAS_HONOUR,
 * {@code t} a Target. An enterprise in several segments of a scope counts once, with the sum of its {@code IN_SEGMENT.share}
 * over those segments: contribution = {@code e.output × share ÷ FACTOR} (output in 万元).
 */
public final class TargetFeeds {

    private TargetFeeds() {
    }

    /** Factor from 万元 (the register's unit) to the unit of indicator {@code i} (亿元 or 万元). */
    public static final String FACTOR = "CASE i.unit WHEN '亿元' THEN 10000.0 ELSE 1.0 END";

    /** Segment {@code s} lies in scope {@code x} of an output rule: the segment itself, its chain, the chain's cluster, or the programme. */
    public static final String IN_SCOPE = "(s = x OR EXISTS { (s)-[:PART_OF]->(x) } OR EXISTS { (s)-[:PART_OF]->(:Chain)-[:PART_OF]->(x) } OR EXISTS { (s)-[:PART_OF]->(:Chain)-[:PART_OF]->(:Cluster)-[:PART_OF]->(x) })";

    /** Enterprise {@code e}'s output counts under output rule {@code so}: local, output reported, and 规上 when the rule is scaleOnly. */
    public static final String OUTPUT_COUNTS = "(e.local = true AND e.output IS NOT NULL AND (NOT coalesce(so.scaleOnly, false) OR e.scale = true))";

    /** Enterprise {@code e}'s honour {@code r} counts under honour rule {@code c}: local, and awarded in or after the rule's fromYear. */
    public static final String HONOUR_COUNTS = "(e.local = true AND (c.fromYear IS NULL OR r.year >= c.fromYear))";

    /**
     * A counted honour {@code r} of {@code e} is in target {@code t}'s set: an annual (年度) target takes that year's awards
     * only, a town target (附件3) the enterprises of its town only. It counts for the target's year when {@code r.year <= t.year}.
     */
    public static final String HONOUR_IN_TARGET = "((coalesce(t.period, '') <> '年度' OR r.year = t.year) AND (t.town IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Town {name: t.town}) }))";

    /** A counted honour {@code r} in target {@code t}'s set counts for the target's year: awarded by then. */
    public static final String HONOUR_BY_TARGET_YEAR = "(r.year <= t.year)";

    /**
     * {@link #HONOUR_COUNTS} on the honour rollups, whose entries (award year, enterprises) hold local enterprises only:
     * an entry of award year {@code year} (a Cypher expression) counts under honour rule {@code rule} (a COUNTS_HONOUR
     * variable) when awarded in or after the rule's fromYear. Used by target progress and the chain view's contribution.
     */
    public static Expression awardCounts(String rule, String year) {
        Expression from = CypherTemplate.property(rule, "fromYear");
        return from.isNull().or(Cypher.raw(year).gte(from));
    }

    /** The fragments as Cypher-DSL expressions, for the {@code $E} slots of a {@link cn.clustergraph.neo4j.CypherTemplate}. */
    public static Expression factor() {
        return Cypher.raw(FACTOR);
    }

    public static Expression inScope() {
        return Cypher.raw(IN_SCOPE);
    }

    public static Expression outputCounts() {
        return Cypher.raw(OUTPUT_COUNTS);
    }

    public static Expression honourCounts() {
        return Cypher.raw(HONOUR_COUNTS);
    }

    public static Expression honourInTarget() {
        return Cypher.raw(HONOUR_IN_TARGET);
    }

    public static Expression honourByTargetYear() {
        return Cypher.raw(HONOUR_BY_TARGET_YEAR);
    }
}
