package cn.clustergraph.tracking;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.audit.VersionedWrites;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.tracking.TrackingRecords.Contribution;
import cn.clustergraph.tracking.TrackingRecords.ContributionRequest;
import cn.clustergraph.tracking.TrackingRecords.ReportRequest;
import cn.clustergraph.tracking.TrackingRecords.ReportVersion;
import cn.clustergraph.tracking.TrackingRecords.Review;
import cn.clustergraph.tracking.TrackingRecords.ReviewRequest;
import cn.clustergraph.tracking.TrackingRecords.TaskReports;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 季度进展 of the programme's tasks: the lead department files a report per task and quarter (each POST a new version
 * that supersedes the previous one; nothing is overwritten), co-owners add their 配合情况, the coordinator accepts or
 * returns a version with a comment. Scope checks by {@link Scopes}; every write audited.
 */
@Service
public class ProgressReports {

    static final int MAX_TEXT = 2000;

    private final Neo4jClient client;
    private final Scopes scopes;
    private final AuditService audit;
    private final TrackingProperties props;
    private final DataNotices notices;
    private final Lights lights;
    private final VersionedWrites versioned;

    ProgressReports(Neo4jClient client, Scopes scopes, AuditService audit, TrackingProperties props, DataNotices notices, Lights lights,
                    VersionedWrites versioned) {
        this.lights = lights;
        this.versioned = versioned;
        this.client = client;
        this.scopes = scopes;
        this.audit = audit;
        this.props = props;
        this.notices = notices;
    }

    /** A report as written: by whom, when (the sample loader writes past dates), whether sample. */
    record Write(long task, Period period, String status, Double percent, String progress, String problems, String nextSteps,
                 List<Integer> milestonesMet, String note, ZonedDateTime at, String by, String department, boolean sample) {
    }

    @Transactional(readOnly = true)
    public TaskReports history(long no, String period) {
        Scopes.TaskResponsibility task = scopes.task(no);
        Period p = period == null || period.isBlank() ? null : quarter(Period.parse("period", period));
        UserAccount user = CurrentUser.get().orElse(null);
        List<ReportVersion> reports = versions(no, p == null ? null : p.id());
        List<Contribution> parts = contributions(no, p == null ? null : p.id());
        boolean sample = reports.stream().anyMatch(ReportVersion::sample) || parts.stream().anyMatch(Contribution::sample);
        return new TaskReports(no, task.lead(), task.coOwners(), user != null && scopes.canWriteTask(user, task),
                user != null && user.has(Role.DEPARTMENT) && task.coOwners().contains(user.department()),
                user != null && Scopes.coordinator(user), Lights.STATUSES, reports, parts, notices.of(sample));
    }

    @Transactional
    public ReportVersion post(long no, ReportRequest body) {
        UserAccount user = CurrentUser.require();
        Scopes.TaskResponsibility task = scopes.task(no);
        scopes.requireTask(user, task);
        Write w = validate(no, body, ZonedDateTime.now(Period.ZONE), user.username(),
                user.has(Role.DEPARTMENT) ? user.department() : Role.COORDINATOR.label());
        ReportVersion before = current(no, w.period().id());
        String id = write(w, before == null ? 0 : before.version());
        ReportVersion after = versions(no, w.period().id()).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        audit.record("report.write", List.of("Task:" + no, "ProgressReport:" + id), before == null ? null : summary(before), summary(after));
        return after;
    }

    @Transactional
    public Review review(long no, String period, ReviewRequest body) {
        UserAccount user = CurrentUser.require();
        scopes.task(no);
        scopes.requireCoordinator(user, "accept or return reports");
        Period p = quarter(Period.parse("period", period));
        if (body == null || body.decision() == null) {
            throw new BadRequestException("decision", "decision is required: accept (采纳) or return (退回)");
        }
        String decision = switch (body.decision().strip().toLowerCase()) {
            case "accept", "accepted", "采纳" -> "accepted";
            case "return", "returned", "退回" -> "returned";
            default -> throw new BadRequestException("decision", "decision must be accept (采纳) or return (退回), not '" + body.decision() + "'");
        };
        String comment = text("comment", body.comment(), 1000);
        if ("returned".equals(decision) && comment == null) {
            throw new BadRequestException("comment", "a returned report needs a comment saying what to correct");
        }
        ReportVersion current = current(no, p.id());
        if (current == null) {
            throw new NotFoundException("Task " + no + " has no report for " + p.id() + " to review");
        }
        Review r = writeReview(current.id(), no, p.id(), decision, comment, ZonedDateTime.now(Period.ZONE), user.username(), false);
        audit.record("report.review", List.of("Task:" + no, "ProgressReport:" + current.id()), summary(current),
                decisionZh(decision) + (comment == null ? "" : ": " + comment));
        return r;
    }

