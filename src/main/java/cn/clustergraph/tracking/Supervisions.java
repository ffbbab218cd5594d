package cn.clustergraph.tracking;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.DataNotice;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 督办: the coordinator turns a red item (task or indicator, of a quarter) into a follow-up addressed to its lead
 * department with a reply date; the department replies (each reply kept); the coordinator closes it. Overdue = past the
 * reply date without a reply and not closed. Every write audited.
 */
@Service
public class Supervisions {

    private final Neo4jClient client;
    private final Scopes scopes;
    private final AuditService audit;
    private final TrackingService tracking;
    private final DataNotices notices;

    Supervisions(Neo4jClient client, Scopes scopes, AuditService audit, TrackingService tracking, DataNotices notices) {
        this.client = client;
        this.scopes = scopes;
        this.audit = audit;
        this.tracking = tracking;
        this.notices = notices;
    }

    /** A new 督办: {@code kind} task or indicator, {@code subject} task number or indicator id, the quarter it was red. */
    public record CreateRequest(String kind, String subject, String period, String request, String replyBy) {
    }

    public record ReplyRequest(String text) {
    }

    public record CloseRequest(String comment) {
    }

    public record Reply(String text, OffsetDateTime at, String by) {
    }

    /** A 督办 with its state ({@code open} 待回复, {@code replied} 已回复, {@code closed} 已办结) and whether it is overdue. */
    public record Item(String id, String kind, String subject, String subjectName, String period, String department, String request,
                       LocalDate replyBy, OffsetDateTime createdAt, String createdBy, String reason, String state, String stateZh,
                       boolean overdue, List<Reply> replies, OffsetDateTime closedAt, String closedBy, String closeComment,
                       boolean sample) {
    }

    public record Listing(List<Item> items, int overdue, DataNotice dataNotice) {
    }

