package cn.clustergraph.pipeline;

import cn.clustergraph.pipeline.PipelineRecords.Event;
import cn.clustergraph.pipeline.PipelineRecords.GapSignal;
import cn.clustergraph.pipeline.PipelineRecords.Project;
import cn.clustergraph.pipeline.PipelineRecords.SegmentRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads leads with their segments, enterprise, project and events from the graph, and replays each into its effective
 * stage path ({@link Stages#path}); every answer of the pipeline (lists, boards, funnels, counts) is computed from these.
 */
@Component
class LeadStore {

    /** The office's time zone: dates of moves and notes, and "today" for staleness. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String READ = """
            MATCH (l:Lead)
            WHERE ($id IS NULL OR l.id = $id) AND ($chains IS NULL OR l.chain IN $chains)
            RETURN l {.*,
                      segs: COLLECT { MATCH (l)-[r:TARGETS]->(s:Segment) RETURN s {.id, .name, status: s.gapStatus} ORDER BY r.order },
                      ent: head(COLLECT { MATCH (l)-[:CONCERNS]->(e:Enterprise) RETURN e {.id, .name, .local} }),
                      project: head(COLLECT { MATCH (l)-[:HAS_PROJECT]->(p:Project) RETURN p {.*} }),
                      events: COLLECT { MATCH (l)-[:HAS_EVENT]->(e:LeadEvent) RETURN e {.*} ORDER BY e.seq } } AS l
            ORDER BY l.id""";

    /** A lead as read, with its effective path. */
    record Loaded(Map<String, Object> props, List<SegmentRef> segments, Map<String, Object> enterprise, Map<String, Object> project,
                  List<Event> events, List<Stages.Step> path) {

        String id() {
            return (String) props.get("id");
        }

        String chain() {
            return (String) props.get("chain");
        }

        String owner() {
            return (String) props.get("owner");
        }

        boolean sample() {
            return Boolean.TRUE.equals(props.get("sample"));
        }

        String stage() {
            return Stages.current(path);
        }

        LocalDate stageDate() {
            return path.isEmpty() ? null : path.getLast().date();
        }

        LocalDate signedOn() {
            return Stages.furthest(path) >= Stages.index(Stages.SIGNED) ? firstAtOrBeyond(Stages.SIGNED) : null;
        }

        LocalDate producedOn() {
            return Stages.entered(path, Stages.PRODUCING);
        }

        /** The date the path first reached {@code stage} or a later one (a skipped stage counts as reached then). */
        LocalDate firstAtOrBeyond(String stage) {
            int idx = Stages.index(stage);
            return path.stream().filter(s -> Stages.index(s.stage()) >= idx).map(Stages.Step::date).findFirst().orElse(null);
        }

        LocalDate lastFollowUp() {
            LocalDate last = (LocalDate) props.get("createdOn");
            for (Event e : events) {
                if ("note".equals(e.kind()) && e.date() != null && (last == null || e.date().isAfter(last))) {
                    last = e.date();
                }
            }
            return last;
        }

        boolean stale(int days, LocalDate today) {
            String st = stage();
            LocalDate last = lastFollowUp();
            return !st.equals(Stages.PRODUCING) && !st.equals(Stages.TERMINATED) && last != null && last.plusDays(days).isBefore(today);
        }

        List<String> segmentIds() {
            return segments.stream().map(SegmentRef::id).toList();
        }

        Double figure(String key) {
            Object v = project == null ? null : project.get(key);
            return v instanceof Number n ? n.doubleValue() : null;
        }

        Boolean flag(String key) {
            Object v = project == null ? null : project.get(key);
            return v instanceof Boolean b ? b : null;
        }

        String enterpriseId() {
            return enterprise != null ? (String) enterprise.get("id") : (String) props.get("enterpriseId");
        }

        String enterpriseName() {
            return enterprise != null ? (String) enterprise.get("name") : (String) props.get("enterpriseName");
        }
    }

    private final Neo4jClient client;
    private final UsdRates rates;
    private final int staleDays;

    LeadStore(Neo4jClient client, UsdRates rates, @Value("${clustergraph.pipeline.stale-days:30}") int staleDays) {
        this.client = client;
        this.rates = rates;
        this.staleDays = staleDays;
    }

    int staleDays() {
        return staleDays;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Every lead of {@code chains} (null: every chain). */
    List<Loaded> all(List<String> chains) {
        return read(null, chains);
    }

    /** One lead, or null. */
    Loaded one(String id) {
        List<Loaded> l = read(id, null);
        return l.isEmpty() ? null : l.getFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Loaded> read(String id, List<String> chains) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("chains", chains);
        return client.query(READ).bindAll(p).fetch().all().stream().map(r -> {
            Map<String, Object> l = (Map<String, Object>) r.get("l");
            List<SegmentRef> segs = ((List<Map<String, Object>>) l.get("segs")).stream()
                    .map(s -> new SegmentRef((String) s.get("id"), (String) s.get("name"), (String) s.get("status"))).toList();
            List<Event> events = ((List<Map<String, Object>>) l.get("events")).stream().map(LeadStore::event).toList();
            List<Stages.Move> moves = events.stream().filter(e -> List.of("create", "move", "terminate", "correct").contains(e.kind()))
                    .map(e -> new Stages.Move(e.kind(), e.to(), e.date(), e.id())).toList();
            return new Loaded(l, segs, (Map<String, Object>) l.get("ent"), (Map<String, Object>) l.get("project"), events,
                    Stages.path(moves));
        }).toList();
    }

    private static Event event(Map<String, Object> e) {
        Object at = e.get("at");
        return new Event((String) e.get("id"), ((Number) e.get("seq")).intValue(), (String) e.get("kind"), (String) e.get("from"),
                (String) e.get("to"), (LocalDate) e.get("date"), (String) e.get("by"),
                at instanceof ZonedDateTime z ? z.toOffsetDateTime() : at instanceof OffsetDateTime o ? o : null,
                (String) e.get("reason"), (String) e.get("way"), (String) e.get("content"), (String) e.get("nextStep"),
                (LocalDate) e.get("nextDate"), (String) e.get("before"), (String) e.get("after"));
    }

    /**
     * Stores what the Java rules decided on the lead's nodes, so Cypher reports (and analysts over Bolt) read the same
     * answer: on the Lead {@code signedOn}, {@code producedOn}, {@code lastFollowUp}; on its Project {@code bigProject} and
     * {@code bigCriteria} (the criteria met, from {@link BigProjectRule}). Called after every write of a lead.
     */
    void stamp(List<String> ids) {
        stampLoaded(ids.stream().map(this::one).filter(java.util.Objects::nonNull).toList());
    }

    void stampLoaded(List<Loaded> leads) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Loaded l : leads) {
            String id = l.id();
            BigProjectRule.Verdict v = verdict(l);
            List<String> met = new ArrayList<>();
            if (v.fortune500().met()) {
                met.add("世界500强");
            }
            if (v.over100mUsd().met()) {
                met.add("总投资超亿美元");
            }
            if (v.filed1b().met()) {
                met.add("备案投资额10亿元以上");
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("signedOn", l.signedOn());
            row.put("producedOn", l.producedOn());
            row.put("lastFollowUp", l.lastFollowUp());
            row.put("big", v.big());
            row.put("criteria", met);
            rows.add(row);
        }
        client.query("""
                UNWIND $rows AS r
                MATCH (l:Lead {id: r.id})-[:HAS_PROJECT]->(p:Project)
                SET l.signedOn = r.signedOn, l.producedOn = r.producedOn, l.lastFollowUp = r.lastFollowUp,
                    p.bigProject = r.big, p.bigCriteria = r.criteria""").bind(rows).to("rows").run();
    }

    /** The rate a lead's figures convert at: of its signing year, else of this year. */
    UsdRates.Rate rate(Loaded l) {
        LocalDate signed = l.signedOn();
        return rates.rate(signed != null ? signed.getYear() : today().getYear());
    }

    /** The 招大引强 verdict of a lead's project. */
    BigProjectRule.Verdict verdict(Loaded l) {
        UsdRates.Rate rate = rate(l);
        return BigProjectRule.judge(new BigProjectRule.Inputs(l.flag("foreign"), l.figure("totalInvestment"), l.figure("totalInvestmentUsd"),
                l.flag("fortune500"), l.flag("over100mUsdStated"), l.flag("filed1bStated")), rate == null ? null : rate.cnyPerUsd());
    }

    /** The project of a lead as the API answers it. */
    Project project(Loaded l) {
        Map<String, Object> p = l.project() == null ? Map.of() : l.project();
        UsdRates.Rate rate = rate(l);
        return new Project((String) p.get("id"), (String) p.get("name"), l.flag("foreign"), l.figure("totalInvestment"),
                l.figure("totalInvestmentUsd"), l.figure("registeredInvestment"), l.figure("landMu"), l.figure("expectedOutput"),
                l.figure("expectedTax"), (LocalDate) p.get("plannedStart"), l.firstAtOrBeyond(Stages.STARTED),
                (LocalDate) p.get("plannedProduction"), l.producedOn(), l.flag("fortune500"), l.flag("over100mUsdStated"),
                l.flag("filed1bStated"), (String) p.get("town"), rate == null ? null : rate.cnyPerUsd(), rate == null ? null : rate.year(),
                rate == null ? null : rate.assumed(), verdict(l));
    }

    /** Total investment in 万元 (万美元 at the rate when only that is given), or null. */
    double investmentWan(Loaded l) {
        Double cny = l.figure("totalInvestment");
        if (cny != null) {
            return cny;
        }
        Double usd = l.figure("totalInvestmentUsd");
        UsdRates.Rate rate = rate(l);
        return usd != null && rate != null ? usd * rate.cnyPerUsd() : 0.0;
    }

    @SuppressWarnings("unchecked")
    static GapSignal signal(Map<String, Object> props) {
        if (props.get("signalSegmentId") == null) {
            return null;
        }
        Object score = props.get("signalScore");
        Object rank = props.get("signalRank");
        return new GapSignal((String) props.get("signalSegmentId"), (String) props.get("signalSegment"), (String) props.get("signalStatus"),
                score instanceof Number n ? n.doubleValue() : null, rank instanceof Number n ? n.intValue() : null,
                (List<String>) props.getOrDefault("signalReasons", List.of()), (LocalDate) props.get("signalListedOn"));
    }

    static List<String> strings(Object o) {
        if (o instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        return List.of();
    }
}