    @Transactional
    public Contribution contribute(long no, String period, ContributionRequest body) {
        UserAccount user = CurrentUser.require();
        Scopes.TaskResponsibility task = scopes.task(no);
        scopes.requireTaskPart(user, task);
        Period p = quarter(Period.parse("period", period));
        String text = text("text", body == null ? null : body.text(), MAX_TEXT);
        if (text == null) {
            throw new BadRequestException("text", "配合情况 text is required");
        }
        String dept = Scopes.coordinator(user) ? body.department() : user.department();
        if (dept == null || dept.isBlank()) {
            throw new BadRequestException("department", "department is required (one of the task's co-owners: " + task.coOwners() + ")");
        }
        if (!task.coOwners().contains(dept)) {
            throw new BadRequestException("department", dept + " is not a co-owner of task " + no + " (co-owners: " + task.coOwners()
                    + "); the lead department writes the report itself");
        }
        Contribution c = writeContribution(no, p.id(), dept, text, ZonedDateTime.now(Period.ZONE), user.username(), false);
        audit.record("report.contribution", List.of("Task:" + no, "ReportContribution:" + c.id()), null, dept + ": " + text);
        return c;
    }

    Write validate(long no, ReportRequest body, ZonedDateTime at, String by, String department) {
        if (body == null) {
            throw new BadRequestException("period", "a report needs period, status and percent");
        }
        Period p = quarter(Period.parse("period", body.period()));
        if (body.status() == null || !Lights.STATUSES.contains(body.status().strip())) {
            throw new BadRequestException("status", "status must be one of " + Lights.STATUSES + (body.status() == null ? "" : ", not '" + body.status() + "'"));
        }
        if (body.percent() == null || body.percent().isNaN() || body.percent() < 0 || body.percent() > 100) {
            throw new BadRequestException("percent", "percent done of the year's plan must be 0–100");
        }
        List<Integer> met = body.milestonesMet() == null ? List.of() : body.milestonesMet();
        for (int i = 0; i < met.size(); i++) {
            if (met.get(i) == null || met.get(i) < 1 || met.get(i) > 50) {
                throw new BadRequestException("milestonesMet[" + i + "]", "milestones are numbered 1–50 as in the year's plan");
            }
        }
        return new Write(no, p, body.status().strip(), body.percent(), text("progress", body.progress(), MAX_TEXT),
                text("problems", body.problems(), MAX_TEXT), text("nextSteps", body.nextSteps(), MAX_TEXT), met,
                text("note", body.note(), 1000), at, by, department, false);
    }

    /** Writes one new version on top of whatever is current (the sample loader and the template import); returns its id. */
    String write(Write w) {
        return write(w, null);
    }

    /** Writes one new version on top of version {@code expected} (0: none; null: whatever is current); returns its id. */
    String write(Write w, Integer expected) {
        Map<String, Object> p = new HashMap<>();
        p.put("year", w.period().year());
        p.put("quarter", w.period().quarter());
        p.put("status", w.status());
        p.put("percent", w.percent());
        p.put("progress", w.progress());
        p.put("problems", w.problems());
        p.put("nextSteps", w.nextSteps());
        p.put("milestonesMet", w.milestonesMet());
        p.put("note", w.note());
        p.put("recordedAt", w.at());
        p.put("recordedBy", w.by());
        p.put("department", w.department());
        p.put("late", !w.at().isBefore(w.period().dueEnds(props.reportDueDays())));
        p.put("sample", w.sample());
        // the light this version gives its task (stored for analysts' reports; the API computes it with Lights too)
        Lights.Light light = lights.task(w.period(), w.status(), w.percent(), true, false, w.period().due(props.reportDueDays()).toString());
        p.put("light", light.colour().name());
        p.put("lightReason", light.reason());
        return versioned.supersede(report(w.task(), w.period().id()), expected, p,
                        List.of(VersionedWrites.Link.to("FOR_TASK", "Task", "no", w.task()),
                                VersionedWrites.Link.to("FOR_PERIOD", "Period", "id", w.period().id())), null)
                .orElseThrow(() -> new NotFoundException("No task " + w.task()));
    }

    /** A task's report of a period, as a versioned item. */
    static VersionedWrites.Item report(long no, String period) {
        return new VersionedWrites.Item("ProgressReport", Map.of("task", no, "period", period), no + "/" + period);
    }

    Review writeReview(String reportId, long no, String period, String decision, String comment, ZonedDateTime at, String by, boolean sample) {
        Map<String, Object> p = new HashMap<>();
        p.put("report", reportId);
        p.put("no", no);
        p.put("period", period);
        p.put("decision", decision);
        p.put("comment", comment);
        p.put("at", at);
        p.put("by", by);
        p.put("sample", sample);
        Map<String, Object> v = client.query("""
                        MATCH (r:ProgressReport {id: $report})
                        WITH r, COUNT { (r)<-[:REVIEWS]-() } + 1 AS n
                        CREATE (v:ReportReview {id: $report + '/r' + toString(n), report: $report, task: $no, period: $period,
                                decision: $decision, comment: $comment, at: $at, by: $by, sample: $sample})-[:REVIEWS]->(r)
                        RETURN v {.*} AS v""")
                .bindAll(p).fetch().one().map(r -> map(r.get("v"))).orElseThrow();
        return review(v);
    }

