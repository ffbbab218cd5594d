package cn.clustergraph.gap;

import cn.clustergraph.gap.GapViews.Thresholds;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.rollup.RollupNames;
import cn.clustergraph.rollup.RollupsRefreshed;
import cn.clustergraph.startup.StartupDataLoader;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * The one definition of a segment's gap status (缺链 / 弱链 / 有链) and its reason, from the segment rollups and the
 * thresholds in {@link GapProperties}. It is stored on each Segment (status, reason and the thresholds it was computed with,
 * {@link RollupNames#GAP_STATUS} …) and counted on each Chain ({@link RollupNames#GAP_MISSING}, {@link RollupNames#GAP_WEAK})
 * after every rollup refresh and at every start, so the gap API, the chain views and the Cypher reports (also run over Bolt by
 * analysts) all read the same answer.
 */
@Component
@Order(30)
public class GapRule implements StartupDataLoader {

    /** The statuses, worst first. */
    public static final String MISSING = GapViews.MISSING;
    public static final String WEAK = GapViews.WEAK;
    public static final String PRESENT = GapViews.PRESENT;

    private static final String STATUS = RollupNames.GAP_STATUS;
    private static final String REASON = RollupNames.GAP_REASON;
    private static final String RULE = RollupNames.GAP_RULE;

    private static final Node SEGMENT = Cypher.node("Segment").named("s");
    private static final Node CHAIN = Cypher.node("Chain").named("c");

    /** Every segment's figures the rule looks at, and the chains it is part of. */
    private static final String FIGURES = CypherTemplate.render(Cypher.match(SEGMENT)
            .returning(SEGMENT.property("id").as("id"),
                    Cypher.listBasedOn(SEGMENT.relationshipTo(CHAIN, "PART_OF")).returning(CHAIN.property("name")).as("chains"),
                    Cypher.coalesce(SEGMENT.property(RollupNames.LOCAL), Cypher.literalOf(0)).as("local"),
                    Cypher.coalesce(SEGMENT.property(RollupNames.SCALE), Cypher.literalOf(0)).as("scale"),
                    Cypher.coalesce(SEGMENT.property(RollupNames.OUTPUT), Cypher.literalOf(0.0)).as("output"))
            .build());

    /** Sets the properties of {@code $rows} ({@code {id, props}}) on their segments, then of {@code $chains} on their chains. */
    private static final String STORE = """
            UNWIND $rows AS row
            MATCH (s:Segment {id: row.id})
            SET s += row.props
            WITH count(*) AS written
            UNWIND $chains AS row
            MATCH (c:Chain {name: row.name})
            SET c += row.props""";

    private final GapProperties props;
    private final Neo4jClient client;

    GapRule(GapProperties props, Neo4jClient client) {
        this.props = props;
        this.client = client;
    }

    /** The status of a segment with {@code local} local enterprises, {@code scale} of them 规上, {@code output} local output (万元). */
    public String status(long local, long scale, double output) {
        if (local == 0) {
            return MISSING;
        }
        return local < props.weakMinLocal() || scale < props.weakMinScale() || output < props.weakMinOutput() ? WEAK : PRESENT;
    }

    /** Why {@link #status} gave what it gave, in words (Chinese, with a short English tail). */
    public String reason(long local, long scale, double output) {
        if (local == 0) {
            return "本地无企业 No local enterprise";
        }
        List<String> why = new ArrayList<>();
        if (local < props.weakMinLocal()) {
            why.add("本地企业 " + local + " 家，少于 " + props.weakMinLocal() + " 家");
        }
        if (scale < props.weakMinScale()) {
            why.add("规上企业 " + scale + " 家，少于 " + props.weakMinScale() + " 家");
        }
        if (output < props.weakMinOutput()) {
            why.add("本地产值 " + wan(output) + "，低于 " + wan(props.weakMinOutput()));
        }
        if (why.isEmpty()) {
            return "本地企业 " + local + " 家（规上 " + scale + " 家），产值 " + wan(output) + "：达到阈值 Above thresholds";
        }
        return String.join("；", why) + " Below thresholds";
    }

    /** The thresholds in force. */
    Thresholds thresholds() {
        return new Thresholds(props.weakMinLocal(), props.weakMinScale(), props.weakMinOutput(), props.strongMinLocal(), props.strongMinOutput());
    }

    /** The thresholds in words, stored with each status so a reader over Bolt sees what it was computed with. */
    String ruleText() {
        return "缺链: 本地企业 0；弱链: 本地企业 < " + props.weakMinLocal() + " 或 规上 < " + props.weakMinScale() + " 或 本地产值 < "
                + wan(props.weakMinOutput()) + " (clustergraph.gaps.weak-min-*)";
    }

    static String wan(double wan) {
        return wan >= 10000 ? String.format("%.2f 亿元", wan / 10000) : String.format("%.0f 万元", wan);
    }

    /** Recomputes and stores every segment's status and reason; returns how many segments were written. */
    @Transactional
    public int store() {
        String rule = ruleText();
        Map<String, long[]> byChain = new TreeMap<>();
        List<Map<String, Object>> rows = client.query(FIGURES).fetch().all().stream().map(r -> {
            long local = ((Number) r.get("local")).longValue();
            long scale = ((Number) r.get("scale")).longValue();
            double output = ((Number) r.get("output")).doubleValue();
            String status = status(local, scale, output);
            for (Object chain : (List<?>) r.get("chains")) {
                long[] counts = byChain.computeIfAbsent((String) chain, k -> new long[2]);
                counts[0] += status.equals(MISSING) ? 1 : 0;
                counts[1] += status.equals(WEAK) ? 1 : 0;
            }
            Map<String, Object> values = Map.of(STATUS, status, REASON, reason(local, scale, output), RULE, rule);
            return Map.<String, Object>of("id", r.get("id"), "props", values);
        }).toList();
        List<Map<String, Object>> chains = byChain.entrySet().stream().map(e -> Map.<String, Object>of("name", e.getKey(),
                "props", Map.of(RollupNames.GAP_MISSING, e.getValue()[0], RollupNames.GAP_WEAK, e.getValue()[1]))).toList();
        client.query(STORE).bindAll(Map.of("rows", rows, "chains", chains)).run();
        return rows.size();
    }

    @EventListener
    void rollupsRefreshed(RollupsRefreshed event) {
        store();
    }

    @Override
    public String name() {
        return "gap-status";
    }

    /** At every start: the thresholds may have changed since the statuses were stored. */
    @Override
    public String loadOnStartup() {
        return store() + " segments' gap status computed (" + ruleText() + ")";
    }
}
