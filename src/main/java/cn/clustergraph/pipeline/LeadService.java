package cn.clustergraph.pipeline;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.gap.GapService;
import cn.clustergraph.pipeline.PipelineRecords.CandidateRef;
import cn.clustergraph.pipeline.PipelineRecords.EnterpriseRef;
import cn.clustergraph.pipeline.PipelineRecords.Lead;
import cn.clustergraph.pipeline.PipelineRecords.LeadPatch;
import cn.clustergraph.pipeline.PipelineRecords.NewLead;
import cn.clustergraph.pipeline.PipelineRecords.NoteRequest;
import cn.clustergraph.pipeline.PipelineRecords.StageRequest;
import cn.clustergraph.register.CreditCode;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes of the 招商 pipeline by people: new leads (from a 重点招商对象清单 candidate keeping its gap signal, or by hand),
 * stage moves under {@link Stages}' rules, corrections, 跟进记录, reassignment and figures. Each write is checked against
 * {@link Scopes}, appended as a {@code LeadEvent} (history is never rewritten) and audited; 投产 goes through
 * {@link Production}.
 */
@Service
class LeadService {

    /** Where a lead came from (来源). */
    static final List<String> SOURCES = List.of("重点招商对象清单", "以商引商", "展会", "基金招商", "驻外招商", "中介招商", "网络招商", "台账导入", "其他");

    static final Set<String> NUMBER_FIELDS = Set.of("totalInvestment", "totalInvestmentUsd", "registeredInvestment", "landMu",
            "expectedOutput", "expectedTax");
    static final Set<String> FLAG_FIELDS = Set.of("foreign", "fortune500", "over100mUsdStated", "filed1bStated");
    static final Set<String> DATE_FIELDS = Set.of("plannedStart", "plannedProduction");
    static final Set<String> TEXT_FIELDS = Set.of("name", "town");

    private final Neo4jClient client;
    private final LeadStore store;
    private final PipelineService pipeline;
    private final Scopes scopes;
    private final AuditService audit;
    private final ChainNames chains;
    private final GapService gaps;
    private final Production production;

    LeadService(Neo4jClient client, LeadStore store, PipelineService pipeline, Scopes scopes, AuditService audit, ChainNames chains,
                GapService gaps, Production production) {
        this.client = client;
        this.store = store;
        this.pipeline = pipeline;
        this.scopes = scopes;
        this.audit = audit;
        this.chains = chains;
        this.gaps = gaps;
        this.production = production;
    }

    @Transactional
    Lead create(NewLead body) {
        UserAccount user = CurrentUser.require();
        scopes.requireCreateLead(user);
        if (body == null) {
            throw new BadRequestException("body", "a lead needs a candidate, or chain, segments and enterprise");
        }
        String owner = blank(body.owner()) ? user.username() : body.owner().strip();
        if (!owner.equals(user.username())) {
            scopes.requireReassignLead(user, "(new)");
            requireOwner(owner);
        }
        LocalDate date = date(body.date(), "date", LeadStore.today());
        Map<String, Object> props = new HashMap<>();
        List<String> segments;
        String enterpriseId;
        if (body.candidate() != null) {
            CandidateRef c = body.candidate();
            if (blank(c.chain())) {
                throw new BadRequestException("candidate.chain", "candidate.chain is required");
            }
            if (blank(c.enterprise())) {
                throw new BadRequestException("candidate.enterprise", "candidate.enterprise (the candidate's id) is required");
            }
            String chain = chains.require(c.chain());
            var match = gaps.investmentTargets(chain, blank(c.segment()) ? null : c.segment()).candidates().stream()
                    .filter(x -> x.enterpriseId().equals(c.enterprise().strip()))
                    .findFirst().orElseThrow(() -> new BadRequestException("candidate.enterprise", "enterprise " + c.enterprise()
                            + " is not on the 重点招商对象清单 of " + chain + (blank(c.segment()) ? "" : " for segment " + c.segment())
                            + " (GET /api/chains/" + chain + "/investment-targets)"));
            props.put("chain", chain);
            segments = List.of(match.segmentId());
            enterpriseId = match.enterpriseId();
            props.put("enterpriseName", match.name());
            props.put("creditCode", match.enterpriseId());
            props.put("origin", "candidate");
            props.put("signalSegmentId", match.segmentId());
            props.put("signalSegment", match.segment());
            props.put("signalStatus", match.segmentStatus());
            props.put("signalScore", match.score());
            props.put("signalRank", match.rank());
            props.put("signalReasons", match.reasons());
            props.put("signalListedOn", LeadStore.today());
            props.put("sample", match.sample());
        } else {
            if (blank(body.chain())) {
                throw new BadRequestException("chain", "chain is required (or a candidate)");
            }
            String chain = chains.require(body.chain());
            props.put("chain", chain);
            segments = segments(chain, body.segments());
            EnterpriseRef e = body.enterprise();
            if (e == null || blank(e.id()) && blank(e.name())) {
                throw new BadRequestException("enterprise", "enterprise is required: {\"id\"} of an existing one or {\"name\", \"creditCode\"}");
            }
            Map<String, Object> found = enterprise(e);
            enterpriseId = found == null ? null : (String) found.get("id");
            props.put("enterpriseName", found == null ? e.name().strip() : found.get("name"));
            props.put("creditCode", found == null ? creditCode(e.creditCode()) : found.get("id"));
            props.put("origin", "manual");
            props.put("sample", false);
        }
        props.put("enterpriseId", enterpriseId);
        props.put("source", source(body.source(), body.candidate() != null ? "重点招商对象清单" : "其他"));
        props.put("owner", owner);
        props.put("chainLeader", trim(body.chainLeader()));
        props.put("title", blank(body.title()) ? props.get("enterpriseName") + " 项目" : body.title().strip());
        String id = insert(props, segments, project(body.project(), new HashMap<>()), user.username(), date, Map.of(), "");
        return answer(id, user);
    }

