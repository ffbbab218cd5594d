package cn.clustergraph.tracking;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic, fictional tracking history 2023Q1–2024Q4 (plans' reports, some late, missing or returned and
 * corrected, figures per indicator and town, a few 督办), loaded with the sample register and marked like it
 * ({@code sample: true}, dataset {@value #DATASET}), so every view shows something true to life. Seeded: the same
 * history on every machine. Off with {@code clustergraph.tracking.sample=false}.
 */
@Component
@Order(30)
class TrackingSampleLoader implements StartupDataLoader {

    static final String DATASET = "sample-tracking";
    static final long SEED = 16;
    static final String BY = "样例填报";
    static final String COORDINATOR = "样例工业强市办";

    private final Neo4jClient client;
    private final TrackingProperties props;
    private final ProgressReports reports;
    private final IndicatorActualsService actuals;
    private final TrackingService tracking;
    private final Supervisions supervisions;
    private final AuditService audit;
    private final DataNotices notices;

    private final boolean samples;

    TrackingSampleLoader(Neo4jClient client, TrackingProperties props, ProgressReports reports, IndicatorActualsService actuals,
                         TrackingService tracking, Supervisions supervisions, AuditService audit, DataNotices notices,
                         @Value("${clustergraph.sample.enabled:true}") boolean samples) {
        this.notices = notices;
        this.samples = samples;
        this.client = client;
        this.props = props;
        this.reports = reports;
        this.actuals = actuals;
        this.tracking = tracking;
        this.supervisions = supervisions;
        this.audit = audit;
    }

    @Override
    public String name() {
        return DATASET;
    }

    @Override
    @Transactional
    public String loadOnStartup() {
        if (!samples || !props.sample()) {
            // the sample switch turns every sample off (register, pipeline, tracking), as the README says
            return "disabled (clustergraph.sample.enabled=false or clustergraph.tracking.sample=false)";
        }
        boolean register = client.query("MATCH (d:Dataset {name: 'sample-register'}) RETURN count(d) > 0 AS x").fetchAs(Boolean.class).one().orElse(false);
        if (!register) {
            return "no sample register loaded: no sample tracking history";
        }
        boolean loaded = client.query("MATCH (d:Dataset {name: $n}) RETURN count(d) > 0 AS x").bind(DATASET).to("n")
                .fetchAs(Boolean.class).one().orElse(false);
        if (loaded) {
            return "already loaded";
        }
        Random rnd = new Random(SEED);
        int due = props.reportDueDays();
        List<Map<String, Object>> tasks = List.copyOf(client.query("""
                        MATCH (t:Task)-[:LED_BY]->(d:Department)
                        RETURN t.no AS no, d.name AS lead, COLLECT { MATCH (t)-[r:CO_OWNED_BY]->(c:Department) RETURN c.name ORDER BY r.order } AS co
                        ORDER BY no""").fetch().all());
        // each task's character over the two years: on track, slow, or blocked for a while
        int[] health = new int[tasks.size()];
        for (int i = 0; i < health.length; i++) {
            double h = rnd.nextDouble();
            health[i] = h < 0.7 ? 0 : h < 0.9 ? 1 : 2;
        }
        int nReports = 0, nReturned = 0, nLate = 0, nMissing = 0, nActuals = 0;
        for (Period q : Period.quarters(new Period(2023, 1), new Period(2024, 4))) {
            ZonedDateTime dueDay = q.due(due).atTime(LocalTime.of(10, 0)).atZone(Period.ZONE);
            for (int i = 0; i < tasks.size(); i++) {
                Map<String, Object> t = tasks.get(i);
                long no = ((Number) t.get("no")).longValue();
                String lead = (String) t.get("lead");
                double roll = rnd.nextDouble();
                if (roll < 0.05) {
                    nMissing++;
                    continue;
                }
                boolean late = roll > 0.9;
                ZonedDateTime at = late ? dueDay.plusDays(3 + rnd.nextInt(40)) : dueDay.minusDays(rnd.nextInt(12));
                nLate += late ? 1 : 0;
                double schedule = q.quartersElapsed() * 25.0;
                double factor = switch (health[i]) {
                    case 0 -> 0.92 + rnd.nextDouble() * 0.2;
                    case 1 -> 0.6 + rnd.nextDouble() * 0.25;
                    default -> 0.35 + rnd.nextDouble() * 0.25;
                };
                double percent = Math.min(100, Math.round(schedule * factor));
                String status = percent >= 100 ? "已完成" : health[i] == 2 && q.quarter() >= 2 && rnd.nextDouble() < 0.5 ? "受阻"
                        : health[i] == 0 ? "按序推进" : "滞后";
                boolean returned = rnd.nextDouble() < 0.08;
                String progress = q.label() + "，" + lead + "按年度计划推进任务" + no + "，完成年度计划的 " + Lights.fmt(percent) + "%（样例）";
                String problems = status.equals("按序推进") || status.equals("已完成") ? null
                        : status.equals("受阻") ? "用地、审批等要素制约，需协调解决（样例）" : "部分项目进度慢于计划（样例）";
                String next = "下季度继续推进，确保完成年度计划（样例）";
                if (returned) {
                    String id = reports.write(new ProgressReports.Write(no, q, status, Math.max(0, percent - 10), "进展情况过于简略（样例）",
                            problems, next, List.of(), null, at, BY, lead, true));
                    reports.writeReview(id, no, q.id(), "returned", "请补充具体项目和数据（样例）", at.plusDays(2), COORDINATOR, true);
                    at = at.plusDays(5);
                    nReturned++;
                }
                String id = reports.write(new ProgressReports.Write(no, q, status, percent, progress, problems, next, List.of(1), null,
                        at, BY, lead, true));
                nReports++;
                if (rnd.nextDouble() < 0.85) {
                    reports.writeReview(id, no, q.id(), "accepted", null, at.plusDays(3), COORDINATOR, true);
                }
                @SuppressWarnings("unchecked")
                List<String> co = (List<String>) t.get("co");
                if (!co.isEmpty() && rnd.nextDouble() < 0.4) {
                    reports.writeContribution(no, q.id(), co.get(0), co.get(0) + "配合" + lead + "推进任务" + no + "（样例）",
                            at.minusDays(1), BY, true);
                }
            }
            for (TrackingService.IndicatorMeta m : tracking.metas(null)) {
                if (m.origin().equals("正文")) {
                    continue;
                }
                nActuals += figure(rnd, m, null, m.city(), q, dueDay);
                for (Map.Entry<String, java.util.NavigableMap<Integer, Double>> town : m.towns().entrySet()) {
                    nActuals += figure(rnd, m, town.getKey(), town.getValue(), q, dueDay);
                }
            }
        }
        int nSupervision = supervisions.sample(rnd);
        client.query("""
                        MERGE (d:Dataset {name: $name})
                        SET d.sample = true, d.notice = $notice, d.title = '样例跟踪记录 2023Q1–2024Q4',
                            d.description = 'Fictional quarterly reports, reviews, figures and 督办 (seed ' + toString($seed) + ')',
                            d.generatedBy = 'TrackingSampleLoader', d.importedAt = datetime()""")
                .bind(DATASET).to("name").bind(DataNotices.SAMPLE).to("notice").bind(SEED).to("seed").run();
        notices.datasetsChanged();  // a read during startup (the warm-up) may have cached the datasets before this one
        String summary = nReports + " sample reports (" + nReturned + " returned and corrected, " + nLate + " late, " + nMissing
                + " missing), " + nActuals + " figures, " + nSupervision + " 督办, 2023Q1–2024Q4";
        audit.record(new Actor(Actor.SYSTEM, "local"), "tracking.sample", List.of("Dataset:" + DATASET), null, summary, "ok");
        return summary;
    }

    private int figure(Random rnd, TrackingService.IndicatorMeta m, String town, java.util.NavigableMap<Integer, Double> targets,
                       Period q, ZonedDateTime dueDay) {
        Lights.Expected e = Lights.expected(m.kind(), targets, q);
        double roll = rnd.nextDouble();
        if (roll < 0.04) {
            return 0;
        }
        ZonedDateTime at = roll > 0.93 ? dueDay.plusDays(2 + rnd.nextInt(20)) : dueDay.minusDays(rnd.nextInt(10));
        String source = town != null ? "镇街道上报" : "统计部门";
        if (m.kind() == IndicatorKind.TEXT) {
            actuals.write(new IndicatorActualsService.Write(m.id(), town, q, null, "按要求推进（样例）", rnd.nextDouble() < 0.85 ? "按序推进" : "滞后",
                    "部门上报", null, at, BY, true));
            return 1;
        }
        if (e.value() == null) {
            return 0;
        }
        double factor = 0.68 + rnd.nextDouble() * 0.45;
        double v = Lights.round(e.value() * factor, e.value() < 10 ? 2 : 1);
        actuals.write(new IndicatorActualsService.Write(m.id(), town, q, v, null, null, source, null, at, BY, true));
        return 1;
    }
}
