package cn.clustergraph.pipeline;

import cn.clustergraph.gap.GapService;
import cn.clustergraph.gap.GapViews;
import cn.clustergraph.register.CreditCode;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The fictional sample pipeline (dataset {@value #DATASET}, {@code sample: true} on every lead, event and project), loaded
 * with the sample register on a first start: 19 leads per chain (152) — six from the chain's 重点招商对象清单 (keeping their
 * gap signal), ten of invented enterprises elsewhere, three 增资扩产 projects of the chain's local enterprises — seeded, so
 * the same every time. Some are stalled, some terminated; the twelve that produce are all 增资扩产 of enterprises already
 * local in their segment, so the sample never changes the sample register's figures or gap statuses (a produced project of
 * a new enterprise writes the register: see {@link Production}). The 招大引强 projects are placed by hand in {@link #BIG}
 * with near misses beside them: 2024 three, 2025 two (and one that counts no more because it was terminated), 2026 one.
 */
@Component
@Order(42)
class SamplePipeline implements StartupDataLoader {

    static final String DATASET = "sample-pipeline";
    static final long SEED = 20230417L;
    static final List<String> OWNERS = List.of("zs-zhang", "zs-li", "zs-wang", "zs-zhao");
    /** The last date the sample writes (the sample stays the same whatever day the app starts). */
    static final LocalDate LAST = LocalDate.of(2026, 11, 30);

    /**
     * Hand-placed figures: lead number within its chain's block (0–18) of chain number (0–7) → figures, signing date, final stage.
     * Kinds: c = candidate lead, n = new enterprise, x = 增资扩产 of a local enterprise.
     */
    record Big(int chain, int slot, LocalDate signed, String finalStage, Map<String, Object> figures, String note) {
    }

    static final List<Big> BIG = List.of(
            // 2024: three 招大引强
            new Big(0, 0, LocalDate.of(2024, 5, 20), Stages.STARTED, Map.of("foreign", true, "totalInvestmentUsd", 15000.0), "外资 1.5 亿美元：超亿美元"),
            new Big(1, 6, LocalDate.of(2024, 9, 12), Stages.SIGNED, Map.of("totalInvestment", 120000.0), "备案 12 亿元：10亿元以上"),
            new Big(2, 16, LocalDate.of(2024, 3, 8), Stages.PRODUCING, Map.of("totalInvestment", 30000.0, "fortune500", true), "世界500强（填报）"),
            // 2024 near misses
            new Big(3, 7, LocalDate.of(2024, 6, 3), Stages.SIGNED, Map.of("totalInvestment", 99000.0), "9.9 亿元：不足 10 亿元"),
            new Big(4, 1, LocalDate.of(2024, 7, 15), Stages.SIGNED, Map.of("foreign", true, "totalInvestmentUsd", 10000.0), "恰 1 亿美元：未超"),
            new Big(5, 8, LocalDate.of(2024, 11, 2), Stages.STARTED, Map.of("foreign", true, "totalInvestment", 70000.0), "外资 7 亿元 ÷ 7.1217 ≈ 9829 万美元：未超"),
            // 2025: two 招大引强, one terminated after signing, one near miss at the 2025 rate
            new Big(6, 2, LocalDate.of(2025, 4, 18), Stages.STARTED, Map.of("foreign", true, "totalInvestment", 75000.0), "外资 7.5 亿元 ÷ 7.18 ≈ 10446 万美元：超亿美元"),
            new Big(7, 0, LocalDate.of(2025, 8, 26), Stages.SIGNED, Map.of("totalInvestment", 40000.0, "fortune500", true), "世界500强（填报）"),
            new Big(0, 9, LocalDate.of(2025, 2, 10), Stages.TERMINATED, Map.of("totalInvestment", 150000.0), "签约后终止：不计"),
            new Big(1, 10, LocalDate.of(2025, 10, 9), Stages.SIGNED, Map.of("foreign", true, "totalInvestment", 71000.0), "外资 7.1 亿元 ÷ 7.18 ≈ 9889 万美元：未超"),
            // 2026: one, exactly 10亿元 (以上 includes it)
            new Big(2, 7, LocalDate.of(2026, 3, 16), Stages.SIGNED, Map.of("totalInvestment", 100000.0), "备案恰 10 亿元：10亿元以上")
    );

    private static final String[] FIRMS = {"华创", "恒信", "博远", "中科", "瑞达", "星河", "天成", "卓越", "新程", "宏图", "腾飞", "万晟",
            "嘉禾", "鼎盛", "远景", "同辉"};
    private static final String[] PLACES = {"上海", "苏州", "杭州", "宁波", "深圳", "合肥", "无锡", "南京"};
    private static final String[] DIVISIONS = {"310115", "320505", "330106", "330212", "440305", "340104", "320214", "320114"};
    private static final String[] WAYS = {"电话", "走访", "会谈", "视频会议", "展会洽谈"};
    private static final String[] REASONS = {"企业投资计划调整", "选址转向外地", "用地指标不足", "企业资金链紧张", "项目不符合产业导向"};
    private static final String[] SOURCES = {"以商引商", "展会", "基金招商", "驻外招商", "中介招商", "网络招商"};

    private final Neo4jClient client;
    private final LeadService leads;
    private final GapService gaps;
    private final boolean enabled;

    SamplePipeline(Neo4jClient client, LeadService leads, GapService gaps, @Value("${clustergraph.sample.enabled:true}") boolean enabled) {
        this.client = client;
        this.leads = leads;
        this.gaps = gaps;
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return "sample-pipeline";
    }

    @Override
    @Transactional
    public String loadOnStartup() {
        if (!enabled) {
            return "disabled (clustergraph.sample.enabled=false)";
        }
        if (client.query("RETURN EXISTS { MATCH (:Lead {dataset: $d}) } AS x").bind(DATASET).to("d").fetchAs(Boolean.class).one().orElse(false)) {
            return "already loaded";
        }
        if (!client.query("RETURN EXISTS { MATCH (:Dataset {name: $d}) } AS x").bind(RegisterImporter.SAMPLE).to("d")
                .fetchAs(Boolean.class).one().orElse(false)) {
            return "no sample register in the graph";
        }
        int n = load();
        leads.stampAll();
        return n + " sample leads (fictional)";
    }

    @SuppressWarnings("unchecked")
    int load() {
        Random r = new Random(SEED);
        List<String> chains = List.copyOf(client.query("MATCH (c:Chain) WHERE c.dataset <> 'gap-test' OR c.dataset IS NULL RETURN c.name ORDER BY c.name")
                .fetchAs(String.class).all());
        int count = 0;
        for (int ci = 0; ci < chains.size(); ci++) {
            String chain = chains.get(ci);
            List<GapViews.Candidate> candidates = gaps.investmentTargets(chain, null).candidates();
            List<Map<String, Object>> segments = List.copyOf(client.query("""
                            MATCH (s:Segment)-[:PART_OF]->(:Chain {name: $c}) RETURN s.id AS id, s.name AS name, s.gapStatus AS status ORDER BY s.id""")
                    .bind(chain).to("c").fetch().all());
            List<Map<String, Object>> locals = List.copyOf(client.query("""
                            MATCH (e:Enterprise {local: true})-[m:IN_SEGMENT {primary: true}]->(s:Segment)-[:PART_OF]->(:Chain {name: $c})
                            RETURN e.id AS id, e.name AS name, s.id AS segment, head([(e)-[:LOCATED_IN]->(t:Town) | t.name]) AS town
                            ORDER BY e.id LIMIT 3""")
                    .bind(chain).to("c").fetch().all());
            Set<String> used = new LinkedHashSet<>();
            for (int slot = 0; slot < 19; slot++) {
                int seq = ci * 19 + slot + 1;
                String id = String.format("SL-%04d", seq);
                Map<String, Object> props = new HashMap<>();
                List<String> segs;
                String kind = slot < 6 ? "c" : slot < 16 ? "n" : "x";
                if (kind.equals("c") && !candidates.isEmpty()) {
                    GapViews.Candidate c = null;
                    for (GapViews.Candidate x : candidates) {
                        if (used.add(x.enterpriseId() + "/" + x.segmentId())) {
                            c = x;
                            break;
                        }
                    }
                    if (c == null) {
                        c = candidates.get(slot % candidates.size());
                    }
                    segs = List.of(c.segmentId());
                    props.put("enterpriseId", c.enterpriseId());
                    props.put("enterpriseName", c.name());
                    props.put("creditCode", c.enterpriseId());
                    props.put("origin", "candidate");
                    props.put("source", "重点招商对象清单");
                    props.put("signalSegmentId", c.segmentId());
                    props.put("signalSegment", c.segment());
                    props.put("signalStatus", c.segmentStatus());
                    props.put("signalScore", c.score());
                    props.put("signalRank", c.rank());
                    props.put("signalReasons", c.reasons());
                } else if (kind.equals("x") && slot - 16 < locals.size()) {
                    Map<String, Object> e = locals.get(slot - 16);
                    segs = List.of((String) e.get("segment"));
                    props.put("enterpriseId", e.get("id"));
                    props.put("enterpriseName", e.get("name"));
                    props.put("creditCode", e.get("id"));
                    props.put("origin", "manual");
                    props.put("source", "以商引商");
                    props.put("town", e.get("town"));
                } else {
                    kind = "n";
                    Map<String, Object> s = segments.get(r.nextInt(segments.size()));
                    segs = List.of((String) s.get("id"));
                    int place = r.nextInt(PLACES.length);
                    String name = PLACES[place] + FIRMS[r.nextInt(FIRMS.length)] + s.get("name") + "有限公司";
                    props.put("enterpriseId", null);
                    props.put("enterpriseName", name);
                    props.put("creditCode", CreditCode.of('9', '1', DIVISIONS[place], body(r)));
                    props.put("origin", "manual");
                    props.put("source", SOURCES[r.nextInt(SOURCES.length)]);
                }
                Big big = null;
                for (Big b : BIG) {
                    if (b.chain() == ci && b.slot() == slot) {
                        big = b;
                    }
                }
                // the final stage: 增资扩产 slots produce in the first twelve; new and candidate leads stop before 投产
                String finalStage;
                if (big != null) {
                    finalStage = big.finalStage();
                } else if (kind.equals("x")) {
                    finalStage = slot == 16 || slot == 17 && ci < 4 ? Stages.PRODUCING : Stages.STARTED;  // 8 + 4 = 12 produce
                } else {
                    int roll = r.nextInt(100);
                    finalStage = roll < 22 ? Stages.LEAD : roll < 44 ? Stages.CONTACT : roll < 64 ? Stages.NEGOTIATING
                            : roll < 80 ? Stages.SIGNED : roll < 88 ? Stages.STARTED : Stages.TERMINATED;
                    if (kind.equals("c") && slot == 0 && !finalStage.equals(Stages.TERMINATED)) {
                        finalStage = Stages.SIGNED;  // one signed candidate per chain: the gap projection shows on every chain
                    }
                }
                LocalDate created = big != null ? big.signed().minusDays(90 + r.nextInt(120))
                        : LocalDate.of(2023, 3, 1).plusDays(r.nextInt(1000));
                String owner = OWNERS.get(r.nextInt(OWNERS.size()));
                props.put("id", id);
                props.put("chain", chain);
                props.put("owner", owner);
                props.put("title", props.get("enterpriseName") + (kind.equals("x") ? " 增资扩产项目" : " 项目"));
                props.put("createdBy", owner);
                props.put("createdOn", created);
                props.put("sample", true);
                props.put("dataset", DATASET);
                if (props.get("signalSegmentId") != null) {
                    props.put("signalListedOn", created);
                }
                Object town = props.remove("town");
                Map<String, Object> project = new HashMap<>();
                project.put("id", id + "-P");
                project.put("lead", id);
                project.put("name", props.get("title"));
                project.put("dataset", DATASET);
                if (big != null) {
                    project.putAll(big.figures());
                    project.put("sampleNote", big.note());
                } else {
                    project.put("totalInvestment", (double) (2000 + r.nextInt(60) * 1000));
                }
                project.put("registeredInvestment", Math.round(((Number) project.getOrDefault("totalInvestment", 50000.0)).doubleValue() * 0.3 * 100) / 100.0);
                project.put("landMu", (double) (20 + r.nextInt(180)));
                project.put("expectedOutput", (double) (5000 + r.nextInt(100) * 1000));
                project.put("expectedTax", (double) (200 + r.nextInt(50) * 100));
                project.put("town", town != null ? town : List.of("独山港镇", "经开区", "新埭镇", "当湖街道").get(r.nextInt(4)));
                props.put("stage", finalStage);
                leads.write(props, segs, project);
                events(id, owner, created, finalStage, big, r);
                count++;
            }
        }
        return count;
    }

    /** The stage events and 跟进记录 of a sample lead, ending at {@code finalStage}. */
    private void events(String id, String owner, LocalDate created, String finalStage, Big big, Random r) {
        leads.event(id, "create", null, Stages.LEAD, created, owner, Map.of(), Stages.LEAD, created);
        LocalDate date = created;
        String stage = Stages.LEAD;
        int target = finalStage.equals(Stages.TERMINATED) ? (big != null ? Stages.index(Stages.SIGNED) : r.nextInt(3)) : Stages.index(finalStage);
        for (int i = 1; i <= target; i++) {
            String to = Stages.ORDER.get(i);
            if (big != null && i <= Stages.index(Stages.SIGNED)) {
                // evenly up to the hand-placed signing date
                date = created.plusDays(java.time.temporal.ChronoUnit.DAYS.between(created, big.signed()) * i / Stages.index(Stages.SIGNED));
            } else {
                date = min(date.plusDays(15 + r.nextInt(110)));
            }
            LocalDate noted = date.minusDays(1 + r.nextInt(10));
            note(id, owner, noted.isBefore(created) ? created : noted, r);
            leads.event(id, "move", stage, to, date, owner, Map.of(), to, date);
            stage = to;
        }
        if (finalStage.equals(Stages.TERMINATED)) {
            date = min(date.plusDays(20 + r.nextInt(120)));
            leads.event(id, "terminate", stage, Stages.TERMINATED, date, owner, Map.of("reason", REASONS[r.nextInt(REASONS.length)]),
                    Stages.TERMINATED, date);
        } else if (!finalStage.equals(Stages.PRODUCING) && r.nextInt(100) < 60) {
            note(id, owner, LAST.minusDays(r.nextInt(25)), r);  // recently followed up; the others go stale
        }
    }

    private void note(String id, String owner, LocalDate date, Random r) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("way", WAYS[r.nextInt(WAYS.length)]);
        extra.put("content", "（样例）与企业沟通项目进展、用地和配套需求");
        extra.put("nextStep", "（样例）约定下一次会谈");
        leads.event(id, "note", null, null, date, owner, extra, null, null);
    }

    private static LocalDate min(LocalDate d) {
        return d.isAfter(LAST) ? LAST : d;
    }

    private static String body(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(CreditCode.CHARS.charAt(r.nextInt(CreditCode.CHARS.length())));
        }
        return b.toString();
    }
}
