package cn.clustergraph.tracking;

import cn.clustergraph.audit.VersionedWrites;
import cn.clustergraph.department.DepartmentService;
import cn.clustergraph.neo4j.CypherTemplate;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.tracking.Lights.Expected;
import cn.clustergraph.tracking.Lights.Light;
import cn.clustergraph.tracking.Lights.YearTarget;
import cn.clustergraph.tracking.TrackingRecords.ActualVersion;
import cn.clustergraph.tracking.TrackingRecords.Board;
import cn.clustergraph.tracking.TrackingRecords.Counts;
import cn.clustergraph.tracking.TrackingRecords.IndicatorItem;
import cn.clustergraph.tracking.TrackingRecords.LightView;
import cn.clustergraph.tracking.TrackingRecords.PeriodView;
import cn.clustergraph.tracking.TrackingRecords.ReportVersion;
import cn.clustergraph.tracking.TrackingRecords.Rule;
import cn.clustergraph.tracking.TrackingRecords.SeriesPoint;
import cn.clustergraph.tracking.TrackingRecords.TargetView;
import cn.clustergraph.tracking.TrackingRecords.TaskItem;
import cn.clustergraph.tracking.TrackingRecords.TownItem;
import cn.clustergraph.tracking.TrackingRecords.Trend;
import cn.clustergraph.tracking.TrackingRecords.TrendPoint;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The tracking board: every task and indicator of a period with its light and the reason in words, as of any moment
 * (only what was recorded before it counts), for the coordinator's dashboard, departments' workspaces, the scorecards and
 * the bulletin. Reads are indexed lookups by period ({@code ProgressReport(task, period)}, {@code IndicatorActual(period)}).
 */
@Service
public class TrackingService {

    /** When a report or figure was recorded: an as-of read counts the versions recorded before {@code $before}. */
    private static final String RECORDED_AT = "recordedAt";

    /** Each task with its report as of {@code $before} (the as-of rule of {@link VersionedWrites}, in this one query). */
    private static final String TASKS = CypherTemplate.render("""
            MATCH (t:Task)
            WHERE $dept IS NULL OR EXISTS { (t)-[:LED_BY|CO_OWNED_BY]->(:Department {name: $dept}) }
            RETURN t.no AS no, t.name AS name, t.content AS content, t.measureId AS measureId,
              head(COLLECT { MATCH (t)-[:LED_BY]->(d:Department) RETURN d.name }) AS lead,
              COLLECT { MATCH (t)-[r:CO_OWNED_BY]->(d:Department) RETURN d.name ORDER BY r.order } AS coOwners,
              head(COLLECT { MATCH (r:ProgressReport {task: t.no, period: $period}) WHERE $E
                   RETURN r {.*, review: head(COLLECT { MATCH (r)<-[:REVIEWS]-(v:ReportReview) WHERE v.at < $before
                                                        RETURN v {.*} ORDER BY v.at DESC })}
                   ORDER BY $E }) AS report
            ORDER BY no""", VersionedWrites.recordedBefore("r", RECORDED_AT), VersionedWrites.latestFirst("r"));

    private static final String INDICATORS = """
            MATCH (i:Indicator) WHERE i.origin IN ['附件1', '附件3', '正文'] AND NOT coalesce(i.sample, false)
              AND ($id IS NULL OR i.id = $id)
            RETURN i {.id, .name, .unit, .origin, .trackingKind, .trackingKindNote} AS i,
              head(COLLECT { MATCH (i)-[r:LED_BY]->(d:Department) RETURN d.name ORDER BY r.order }) AS lead,
              COLLECT { MATCH (i)-[:HAS_TARGET]->(g:Target) WHERE g.primary
                        RETURN g {.year, .value, .comparator, .qualifier, .town, .period, .text} ORDER BY g.year } AS targets
            ORDER BY CASE i.origin WHEN '附件1' THEN 1 WHEN '附件3' THEN 2 ELSE 3 END, i.id""";

