package cn.clustergraph.audit;

import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.PageResult;
import cn.clustergraph.web.Paging;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail: appends an {@code AuditEvent} for every write (sign-ins, tokens, users, imports, plans, key-enterprise
 * lists) and pages through them. There is deliberately no method to change or delete an event.
 */
@Service
public class AuditService {

    /** Longest before/after summary kept (the rest is cut with an ellipsis). */
    static final int MAX_SUMMARY = 2000;

    private final Neo4jClient client;
    private final Paging.Settings paging;

    AuditService(Neo4jClient client, Paging.Settings paging) {
        this.client = client;
        this.paging = paging;
    }

    /**
     * Appends one event in the caller's transaction (so a write and its audit event commit or roll back together), or
     * in its own when there is none.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, String kind, List<String> keys, String before, String after, String outcome) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", UUID.randomUUID().toString());
        p.put("actor", actor.username());
        p.put("address", actor.address());
        p.put("kind", kind);
        p.put("keys", keys == null ? List.of() : keys);
        p.put("before", cut(before));
        p.put("after", cut(after));
        p.put("outcome", outcome == null ? "ok" : outcome);
        client.query("""
                CREATE (:AuditEvent {id: $id, at: datetime(), actor: $actor, address: $address, kind: $kind, keys: $keys,
                                     before: $before, after: $after, outcome: $outcome})""").bindAll(p).run();
    }

    /** A successful write by the current request's user. */
    public void record(String kind, List<String> keys, String before, String after) {
        record(Actor.current(), kind, keys, before, after, "ok");
    }

    /** Events newest first, filtered by user, kind and time range (each optional). */
    @Transactional(readOnly = true)
    public PageResult<AuditEvent> page(String user, String kind, String from, String to, Integer page, Integer size) {
        Paging pg = Paging.of(page, size, paging);
        Map<String, Object> p = filters(user, kind, from, to);
        p.put("skip", pg.skip());
        p.put("limit", pg.size());
        long total = client.query("MATCH (e:AuditEvent) WHERE " + WHERE + " RETURN count(e) AS n")
                .bindAll(p).fetchAs(Long.class).one().orElse(0L);
        List<AuditEvent> items = List.copyOf(client.query("MATCH (e:AuditEvent) WHERE " + WHERE
                        + " RETURN e ORDER BY e.at DESC, e.id SKIP $skip LIMIT $limit")
                .bindAll(p).fetchAs(AuditEvent.class).mappedBy((t, r) -> event(r.get("e").asMap())).all());
        return new PageResult<>(items, pg.page(), pg.size(), total, pg.skip() + items.size() < total, null);
    }

    /** Every event matching the filters (newest first, at most {@code max}), for CSV/XLSX export. */
    @Transactional(readOnly = true)
    public List<AuditEvent> all(String user, String kind, String from, String to, int max) {
        Map<String, Object> p = filters(user, kind, from, to);
        p.put("limit", max);
        return List.copyOf(client.query("MATCH (e:AuditEvent) WHERE " + WHERE + " RETURN e ORDER BY e.at DESC, e.id LIMIT $limit")
                .bindAll(p).fetchAs(AuditEvent.class).mappedBy((t, r) -> event(r.get("e").asMap())).all());
    }

    /** The fixed filter: every part is a parameter that may be null (no query text is composed). */
    private static final String WHERE = "($user IS NULL OR e.actor = $user) AND ($kind IS NULL OR e.kind = $kind)"
            + " AND ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at < $to)";

    private static Map<String, Object> filters(String user, String kind, String from, String to) {
        Map<String, Object> p = new HashMap<>();
        p.put("user", blank(user) ? null : user.strip());
        p.put("kind", blank(kind) ? null : kind.strip());
        p.put("from", time("from", from));
        p.put("to", time("to", to));
        return p;
    }

    /** {@code 2026-12-01} (start of that day, UTC+8 as the office works) or a full ISO date-time with offset. */
    static ZonedDateTime time(String field, String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return java.time.LocalDate.parse(v).atStartOfDay(ZoneOffset.ofHours(8));
            }
            return OffsetDateTime.parse(v).toZonedDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be a date (2026-12-01) or an ISO date-time with offset, not '" + value + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static AuditEvent event(Map<String, Object> e) {
        Object at = e.get("at");
        OffsetDateTime when = at instanceof ZonedDateTime z ? z.toOffsetDateTime()
                : at instanceof OffsetDateTime o ? o : at instanceof TemporalAccessor ta ? OffsetDateTime.from(ta) : null;
        return new AuditEvent((String) e.get("id"), when, (String) e.get("actor"), (String) e.get("address"),
                (String) e.get("kind"), (List<String>) e.getOrDefault("keys", List.of()), (String) e.get("before"),
                (String) e.get("after"), (String) e.get("outcome"));
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY) + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