    /** A lead from a 台账 row (validated by the caller): created by the importing user, moved to its stated stage on its date. */
    String createFromLedger(UserAccount user, String enterpriseName, String code, String chain, List<String> segments, String source,
                            String owner, String chainLeader, String title, String stage, LocalDate stageDate, Map<String, Object> figures) {
        Map<String, Object> found = enterprise(new EnterpriseRef(null, enterpriseName, code));
        LocalDate today = LeadStore.today();
        LocalDate created = stageDate != null && stageDate.isBefore(today) ? stageDate : today;
        Map<String, Object> props = new HashMap<>();
        props.put("chain", chain);
        props.put("enterpriseId", found == null ? null : found.get("id"));
        props.put("enterpriseName", found == null ? enterpriseName : found.get("name"));
        props.put("creditCode", found == null ? code : found.get("id"));
        props.put("origin", "ledger");
        props.put("sample", false);
        props.put("source", source);
        props.put("owner", owner);
        props.put("chainLeader", chainLeader);
        props.put("title", title == null ? props.get("enterpriseName") + " 项目" : title);
        String id = insert(props, segments, project(figures, new HashMap<>()), user.username(), created, mapOf("reason", "台账导入"), " (台账)");
        if (stage != null && !stage.equals(Stages.LEAD)) {
            event(id, "move", Stages.LEAD, stage, stageDate, user.username(), mapOf("reason", "台账导入"), stage, stageDate);
        }
        store.stamp(List.of(id));
        return id;
    }

    /**
     * The one insert path of a lead written by a person (the form and the 台账): numbers it, writes it with its project,
     * appends its create event on {@code created} and audits it (the caller stamps it after any further event).
     */
    private String insert(Map<String, Object> props, List<String> segments, Map<String, Object> project, String by, LocalDate created,
                          Map<String, Object> createExtra, String auditSuffix) {
        props.put("createdBy", by);
        props.put("createdOn", created);
        props.put("stage", Stages.LEAD);
        props.put("stageDate", created);
        String id = "L-" + String.format("%05d", client.query("""
                MERGE (c:LeadCounter {id: 'lead'}) ON CREATE SET c.next = 0
                SET c.next = c.next + 1
                RETURN c.next AS n""").fetchAs(Long.class).one().orElseThrow());
        props.put("id", id);
        project.put("id", id + "-P");
        project.put("lead", id);
        write(props, segments, project);
        event(id, "create", null, Stages.LEAD, created, by, createExtra, Stages.LEAD, created);
        audit.record("lead.create", List.of("Lead:" + id, "Chain:" + props.get("chain")), null, summary(props, segments) + auditSuffix);
        return id;
    }

