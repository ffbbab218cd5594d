package cn.clustergraph.plan;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.audit.VersionedWrites;
import cn.clustergraph.plan.TaskPlans.Milestone;
import cn.clustergraph.plan.TaskPlans.PlanRequest;
import cn.clustergraph.plan.TaskPlans.PlanVersion;
import cn.clustergraph.plan.TaskPlans.TaskPlanView;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 年度计划 of the programme's tasks: each POST is a new version superseding the previous one for that task and year
 * (history is never overwritten); only the lead department or the coordinator may write (checked by {@link Scopes});
 * every version is audited.
 */
@Service
class TaskPlanService {

    static final int FIRST_YEAR = 2023;
    static final int LAST_YEAR = 2030;
    static final int MAX_MILESTONES = 50;

    private final Neo4jClient client;
    private final Scopes scopes;
    private final AuditService audit;
    private final VersionedWrites versioned;

    TaskPlanService(Neo4jClient client, Scopes scopes, AuditService audit, VersionedWrites versioned) {
        this.client = client;
        this.versioned = versioned;
        this.scopes = scopes;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    TaskPlanView plans(long no) {
        Scopes.TaskResponsibility task = scopes.task(no);
        boolean canEdit = CurrentUser.get().map(u -> scopes.canWriteTask(u, task)).orElse(false);
        List<PlanVersion> all = versions(no);
        return new TaskPlanView(no, task.lead(), task.coOwners(), canEdit,
                all.stream().filter(PlanVersion::current).toList(), all);
    }

    @Transactional
    PlanVersion post(long no, PlanRequest body) {
        UserAccount user = CurrentUser.require();
        Scopes.TaskResponsibility task = scopes.task(no);
        scopes.requireTask(user, task);
        List<Map<String, Object>> milestones = validate(body);
        PlanVersion before = versions(no).stream().filter(p -> p.current() && p.year() == body.year()).findFirst().orElse(null);
        Map<String, Object> p = new HashMap<>();
        p.put("note", body.note() == null || body.note().isBlank() ? null : body.note().strip());
        p.put("createdBy", user.username());
        String id = versioned.supersede(new VersionedWrites.Item("TaskPlan", Map.of("task", no, "year", body.year()), no + "/" + body.year()),
                        before == null ? 0 : before.version(), p, List.of(VersionedWrites.Link.to("FOR_TASK", "Task", "no", no)), "createdAt")
                .orElseThrow(() -> new NotFoundException("No task " + no));
        client.query("""
                        MATCH (p:TaskPlan {id: $id})
                        UNWIND $milestones AS m
                        CREATE (p)-[:HAS_MILESTONE]->(:PlanMilestone {seq: m.seq, text: m.text, dueQuarter: m.dueQuarter,
                                                                      quantity: m.quantity, unit: m.unit})""")
                .bindAll(Map.of("id", id, "milestones", milestones)).run();
        PlanVersion after = versions(no).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        audit.record("plan.write", List.of("Task:" + no, "TaskPlan:" + id), before == null ? null : summary(before), summary(after));
        return after;
    }

    private List<Map<String, Object>> validate(PlanRequest body) {
        if (body == null || body.year() == null) {
            throw new BadRequestException("year", "year is required (" + FIRST_YEAR + "–" + LAST_YEAR + ")");
        }
        if (body.year() < FIRST_YEAR || body.year() > LAST_YEAR) {
            throw new BadRequestException("year", "year must be " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + body.year());
        }
        if (body.milestones() == null || body.milestones().isEmpty()) {
            throw new BadRequestException("milestones", "a plan needs at least one milestone");
        }
        if (body.milestones().size() > MAX_MILESTONES) {
            throw new BadRequestException("milestones", "at most " + MAX_MILESTONES + " milestones");
        }
        if (body.note() != null && body.note().length() > 1000) {
            throw new BadRequestException("note", "note must be at most 1000 characters");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < body.milestones().size(); i++) {
            Milestone m = body.milestones().get(i);
            String f = "milestones[" + i + "]";
            if (m == null || m.text() == null || m.text().isBlank()) {
                throw new BadRequestException(f + ".text", "milestone " + (i + 1) + " needs a text");
            }
            if (m.text().length() > 500) {
                throw new BadRequestException(f + ".text", "milestone text must be at most 500 characters");
            }
            if (m.dueQuarter() == null || m.dueQuarter() < 1 || m.dueQuarter() > 4) {
                throw new BadRequestException(f + ".dueQuarter", "dueQuarter must be 1–4");
            }
            if (m.quantity() != null && (m.quantity() < 0 || m.quantity().isNaN() || m.quantity().isInfinite())) {
                throw new BadRequestException(f + ".quantity", "quantity must be a number of 0 or more");
            }
            if (m.quantity() != null && (m.unit() == null || m.unit().isBlank())) {
                throw new BadRequestException(f + ".unit", "a quantity needs its unit (家, 亿元, 个 …)");
            }
            if (m.unit() != null && m.unit().length() > 20) {
                throw new BadRequestException(f + ".unit", "unit must be at most 20 characters");
            }
            Map<String, Object> row = new HashMap<>();
            row.put("seq", i + 1);
            row.put("text", m.text().strip());
            row.put("dueQuarter", m.dueQuarter());
            row.put("quantity", m.quantity());
            row.put("unit", m.unit() == null || m.unit().isBlank() ? null : m.unit().strip());
            out.add(row);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<PlanVersion> versions(long no) {
        return client.query("""
                        MATCH (p:TaskPlan {task: $no})
                        RETURN p {.*, milestones: COLLECT { MATCH (p)-[:HAS_MILESTONE]->(m:PlanMilestone) RETURN m {.*} ORDER BY m.seq }} AS p
                        ORDER BY p.year, p.version DESC""")
                .bind(no).to("no").fetch().all().stream().map(r -> {
                    Map<String, Object> v = (Map<String, Object>) r.get("p");
                    List<Milestone> ms = ((List<Map<String, Object>>) v.get("milestones")).stream()
                            .map(m -> new Milestone((String) m.get("text"), ((Number) m.get("dueQuarter")).intValue(),
                                    m.get("quantity") == null ? null : ((Number) m.get("quantity")).doubleValue(), (String) m.get("unit")))
                            .toList();
                    Object at = v.get("createdAt");
                    return new PlanVersion((String) v.get("id"), ((Number) v.get("task")).longValue(), ((Number) v.get("year")).intValue(),
                            ((Number) v.get("version")).intValue(), Boolean.TRUE.equals(v.get("current")), (String) v.get("note"),
                            at instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) null, (String) v.get("createdBy"), ms);
                }).toList();
    }

    private static String summary(PlanVersion v) {
        return v.year() + " v" + v.version() + ": " + v.milestones().stream()
                .map(m -> "Q" + m.dueQuarter() + " " + m.text() + (m.quantity() != null ? " " + m.quantity() + m.unit() : ""))
                .collect(Collectors.joining("; "));
    }
}