    /** The period's figures recorded before {@code $before}, latest version first: the first of each indicator and town counts. */
    private static final String ACTUALS = CypherTemplate.render("""
            MATCH (a:IndicatorActual) WHERE a.period = $period AND $E
            RETURN a {.*} AS a ORDER BY $E""", VersionedWrites.recordedBefore("a", RECORDED_AT), VersionedWrites.latestFirst("a"));

    /** An indicator's current city-wide figures, one per period. */
    private static final String SERIES = CypherTemplate.render("""
            MATCH (a:IndicatorActual {indicator: $id}) WHERE $E AND a.town IS NULL RETURN a {.*} AS a""",
            VersionedWrites.isCurrent("a"));

    private final Neo4jClient client;
    private final Lights lights;
    private final TrackingProperties props;
    private final DataNotices notices;
    private final DepartmentService departments;

    TrackingService(Neo4jClient client, Lights lights, TrackingProperties props, DataNotices notices, DepartmentService departments) {
        this.client = client;
        this.lights = lights;
        this.props = props;
        this.notices = notices;
        this.departments = departments;
    }

    /** An indicator's kind, unit and year targets (city and per town) as the lights need them. */
    public record IndicatorMeta(String id, String name, String unit, String origin, IndicatorKind kind, String kindNote, String lead,
                                NavigableMap<Integer, Double> city, String comparator, String qualifier, String targetText,
                                Map<String, NavigableMap<Integer, Double>> towns) {
    }

    public List<PeriodView> periods() {
        return Period.all().stream().map(p -> new PeriodView(p.id(), p.year(), p.quarter(), p.label(), p.start(), p.end(),
                p.due(props.reportDueDays()))).toList();
    }

    public int dueDays() {
        return props.reportDueDays();
    }

    /** The board of {@code period} as of {@code asOf} (see {@link AsOf}), optionally one department's tasks and indicators. */
    public Board board(String period, String asOf, String department) {
        Period p = Period.parse("period", period).asQuarter();
        ZonedDateTime before = AsOf.parse(asOf, props.reportDueDays());
        String dept = null;
        if (department != null && !department.isBlank()) {
            dept = departments.resolve(department.strip())
                    .orElseThrow(() -> new BadRequestException("department", "no department named '" + department + "'"));
        }
        return board(p, before, dept);
    }