    /** The one answer of every write of a lead: its derived values stamped, then its detail as the user may see it. */
    private Lead answer(String id, UserAccount user) {
        store.stamp(List.of(id));
        return pipeline.detail(store.one(id), user);
    }

    /** Stores the derived values of every lead ({@link LeadStore#stamp}). */
    void stampAll() {
        store.stampLoaded(store.all(null));
    }

    /** Writes a lead (props), its segments, chain, enterprise link and project; used by people's writes, the 台账 and the sample. */
    void write(Map<String, Object> props, List<String> segments, Map<String, Object> project) {
        client.query("""
                        CREATE (l:Lead) SET l = $props
                        WITH l
                        CALL (l) { UNWIND range(0, size($segments) - 1) AS i MATCH (s:Segment {id: $segments[i]}) CREATE (l)-[:TARGETS {order: i}]->(s) }
                        CALL (l) { MATCH (c:Chain {name: l.chain}) CREATE (l)-[:IN_CHAIN]->(c) }
                        CALL (l) { MATCH (e:Enterprise {id: l.enterpriseId}) CREATE (l)-[:CONCERNS]->(e) }
                        CREATE (p:Project) SET p = $project, p.sample = l.sample
                        CREATE (l)-[:HAS_PROJECT]->(p)""")
                .bindAll(Map.of("props", props, "segments", segments, "project", project)).run();
    }

