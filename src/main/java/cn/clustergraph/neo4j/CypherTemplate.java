package cn.clustergraph.neo4j;

import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Dialect;
import org.neo4j.cypherdsl.core.renderer.GeneralizedRenderer;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * Renders queries composed with Cypher-DSL: a fixed read model's text whose {@code $E} slots take Cypher-DSL expressions
 * (property references named by constants such as {@link cn.clustergraph.rollup.RollupNames}, shared map projections), or a
 * whole statement built with the DSL. Never a place for user values: those travel as parameters ({@code $name} is left alone).
 */
public final class CypherTemplate {

    private static final GeneralizedRenderer RENDERER = Renderer.getRenderer(
            Configuration.newConfig().withDialect(Dialect.NEO4J_5_23).build(), GeneralizedRenderer.class);

    private CypherTemplate() {
    }

    /** {@code template} with each {@code $E} replaced, in order, by the rendered expression. */
    public static String render(String template, Expression... expressions) {
        return RENDERER.render(Cypher.raw(template, (Object[]) expressions));
    }

    /** A statement built with the DSL, as text. */
    public static String render(Statement statement) {
        return RENDERER.render(statement);
    }

    /** {@code node.property} as a DSL expression, for the {@code $E} slots of a template. */
    public static Expression property(String node, String property) {
        return Cypher.property(node, property);
    }
}