    public Board board(Period p, ZonedDateTime before, String dept) {
        // before is exclusive: the view shows what was recorded up to just before it; overdue once that moment is past the due day
        boolean pastDue = before.isAfter(p.dueEnds(props.reportDueDays()));
        String due = p.due(props.reportDueDays()).toString();
        boolean[] sample = {false};
        Map<String, Object> params = new HashMap<>();
        params.put("period", p.id());
        params.put(VersionedWrites.BEFORE, before);
        params.put("dept", dept);
        params.put("id", null);
        List<TaskItem> tasks = new ArrayList<>();
        for (Map<String, Object> r : client.query(TASKS).bindAll(params).fetch().all()) {
            ReportVersion report = ProgressReports.report(ProgressReports.map(r.get("report")));
            if (report != null && report.sample()) {
                sample[0] = true;
            }
            Light l = lights.task(p, report == null ? null : report.status(), report == null ? null : report.percent(), report != null,
                    pastDue, due);
            @SuppressWarnings("unchecked")
            List<String> co = (List<String>) r.get("coOwners");
            tasks.add(new TaskItem(((Number) r.get("no")).longValue(), (String) r.get("name"), (String) r.get("content"),
                    (String) r.get("measureId"), (String) r.get("lead"), co, report, LightView.of(l)));
        }
        Map<String, ActualVersion> latest = new HashMap<>();
        for (Map<String, Object> r : client.query(ACTUALS).bindAll(params).fetch().all()) {
            ActualVersion a = IndicatorActualsService.actual(ProgressReports.map(r.get("a")));
            latest.putIfAbsent(a.indicator() + "|" + (a.town() == null ? "" : a.town()), a); // latest first: the version as of before
        }
        List<IndicatorItem> items = new ArrayList<>();
        for (IndicatorMeta m : metas(null)) {
            if (dept != null && !dept.equals(m.lead())) {
                continue;
            }
            ActualVersion city = latest.get(m.id() + "|");
            sample[0] |= city != null && city.sample();
            Expected e = Lights.expected(m.kind(), m.city(), p);
            Light l = lights.indicator(m.kind(), m.comparator(), m.unit(), e, city == null ? null : city.value(),
                    city == null ? null : city.status(), city != null, pastDue, due);
            List<TownItem> towns = new ArrayList<>();
            for (Map.Entry<String, NavigableMap<Integer, Double>> t : m.towns().entrySet()) {
                ActualVersion a = latest.get(m.id() + "|" + t.getKey());
                sample[0] |= a != null && a.sample();
                Expected te = Lights.expected(m.kind(), t.getValue(), p);
                Light tl = lights.indicator(m.kind(), m.comparator(), m.unit(), te, a == null ? null : a.value(),
                        a == null ? null : a.status(), a != null, pastDue, due);
                towns.add(new TownItem(t.getKey(), target(te.target(), m), te.value(), a, LightView.of(tl)));
            }
            items.add(new IndicatorItem(m.id(), m.name(), m.unit(), m.origin(), m.kind().name(), m.kind().zh(), true, m.kindNote(),
                    m.lead(), target(e.target(), m), m.targetText(), e.value(), e.formula(), city, LightView.of(l), towns));
        }
        List<LightView> townLights = items.stream().flatMap(i -> i.towns().stream()).map(TownItem::light).toList();
        return new Board(p.id(), p.label(), before.toOffsetDateTime().withOffsetSameInstant(Period.ZONE), p.due(props.reportDueDays()),
                new Rule(props.reportDueDays(), props.yellowPoints(), props.redPoints()),
                Counts.of(tasks.stream().map(TaskItem::light).toList()), Counts.of(items.stream().map(IndicatorItem::light).toList()),
                Counts.of(townLights), tasks, items, notices.of(sample[0]));
    }

    /** Counts by colour per quarter from {@code from} to {@code to}, each as of now. */
    public Trend trend(String from, String to) {
        Period f = from == null || from.isBlank() ? new Period(Period.FIRST_YEAR, 1) : Period.parse("from", from).asQuarter();
        Period t = to == null || to.isBlank() ? current() : Period.parse("to", to).asQuarter();
        if (t.compareTo(f) < 0) {
            throw new BadRequestException("to", "to (" + t.id() + ") is before from (" + f.id() + ")");
        }
        ZonedDateTime now = AsOf.parse(null, props.reportDueDays());
        List<TrendPoint> points = new ArrayList<>();
        boolean sample = false;
        for (Period q : Period.quarters(f, t)) {
            Board b = board(q, now, null);
            sample |= b.dataNotice() != null;
            points.add(new TrendPoint(q.id(), b.taskCounts(), b.indicatorCounts(), b.townCounts()));
        }
        return new Trend(points, notices.of(sample));
    }

    /** The quarter of today (clamped to the programme's years). */
    public static Period current() {
        java.time.LocalDate today = java.time.LocalDate.now(Period.ZONE);
        int y = Math.max(Period.FIRST_YEAR, Math.min(Period.LAST_YEAR, today.getYear()));
        return y != today.getYear() ? new Period(y, y < today.getYear() ? 4 : 1) : new Period(y, (today.getMonthValue() + 2) / 3);
    }