    @Transactional
    Lead move(String id, StageRequest body) {
        UserAccount user = CurrentUser.require();
        LeadStore.Loaded l = editable(id, user);
        if (body == null) {
            throw new BadRequestException("stage", "stage is required");
        }
        String to = Stages.parse(body.stage(), "stage");
        String from = l.stage();
        String problem = Stages.moveProblem(from, to);
        if (problem != null) {
            throw new BadRequestException("stage", "Lead " + id + " is at " + from + ": " + problem);
        }
        if (to.equals(Stages.TERMINATED) && blank(body.reason())) {
            throw new BadRequestException("reason", "终止 needs a reason (why the lead ended)");
        }
        LocalDate date = date(body.date(), "date", LeadStore.today());
        if (l.stageDate() != null && date.isBefore(l.stageDate())) {
            throw new BadRequestException("date", "date " + date + " is before the lead entered " + from + " on " + l.stageDate());
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("reason", trim(body.reason()));
        event(id, to.equals(Stages.TERMINATED) ? "terminate" : "move", from, to, date, user.username(), extra, to, date);
        if (to.equals(Stages.PRODUCING)) {
            String town = l.project() == null ? null : (String) l.project().get("town");
            String dataset = production.produce(id, l.enterpriseId(), l.enterpriseName(), (String) l.props().get("creditCode"),
                    l.segmentIds(), town, l.sample());
            client.query("MATCH (l:Lead {id: $id}) SET l.producedDataset = $ds").bindAll(mapOf("id", id, "ds", dataset)).run();
        }
        audit.record("lead.stage", List.of("Lead:" + id), from, to + " " + date + (blank(body.reason()) ? "" : " 理由: " + body.reason().strip()));
        return answer(id, user);
    }

    @Transactional
    Lead correct(String id, StageRequest body) {
        UserAccount user = CurrentUser.require();
        LeadStore.Loaded l = editable(id, user);
        if (body == null) {
            throw new BadRequestException("stage", "stage is required");
        }
        String to = Stages.parse(body.stage(), "stage");
        String problem = Stages.correctionProblem(l.path(), to);
        if (problem != null) {
            throw new BadRequestException("stage", "Lead " + id + " is at " + l.stage() + ": " + problem);
        }
        if (blank(body.reason())) {
            throw new BadRequestException("reason", "a correction needs a reason (what was wrong)");
        }
        LocalDate date = date(body.date(), "date", LeadStore.today());
        List<Stages.Step> after = new ArrayList<>(l.path());
        int at = -1;
        for (int i = after.size() - 1; i >= 0 && at < 0; i--) {
            if (after.get(i).stage().equals(to)) {
                at = i;
            }
        }
        Stages.Step back = after.get(at);
        event(id, "correct", l.stage(), to, date, user.username(), mapOf("reason", body.reason().strip()), to, back.date());
        audit.record("lead.correct", List.of("Lead:" + id), l.stage(), to + " (correction) 理由: " + body.reason().strip());
        return answer(id, user);
    }

    @Transactional
    Lead note(String id, NoteRequest body) {
        UserAccount user = CurrentUser.require();
        editable(id, user);
        if (body == null || blank(body.content())) {
            throw new BadRequestException("content", "a 跟进记录 needs its content");
        }
        if (body.content().length() > 4000) {
            throw new BadRequestException("content", "content must be at most 4000 characters");
        }
        LocalDate date = date(body.date(), "date", LeadStore.today());
        LocalDate next = blank(body.nextDate()) ? null : date(body.nextDate(), "nextDate", null);
        if (next != null && next.isBefore(date)) {
            throw new BadRequestException("nextDate", "nextDate " + next + " is before the note's date " + date);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("way", trim(body.way()));
        extra.put("content", body.content().strip());
        extra.put("nextStep", trim(body.nextStep()));
        extra.put("nextDate", next);
        event(id, "note", null, null, date, user.username(), extra, null, null);
        audit.record("lead.note", List.of("Lead:" + id), null, date + " " + cut(body.content().strip()));
        return answer(id, user);
    }

    @Transactional
    Lead patch(String id, LeadPatch body) {
        UserAccount user = CurrentUser.require();
        LeadStore.Loaded l = visible(id, user);
        if (body == null) {
            throw new BadRequestException("body", "nothing to change");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (!blank(body.owner()) && !body.owner().strip().equals(l.owner())) {
            scopes.requireReassignLead(user, id);
            String owner = body.owner().strip();
            requireOwner(owner);
            client.query("MATCH (l:Lead {id: $id}) SET l.owner = $owner").bindAll(mapOf("id", id, "owner", owner)).run();
            event(id, "reassign", l.owner(), owner, LeadStore.today(), user.username(), mapOf("before", l.owner(), "after", owner), null, null);
            audit.record("lead.reassign", List.of("Lead:" + id), l.owner(), owner);
        }
        boolean edits = body.chainLeader() != null || body.source() != null || body.title() != null || body.segments() != null
                || body.project() != null && !body.project().isEmpty();
        if (!edits) {
            return answer(id, user);
        }
        scopes.requireEditLead(user, id, l.owner());
        Map<String, Object> set = new HashMap<>();
        if (body.chainLeader() != null) {
            set.put("chainLeader", trim(body.chainLeader()));
        }
        if (body.source() != null) {
            set.put("source", source(body.source(), null));
        }
        if (body.title() != null) {
            if (blank(body.title())) {
                throw new BadRequestException("title", "title must not be empty");
            }
            set.put("title", body.title().strip());
        }
        set.forEach((k, v) -> {
            before.put(k, l.props().get(k));
            after.put(k, v);
        });
        List<String> segments = body.segments() == null ? null : segments(l.chain(), body.segments());
        if (segments != null) {
            before.put("segments", l.segmentIds());
            after.put("segments", segments);
        }
        Map<String, Object> figures = body.project() == null ? Map.of() : project(body.project(), new HashMap<>());
        figures.forEach((k, v) -> {
            before.put("project." + k, l.project() == null ? null : l.project().get(k));
            after.put("project." + k, v);
        });
        if (body.project() != null) {
            // a field sent as null clears it
            body.project().forEach((k, v) -> {
                if (v == null) {
                    before.put("project." + k, l.project() == null ? null : l.project().get(k));
                    after.put("project." + k, null);
                }
            });
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("set", set);
        p.put("segments", segments);
        p.put("figures", figures);
        Map<String, Object> clear = new HashMap<>();
        if (body.project() != null) {
            body.project().forEach((k, v) -> {
                if (v == null) {
                    clear.put(k, null);
                }
            });
        }
        p.put("clear", clear);
        client.query("""
                MATCH (l:Lead {id: $id})-[:HAS_PROJECT]->(p:Project)
                SET l += $set, p += $figures, p += $clear
                WITH l, p
                CALL (l) {
                  WITH l WHERE $segments IS NOT NULL
                  MATCH (l)-[r:TARGETS]->(:Segment) DELETE r
                }
                CALL (l) {
                  WITH l WHERE $segments IS NOT NULL
                  UNWIND range(0, size($segments) - 1) AS i
                  MATCH (s:Segment {id: $segments[i]}) CREATE (l)-[:TARGETS {order: i}]->(s)
                }""").bindAll(p).run();
        event(id, "edit", null, null, LeadStore.today(), user.username(), mapOf("before", text(before), "after", text(after)), null, null);
        audit.record("lead.edit", List.of("Lead:" + id), text(before), text(after));
        return answer(id, user);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /** Appends an event (next sequence number) and, for stage events, sets the lead's current stage and date. */
    void event(String id, String kind, String from, String to, LocalDate date, String by, Map<String, Object> extra, String stage,
               LocalDate stageDate) {
        Map<String, Object> e = new HashMap<>(extra);
        e.values().removeIf(Objects::isNull);
        e.put("kind", kind);
        if (from != null) {
            e.put("from", from);
        }
        if (to != null) {
            e.put("to", to);
        }
        e.put("date", date);
        e.put("by", by);
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("event", e);
        p.put("stage", stage);
        p.put("stageDate", stageDate);
        client.query("""
                MATCH (l:Lead {id: $id})
                SET l.nextSeq = coalesce(l.nextSeq, 0) + 1
                WITH l
                CREATE (e:LeadEvent) SET e = $event, e.id = l.id + '/' + toString(l.nextSeq), e.seq = l.nextSeq, e.lead = l.id,
                                         e.at = datetime(), e.sample = l.sample
                CREATE (l)-[:HAS_EVENT]->(e)
                SET l.stage = coalesce($stage, l.stage), l.stageDate = coalesce($stageDate, l.stageDate)""").bindAll(p).run();
    }

    private LeadStore.Loaded visible(String id, UserAccount user) {
        scopes.requireSeeLeads(user);
        LeadStore.Loaded l = store.one(id);
        if (l == null) {
            throw new NotFoundException("No lead " + id + " 未找到该招商线索");
        }
        scopes.requireSeeLead(user, id, l.chain());
        return l;
    }

    private LeadStore.Loaded editable(String id, UserAccount user) {
        LeadStore.Loaded l = visible(id, user);
        scopes.requireEditLead(user, id, l.owner());
        return l;
    }

    private void requireOwner(String owner) {
        List<String> roles = client.query("MATCH (u:User {username: $u}) RETURN coalesce(u.roles, []) AS roles")
                .bind(owner).to("u").fetchAs(List.class).mappedBy((t, r) -> r.get("roles").asList(v -> v.asString())).one()
                .orElseThrow(() -> new BadRequestException("owner", "no user named " + owner));
        if (!roles.contains("INVESTMENT") && !roles.contains("COORDINATOR")) {
            throw new BadRequestException("owner", owner + " cannot own leads: owners are 招商 staff (INVESTMENT) or the coordinator");
        }
    }

    /** Segment ids or names of the chain, in order, distinct; at least one. */
    List<String> segments(String chain, List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new BadRequestException("segments", "segments is required: one or more segments of " + chain + " the lead would fill");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String s = given.get(i);
            String field = "segments[" + i + "]";
            if (blank(s)) {
                throw new BadRequestException(field, "segment " + (i + 1) + " is empty");
            }
            out.add(client.query("""
                            MATCH (s:Segment)-[:PART_OF]->(:Chain {name: $chain})
                            WHERE s.id = $s OR s.name = $s OR $s IN coalesce(s.aliases, [])
                            RETURN s.id AS id ORDER BY id LIMIT 1""")
                    .bindAll(mapOf("chain", chain, "s", s.strip())).fetchAs(String.class).one()
                    .orElseThrow(() -> new BadRequestException(field, "no segment '" + s + "' in chain " + chain)));
        }
        return new ArrayList<>(out);
    }

    /** An existing enterprise by id, or matched by credit code or name/alias; null for a new one (code checked). */
    Map<String, Object> enterprise(EnterpriseRef e) {
        if (!blank(e.id())) {
            return client.query("MATCH (x:Enterprise {id: $id}) RETURN x.id AS id, x.name AS name").bind(e.id().strip()).to("id")
                    .fetch().one().orElseThrow(() -> new BadRequestException("enterprise.id", "no enterprise with id " + e.id()));
        }
        String code = creditCode(e.creditCode());
        return client.query("""
                        OPTIONAL MATCH (byCode:Enterprise {id: $code})
                        OPTIONAL MATCH (byName:Enterprise) WHERE byCode IS NULL AND (byName.name = $name OR $name IN coalesce(byName.aliases, []))
                        WITH coalesce(byCode, byName) AS x WHERE x IS NOT NULL
                        RETURN x.id AS id, x.name AS name ORDER BY id LIMIT 1""")
                .bindAll(mapOf("code", code, "name", e.name().strip())).fetch().one().orElse(null);
    }

    /** A 统一社会信用代码 checked per GB 32100 (null when blank). */
    static String creditCode(String code) {
        if (blank(code)) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        List<String> problems = CreditCode.problems(c);
        if (!problems.isEmpty()) {
            throw new BadRequestException("enterprise.creditCode", "统一社会信用代码 " + code + ": " + String.join("; ", problems));
        }
        return c;
    }

    static String source(String given, String fallback) {
        if (blank(given)) {
            if (fallback == null) {
                throw new BadRequestException("source", "source must be one of " + SOURCES);
            }
            return fallback;
        }
        if (!SOURCES.contains(given.strip())) {
            throw new BadRequestException("source", "unknown source '" + given + "': one of " + SOURCES);
        }
        return given.strip();
    }

    /** Validated project figures of a request (unknown fields, wrong types and negative numbers refused, field named). */
    Map<String, Object> project(Map<String, Object> given, Map<String, Object> out) {
        if (given == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            String field = "project." + k;
            if (k.equals("actualStart") || k.equals("actualProduction")) {
                throw new BadRequestException(field, k + " is the date of the move to " + (k.equals("actualStart") ? "开工" : "投产")
                        + " (POST /api/leads/{id}/moves), not a figure");
            }
            if (!known().contains(k)) {
                throw new BadRequestException(field, "unknown project field '" + k + "'; known: " + new java.util.TreeSet<>(known()));
            }
            if (v == null) {
                continue;
            }
            if (NUMBER_FIELDS.contains(k)) {
                double d;
                if (v instanceof Number n) {
                    d = n.doubleValue();
                } else {
                    try {
                        d = Double.parseDouble(String.valueOf(v).strip());
                    } catch (NumberFormatException x) {
                        throw new BadRequestException(field, k + " must be a number, not '" + v + "'");
                    }
                }
                if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new BadRequestException(field, k + " must be zero or more");
                }
                out.put(k, d);
            } else if (FLAG_FIELDS.contains(k)) {
                if (!(v instanceof Boolean b)) {
                    throw new BadRequestException(field, k + " must be true or false");
                }
                out.put(k, b);
            } else if (DATE_FIELDS.contains(k)) {
                out.put(k, date(String.valueOf(v), field, null));
            } else if (k.equals("town")) {
                String t = String.valueOf(v).strip();
                out.put(k, client.query("MATCH (t:Town) WHERE t.name = $t OR $t IN coalesce(t.aliases, []) RETURN t.name")
                        .bind(t).to("t").fetchAs(String.class).first()
                        .orElseThrow(() -> new BadRequestException(field, "no town '" + t + "' (GET /api/towns)")));
            } else if (TEXT_FIELDS.contains(k)) {
                out.put(k, String.valueOf(v).strip());
            } else {
                throw new BadRequestException(field, "unknown project field '" + k + "'; known: " + new java.util.TreeSet<>(known()));
            }
        }
        return out;
    }

    static Set<String> known() {
        Set<String> all = new java.util.HashSet<>(NUMBER_FIELDS);
        all.addAll(FLAG_FIELDS);
        all.addAll(DATE_FIELDS);
        all.addAll(TEXT_FIELDS);
        return all;
    }

    /** A date (2026-03-01); blank gives {@code fallback} (400 when that is null); never after today. */
    static LocalDate date(String value, String field, LocalDate fallback) {
        if (blank(value)) {
            if (fallback == null) {
                throw new BadRequestException(field, field + " is required (a date such as 2026-03-01)");
            }
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be a date such as 2026-03-01, not '" + value + "'");
        }
        if (!field.startsWith("project.") && !field.equals("nextDate") && d.isAfter(LeadStore.today())) {
            throw new BadRequestException(field, field + " " + d + " is in the future: moves and notes record what happened");
        }
        return d;
    }

    private static String summary(Map<String, Object> props, List<String> segments) {
        return props.get("title") + " | " + props.get("chain") + " " + segments + " | " + props.get("enterpriseName")
                + " | owner " + props.get("owner") + " | source " + props.get("source") + " | origin " + props.get("origin");
    }

    private static String text(Map<String, Object> m) {
        return m.toString();
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