    @Transactional(readOnly = true)
    public Listing list(String state, String department, Boolean overdue) {
        LocalDate today = LocalDate.now(Period.ZONE);
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> r : client.query("""
                        MATCH (s:Supervision) WHERE $dept IS NULL OR s.department = $dept
                        RETURN s {.*, replies: COLLECT { MATCH (s)<-[:REPLIES_TO]-(x:SupervisionReply) RETURN x {.*} ORDER BY x.at }} AS s
                        ORDER BY s.createdAt DESC, s.id""")
                .bind(department == null || department.isBlank() ? null : department.strip()).to("dept").fetch().all()) {
            Item i = item(ProgressReports.map(r.get("s")), today);
            if ((state == null || state.isBlank() || state.strip().equals(i.state())) && (overdue == null || overdue == i.overdue())) {
                items.add(i);
            }
        }
        return new Listing(items, (int) items.stream().filter(Item::overdue).count(), notices.of(items.stream().anyMatch(Item::sample)));
    }

    @Transactional
    public Item create(CreateRequest body) {
        UserAccount user = CurrentUser.require();
        scopes.requireCoordinator(user, "open a 督办");
        if (body == null || body.kind() == null || !List.of("task", "indicator").contains(body.kind())) {
            throw new BadRequestException("kind", "kind must be task or indicator");
        }
        if (body.subject() == null || body.subject().isBlank()) {
            throw new BadRequestException("subject", "subject is required: a task number or an indicator id");
        }
        Period p = ProgressReports.quarter(Period.parse("period", body.period()));
        String request = ProgressReports.text("request", body.request(), 2000);
        if (request == null) {
            throw new BadRequestException("request", "request (督办事项) is required");
        }
        LocalDate replyBy;
        try {
            replyBy = body.replyBy() == null ? null : LocalDate.parse(body.replyBy().strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("replyBy", "replyBy must be a date like 2025-08-15");
        }
        if (replyBy == null) {
            throw new BadRequestException("replyBy", "replyBy (回复期限) is required");
        }
        String[] red = redItem(body.kind(), body.subject().strip(), p, ZonedDateTime.now(Period.ZONE).plusSeconds(1));
        Item i = write(body.kind(), body.subject().strip(), red[0], p, red[1], request, replyBy, ZonedDateTime.now(Period.ZONE),
                user.username(), red[2], false);
        audit.record("supervision.create", List.of("Supervision:" + i.id(), (body.kind().equals("task") ? "Task:" : "Indicator:") + i.subject()),
                null, i.department() + " by " + replyBy + ": " + request);
        return i;
    }

    @Transactional
    public Item reply(String id, ReplyRequest body) {
        UserAccount user = CurrentUser.require();
        Item s = get(id);
        if (s.kind().equals("task")) {
            scopes.requireTask(user, scopes.task(Long.parseLong(s.subject())));
        } else {
            scopes.requireIndicator(user, scopes.indicator(s.subject()), null);
        }
        String text = ProgressReports.text("text", body == null ? null : body.text(), 2000);
        if (text == null) {
            throw new BadRequestException("text", "reply text is required");
        }
        if (s.closedAt() != null) {
            throw new BadRequestException("id", "督办 " + id + " is closed");
        }
        writeReply(id, text, ZonedDateTime.now(Period.ZONE), user.username(), false);
        audit.record("supervision.reply", List.of("Supervision:" + id), null, text);
        return get(id);
    }

    @Transactional
    public Item close(String id, CloseRequest body) {
        UserAccount user = CurrentUser.require();
        scopes.requireCoordinator(user, "close a 督办");
        Item s = get(id);
        if (s.closedAt() != null) {
            throw new BadRequestException("id", "督办 " + id + " is already closed");
        }
        String comment = ProgressReports.text("comment", body == null ? null : body.comment(), 1000);
        writeClose(id, comment, ZonedDateTime.now(Period.ZONE), user.username());
        audit.record("supervision.close", List.of("Supervision:" + id), s.stateZh(), "已办结" + (comment == null ? "" : ": " + comment));
        return get(id);
    }

    Item get(String id) {
        return client.query("""
                        MATCH (s:Supervision {id: $id})
                        RETURN s {.*, replies: COLLECT { MATCH (s)<-[:REPLIES_TO]-(x:SupervisionReply) RETURN x {.*} ORDER BY x.at }} AS s""")
                .bind(id).to("id").fetch().one().map(r -> item(ProgressReports.map(r.get("s")), LocalDate.now(Period.ZONE)))
                .orElseThrow(() -> new NotFoundException("No 督办 '" + id + "'"));
    }

    /** The item's name, department and light reason, when it is red in that quarter; 400 when it is not red. */
    private String[] redItem(String kind, String subject, Period p, ZonedDateTime before) {
        TrackingRecords.Board b = tracking.board(p, before, null);
        if (kind.equals("task")) {
            long no;
            try {
                no = Long.parseLong(subject);
            } catch (NumberFormatException e) {
                throw new BadRequestException("subject", "a task is named by its number (1–62), not '" + subject + "'");
            }
            TrackingRecords.TaskItem t = b.tasks().stream().filter(x -> x.no() == no).findFirst()
                    .orElseThrow(() -> new NotFoundException("No task " + no));
            if (!"RED".equals(t.light().colour())) {
                throw new BadRequestException("subject", "task " + no + " is not red in " + p.id() + " (" + t.light().reason() + ")");
            }
            return new String[]{"任务" + no, t.lead(), t.light().reason()};
        }
        TrackingRecords.IndicatorItem i = b.indicators().stream().filter(x -> x.id().equals(subject)).findFirst()
                .orElseThrow(() -> new NotFoundException("No tracked indicator '" + subject + "'"));
        if (!"RED".equals(i.light().colour())) {
            throw new BadRequestException("subject", subject + " is not red in " + p.id() + " (" + i.light().reason() + ")");
        }
        return new String[]{i.name(), i.lead(), i.light().reason()};
    }

    Item write(String kind, String subject, String subjectName, Period p, String department, String request, LocalDate replyBy,
               ZonedDateTime at, String by, String reason, boolean sample) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("subject", subject);
        m.put("no", kind.equals("task") ? Long.parseLong(subject) : -1L);
        m.put("name", subjectName);
        m.put("period", p.id());
        m.put("dept", department);
        m.put("request", request);
        m.put("replyBy", replyBy);
        m.put("at", at);
        m.put("by", by);
        m.put("reason", reason);
        m.put("sample", sample);
        String id = client.query("""
                        OPTIONAL MATCH (t:Task {no: $no})
                        OPTIONAL MATCH (i:Indicator {id: $subject})
                        OPTIONAL MATCH (d:Department {name: $dept})
                        WITH t, i, d, COUNT { MATCH (x:Supervision {period: $period}) } + 1 AS n
                        CREATE (s:Supervision {id: 'DB-' + $period + '-' + right('00' + toString(n), 3), kind: $kind, subject: $subject,
                                subjectName: $name, period: $period, department: $dept, request: $request, replyBy: $replyBy,
                                createdAt: $at, createdBy: $by, reason: $reason, sample: $sample})
                        FOREACH (x IN CASE WHEN $kind = 'task' THEN [t] ELSE [i] END | CREATE (s)-[:CONCERNS]->(x))
                        FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (s)-[:ADDRESSED_TO]->(x))
                        RETURN s.id AS id""")
                .bindAll(m).fetchAs(String.class).one().orElseThrow();
        return get(id);
    }

    void writeReply(String id, String text, ZonedDateTime at, String by, boolean sample) {
        client.query("""
                        MATCH (s:Supervision {id: $id})
                        CREATE (:SupervisionReply {supervision: $id, text: $text, at: $at, by: $by, sample: $sample})-[:REPLIES_TO]->(s)""")
                .bind(id).to("id").bind(text).to("text").bind(at).to("at").bind(by).to("by").bind(sample).to("sample").run();
    }

    void writeClose(String id, String comment, ZonedDateTime at, String by) {
        client.query("MATCH (s:Supervision {id: $id}) WHERE s.closedAt IS NULL SET s.closedAt = $at, s.closedBy = $by, s.closeComment = $comment")
                .bind(id).to("id").bind(at).to("at").bind(by).to("by").bind(comment).to("comment").run();
    }

    /** A few sample 督办 from red tasks of 2024Q2 and 2024Q3: replied and closed, replied, open and overdue. */
    int sample(Random rnd) {
        int n = 0;
        for (Period p : List.of(new Period(2024, 2), new Period(2024, 3))) {
            ZonedDateTime opened = p.due(tracking.dueDays()).plusDays(10).atTime(9, 30).atZone(Period.ZONE);
            List<TrackingRecords.TaskItem> red = tracking.board(p, opened, null).tasks().stream()
                    .filter(t -> "RED".equals(t.light().colour())).limit(3).toList();
            for (TrackingRecords.TaskItem t : red) {
                Item s = write("task", Long.toString(t.no()), "任务" + t.no(), p, t.lead(),
                        "请说明任务" + t.no() + "滞后原因并提出整改措施（样例）", opened.toLocalDate().plusDays(15), opened,
                        TrackingSampleLoader.COORDINATOR, t.light().reason(), true);
                int k = n % 3;
                if (k < 2) {
                    writeReply(s.id(), t.lead() + "已制定整改措施，下季度赶上序时进度（样例）", opened.plusDays(5 + rnd.nextInt(8)),
                            TrackingSampleLoader.BY, true);
                }
                if (k == 0) {
                    writeClose(s.id(), "整改到位（样例）", opened.plusDays(25), TrackingSampleLoader.COORDINATOR);
                }
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Item item(Map<String, Object> s, LocalDate today) {
        List<Reply> replies = ((List<Map<String, Object>>) s.get("replies")).stream()
                .map(x -> new Reply((String) x.get("text"), AsOf.time(x.get("at")), (String) x.get("by"))).toList();
        OffsetDateTime closed = AsOf.time(s.get("closedAt"));
        LocalDate replyBy = (LocalDate) s.get("replyBy");
        String state = closed != null ? "closed" : replies.isEmpty() ? "open" : "replied";
        boolean overdue = closed == null && replies.isEmpty() && replyBy != null && today.isAfter(replyBy);
        return new Item((String) s.get("id"), (String) s.get("kind"), (String) s.get("subject"), (String) s.get("subjectName"),
                (String) s.get("period"), (String) s.get("department"), (String) s.get("request"), replyBy, AsOf.time(s.get("createdAt")),
                (String) s.get("createdBy"), (String) s.get("reason"), state,
                switch (state) {
                    case "closed" -> "已办结";
                    case "replied" -> "已回复";
                    default -> "待回复";
                }, overdue, replies, closed, (String) s.get("closedBy"), (String) s.get("closeComment"), Boolean.TRUE.equals(s.get("sample")));
    }
}