    /** An indicator's city series: target, 序时进度, current figure and light per quarter up to the current one. */
    public List<SeriesPoint> series(String id) {
        IndicatorMeta m = meta(id);
        Map<String, ActualVersion> cur = new HashMap<>();
        for (Map<String, Object> r : client.query(SERIES).bind(id).to("id").fetch().all()) {
            ActualVersion a = IndicatorActualsService.actual(ProgressReports.map(r.get("a")));
            cur.put(a.period(), a);
        }
        ZonedDateTime now = AsOf.parse(null, props.reportDueDays());
        List<SeriesPoint> out = new ArrayList<>();
        for (Period q : Period.quarters(new Period(Period.FIRST_YEAR, 1), current())) {
            Expected e = Lights.expected(m.kind(), m.city(), q);
            ActualVersion a = cur.get(q.id());
            Light l = lights.indicator(m.kind(), m.comparator(), m.unit(), e, a == null ? null : a.value(), a == null ? null : a.status(),
                    a != null, now.isAfter(q.dueEnds(props.reportDueDays())), q.due(props.reportDueDays()).toString());
            out.add(new SeriesPoint(q.id(), e.target() == null ? null : e.target().value(), e.target() == null ? null : e.target().basis(),
                    e.value(), a == null ? null : a.value(), l.colour().name()));
        }
        return out;
    }

    public IndicatorMeta meta(String id) {
        return metas(null).stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No tracked indicator '" + id + "'"));
    }

    /** Indicators, kinds and targets change only with a programme import (then the kinds are marked again). */
    private volatile List<IndicatorMeta> metaCache;

    /** Forgets the cached indicator targets and kinds (after the kinds were marked, i.e. after every programme import). */
    void forgetIndicators() {
        metaCache = null;
    }

    /** Every tracked indicator (or one) with its kind and year targets (cached until the next programme import). */
    public List<IndicatorMeta> metas(String id) {
        List<IndicatorMeta> all = metaCache;
        if (all == null) {
            all = List.copyOf(readMetas());
            metaCache = all;
        }
        return id == null ? all : all.stream().filter(m -> m.id().equals(id)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<IndicatorMeta> readMetas() {
        String id = null;
        List<IndicatorMeta> out = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        for (Map<String, Object> r : client.query(INDICATORS).bindAll(params).fetch().all()) {
            Map<String, Object> i = (Map<String, Object>) r.get("i");
            List<Map<String, Object>> targets = (List<Map<String, Object>>) r.get("targets");
            NavigableMap<Integer, Double> city = new TreeMap<>();
            Map<String, NavigableMap<Integer, Double>> towns = new LinkedHashMap<>();
            String comparator = null;
            String qualifier = null;
            String text = null;
            boolean numeric = false;
            for (Map<String, Object> g : targets) {
                int year = ((Number) g.get("year")).intValue();
                String town = (String) g.get("town");
                Number v = (Number) g.get("value");
                if (town == null) {
                    text = text == null ? (String) g.get("text") : text;
                }
                if (v == null) {
                    continue;
                }
                numeric = true;
                NavigableMap<Integer, Double> into = town == null ? city : towns.computeIfAbsent(town, k -> new TreeMap<>());
                if (town == null) {
                    comparator = (String) g.get("comparator");
                    qualifier = (String) g.get("qualifier");
                }
                if ("每年".equals(g.get("period"))) {
                    for (int y = Period.FIRST_YEAR; y <= year; y++) {
                        into.putIfAbsent(y, v.doubleValue());
                    }
                } else {
                    into.putIfAbsent(year, v.doubleValue());
                }
            }
            IndicatorKind kind = IndicatorKind.parse((String) i.get("trackingKind"));
            String note = (String) i.get("trackingKindNote");
            if (kind == null) {
                kind = !numeric ? IndicatorKind.TEXT : "%".equals(i.get("unit")) ? IndicatorKind.LEVEL : IndicatorKind.FLOW;
                note = "默认规则（无目标值为文字目标，% 为比率，其余为流量）";
            }
            out.add(new IndicatorMeta((String) i.get("id"), (String) i.get("name"), (String) i.get("unit"), (String) i.get("origin"),
                    kind, note, (String) r.get("lead"), city, comparator, qualifier, text, towns));
        }
        return out;
    }

    private static TargetView target(YearTarget t, IndicatorMeta m) {
        return t == null ? null : new TargetView(t.year(), t.value(), t.basis(), m.comparator(), m.qualifier());
    }
}