    Contribution writeContribution(long no, String period, String dept, String text, ZonedDateTime at, String by, boolean sample) {
        Map<String, Object> p = new HashMap<>();
        p.put("text", text);
        p.put("recordedAt", at);
        p.put("recordedBy", by);
        p.put("sample", sample);
        VersionedWrites.Item item = new VersionedWrites.Item("ReportContribution", Map.of("task", no, "period", period, "department", dept),
                no + "/" + period + "/" + dept);
        String id = versioned.supersede(item, null, p, List.of(VersionedWrites.Link.to("FOR_TASK", "Task", "no", no),
                VersionedWrites.Link.to("BY_DEPARTMENT", "Department", "name", dept)), null).orElseThrow();
        return contribution(client.query("MATCH (c:ReportContribution {id: $id}) RETURN c {.*} AS c").bind(id).to("id")
                .fetch().one().map(r -> map(r.get("c"))).orElseThrow());
    }

    private ReportVersion current(long no, String period) {
        return versioned.current(report(no, period)).map(ProgressReports::report).orElse(null);
    }

    /** Every version of a task's reports (of one period, or all), newest period and version first, with their latest review. */
    List<ReportVersion> versions(long no, String period) {
        return client.query("""
                        MATCH (r:ProgressReport {task: $no}) WHERE $period IS NULL OR r.period = $period
                        RETURN r {.*, review: head(COLLECT { MATCH (r)<-[:REVIEWS]-(v:ReportReview) RETURN v {.*} ORDER BY v.at DESC })} AS r
                        ORDER BY r.year DESC, r.quarter DESC, r.version DESC""")
                .bind(no).to("no").bind(period).to("period").fetch().all().stream()
                .map(r -> report(map(r.get("r")))).toList();
    }

    private List<Contribution> contributions(long no, String period) {
        return client.query("""
                        MATCH (c:ReportContribution {task: $no}) WHERE $period IS NULL OR c.period = $period
                        RETURN c {.*} AS c ORDER BY c.period DESC, c.department, c.version DESC""")
                .bind(no).to("no").bind(period).to("period").fetch().all().stream()
                .map(r -> contribution(map(r.get("c")))).toList();
    }

    @SuppressWarnings("unchecked")
    static ReportVersion report(Map<String, Object> r) {
        if (r == null) {
            return null;
        }
        List<Integer> met = new ArrayList<>();
        if (r.get("milestonesMet") instanceof List<?> l) {
            for (Object o : l) {
                met.add(((Number) o).intValue());
            }
        }
        Map<String, Object> v = (Map<String, Object>) r.get("review");
        return new ReportVersion((String) r.get("id"), ((Number) r.get("task")).longValue(), (String) r.get("period"),
                ((Number) r.get("version")).intValue(), Boolean.TRUE.equals(r.get("current")), (String) r.get("status"),
                num(r.get("percent")), (String) r.get("progress"), (String) r.get("problems"), (String) r.get("nextSteps"), met,
                (String) r.get("note"), AsOf.time(r.get("recordedAt")), (String) r.get("recordedBy"), Boolean.TRUE.equals(r.get("late")),
                v == null ? null : review(v), Boolean.TRUE.equals(r.get("sample")));
    }

    static Review review(Map<String, Object> v) {
        String d = (String) v.get("decision");
        return new Review((String) v.get("id"), (String) v.get("report"), d, decisionZh(d), (String) v.get("comment"),
                AsOf.time(v.get("at")), (String) v.get("by"), Boolean.TRUE.equals(v.get("sample")));
    }

    private static Contribution contribution(Map<String, Object> c) {
        return new Contribution((String) c.get("id"), ((Number) c.get("task")).longValue(), (String) c.get("period"),
                (String) c.get("department"), ((Number) c.get("version")).intValue(), Boolean.TRUE.equals(c.get("current")),
                (String) c.get("text"), AsOf.time(c.get("recordedAt")), (String) c.get("recordedBy"), Boolean.TRUE.equals(c.get("sample")));
    }

    static String decisionZh(String d) {
        return "accepted".equals(d) ? "已采纳" : "returned".equals(d) ? "已退回" : d;
    }

    private static String summary(ReportVersion v) {
        return v.period() + " v" + v.version() + ": " + v.status() + " " + Lights.fmt(v.percent() == null ? 0 : v.percent()) + "%"
                + (v.progress() == null ? "" : " " + v.progress());
    }

    static Period quarter(Period p) {
        if (p.isYear()) {
            throw new BadRequestException("period", "reports are per quarter: give e.g. " + p.year() + "Q2, not " + p.id());
        }
        return p;
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new BadRequestException(field, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }

    static Double num(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
