package cn.clustergraph.pipeline;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.gap.GapRule;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.pipeline.PipelineRecords.BigProjects;
import cn.clustergraph.pipeline.PipelineRecords.ChainPipeline;
import cn.clustergraph.pipeline.PipelineRecords.Fortune500;
import cn.clustergraph.pipeline.PipelineRecords.Funnel;
import cn.clustergraph.pipeline.PipelineRecords.Lead;
import cn.clustergraph.pipeline.PipelineRecords.LeadList;
import cn.clustergraph.pipeline.PipelineRecords.LeadRow;
import cn.clustergraph.pipeline.PipelineRecords.MatrixProjection;
import cn.clustergraph.pipeline.PipelineRecords.ProjectRow;
import cn.clustergraph.pipeline.PipelineRecords.Projection;
import cn.clustergraph.pipeline.PipelineRecords.QuarterInvestment;
import cn.clustergraph.pipeline.PipelineRecords.Summary;
import cn.clustergraph.rollup.RollupNames;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the 招商 pipeline answers: lead lists and boards, funnels (per chain, segment, owner), conversion, median days per
 * stage, stale leads, signed investment by quarter, the per-gap-segment projection "若已签约项目投产：缺链 → 弱链" (from
 * {@link GapRule}, never stored as a status), and the indicator actuals the tracking issue reads: {@link #bigProjects(int)}
 * (招大引强 per year against "10个以上", {@link BigProjectRule}) and {@link #fortune500(int)} (世界500强 brought in, 附件1 第3行).
 * Answers to people are limited to the leads they may see ({@link Scopes}); the two public counts cover every lead.
 */
@Service
public class PipelineService {

    private final LeadStore store;
    private final Scopes scopes;
    private final GapRule gapRule;
    private final DataNotices notices;
    private final ChainNames chains;
    private final Neo4jClient client;

    PipelineService(LeadStore store, Scopes scopes, GapRule gapRule, DataNotices notices, ChainNames chains, Neo4jClient client) {
        this.store = store;
        this.scopes = scopes;
        this.gapRule = gapRule;
        this.notices = notices;
        this.chains = chains;
        this.client = client;
    }

    // ---- the indicator actuals (for the tracking issue) ---------------------------------------------------------------

    /**
     * The 招大引强 count of {@code year}: projects signed that year (签约 date), not terminated since, meeting
     * {@link BigProjectRule}; with the projects behind the number and the target "10个以上".
     */
    public BigProjects bigProjects(int year) {
        return bigProjects(year, store.all(null));
    }

    /** 世界500强 enterprises brought in (signed, not terminated): in {@code year} and cumulatively up to it, with the projects. */
    public Fortune500 fortune500(int year) {
        return fortune500(year, store.all(null));
    }

    BigProjects bigProjects(int year, List<LeadStore.Loaded> leads) {
        List<ProjectRow> rows = leads.stream().filter(l -> broughtIn(l) && l.signedOn().getYear() == year)
                .map(this::projectRow).filter(ProjectRow::big).sorted(Comparator.comparing(ProjectRow::signedOn).thenComparing(ProjectRow::leadId)).toList();
        return new BigProjects(year, rows.size(), BigProjectRule.TARGET_PER_YEAR, rows.size() >= BigProjectRule.TARGET_PER_YEAR, rows,
                notices.of(rows.stream().anyMatch(ProjectRow::sample)));
    }

    Fortune500 fortune500(int year, List<LeadStore.Loaded> leads) {
        List<ProjectRow> upTo = leads.stream().filter(l -> broughtIn(l) && l.signedOn().getYear() <= year)
                .map(this::projectRow).filter(r -> r.verdict().fortune500().met())
                .sorted(Comparator.comparing(ProjectRow::signedOn).thenComparing(ProjectRow::leadId)).toList();
        // one enterprise counts once, at its first signing
        Map<String, ProjectRow> firstPerEnterprise = new LinkedHashMap<>();
        upTo.forEach(r -> firstPerEnterprise.putIfAbsent(r.enterpriseName(), r));
        List<ProjectRow> distinct = List.copyOf(firstPerEnterprise.values());
        int inYear = (int) distinct.stream().filter(r -> r.signedOn().getYear() == year).count();
        return new Fortune500(year, inYear, distinct.size(), distinct, notices.of(distinct.stream().anyMatch(ProjectRow::sample)));
    }

    /** Brought in: signed (or further), and not terminated since. */
    private static boolean broughtIn(LeadStore.Loaded l) {
        return l.signedOn() != null && !l.stage().equals(Stages.TERMINATED);
    }

    // ---- people's reads ---------------------------------------------------------------------------------------------

    /** Leads the user sees, filtered (each filter optional): chain (any name), segment (id or name), stage, owner, stale. */
    public LeadList leads(String chain, String segment, String stage, String owner, Boolean stale) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        String c = chain == null || chain.isBlank() ? null : chains.require(chain);
        String st = stage == null || stage.isBlank() ? null : Stages.parse(stage, "stage");
        LocalDate today = LeadStore.today();
        Predicate<LeadStore.Loaded> keep = l -> (c == null || l.chain().equals(c))
                && (segment == null || segment.isBlank() || l.segments().stream().anyMatch(s -> s.id().equals(segment.strip()) || s.name().equals(segment.strip())))
                && (st == null || l.stage().equals(st))
                && (owner == null || owner.isBlank() || owner.strip().equals(l.owner()))
                && (stale == null || l.stale(store.staleDays(), today) == stale);
        List<LeadRow> rows = visible(user).stream().filter(keep).map(this::row).toList();
        return new LeadList(rows.size(), store.staleDays(), rows, notices.of(rows.stream().anyMatch(LeadRow::sample)));
    }

    /** One lead with its events, if the user may see it. */
    public Lead lead(String id) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        LeadStore.Loaded l = store.one(id);
        if (l == null) {
            throw new NotFoundException("No lead " + id + " 未找到该招商线索");
        }
        scopes.requireSeeLead(user, id, l.chain());
        return detail(l, user);
    }

    /** Projects of signed leads (签约 or further, terminated ones too, with their stage), filtered by chain, signing year, 招大引强. */
    public List<ProjectRow> projects(String chain, Integer year, Boolean big) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        String c = chain == null || chain.isBlank() ? null : chains.require(chain);
        return visible(user).stream().filter(l -> l.signedOn() != null && (c == null || l.chain().equals(c))
                        && (year == null || l.signedOn().getYear() == year))
                .map(this::projectRow).filter(r -> big == null || r.big() == big)
                .sorted(Comparator.comparing(ProjectRow::signedOn).thenComparing(ProjectRow::leadId)).toList();
    }

    /** A chain's board: leads by stage, funnel, gap segments with their leads and projections. */
    public ChainPipeline chainPipeline(String name) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        String chain = chains.require(name);
        if (!scopes.canSeeLead(user, chain)) {
            scopes.requireSeeLead(user, "(" + chain + ")", chain);
        }
        List<LeadStore.Loaded> leads = store.all(List.of(chain));
        Map<String, List<LeadRow>> columns = new LinkedHashMap<>();
        Stages.ALL.forEach(s -> columns.put(s, new ArrayList<>()));
        leads.forEach(l -> columns.get(l.stage()).add(row(l)));
        return new ChainPipeline(chain, Stages.ALL, columns, funnel(chain, leads), projections(leads, chain),
                notices.of(leads.stream().anyMatch(LeadStore.Loaded::sample)));
    }

    /** The pipeline's summary for a year: funnels, signed investment by quarter, 招大引强, 世界500强, gap projections. */
    public Summary summary(Integer year) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        int y = year == null ? LeadStore.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new BadRequestException("year", "year must be between 2000 and 2100");
        }
        List<LeadStore.Loaded> leads = visible(user);
        List<Funnel> byChain = group(leads, LeadStore.Loaded::chain);
        List<Funnel> byOwner = group(leads, LeadStore.Loaded::owner);
        List<Projection> projections = projections(leads, null);
        return new Summary(y, store.staleDays(), funnel("all", leads), byChain, byOwner, quarters(leads, y), bigProjects(y, leads),
                fortune500(y, leads), projections, matrix(projections), notices.of(leads.stream().anyMatch(LeadStore.Loaded::sample)));
    }

    /** Funnels per segment of a chain (or every chain), for the board and the 台账's segment view. */
    public List<Funnel> bySegment(String chain) {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        String c = chain == null || chain.isBlank() ? null : chains.require(chain);
        Map<String, List<LeadStore.Loaded>> groups = new TreeMap<>();
        for (LeadStore.Loaded l : visible(user)) {
            if (c == null || l.chain().equals(c)) {
                l.segments().forEach(s -> groups.computeIfAbsent(s.id() + " " + s.name(), k -> new ArrayList<>()).add(l));
            }
        }
        return groups.entrySet().stream().map(e -> funnel(e.getKey(), e.getValue())).toList();
    }

    List<LeadStore.Loaded> visible(UserAccount user) {
        return store.all(scopes.leadChains(user));
    }

    // ---- computations ------------------------------------------------------------------------------------------------

    private List<Funnel> group(List<LeadStore.Loaded> leads, Function<LeadStore.Loaded, String> key) {
        Map<String, List<LeadStore.Loaded>> groups = new TreeMap<>();
        leads.forEach(l -> groups.computeIfAbsent(Objects.toString(key.apply(l), "-"), k -> new ArrayList<>()).add(l));
        return groups.entrySet().stream().map(e -> funnel(e.getKey(), e.getValue())).toList();
    }

    /** Current stage counts, how many reached each stage, conversion to the next, median completed days, stale. */
    Funnel funnel(String key, List<LeadStore.Loaded> leads) {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        Stages.ALL.forEach(s -> byStage.put(s, 0));
        int[] reached = new int[Stages.ORDER.size()];
        List<List<Long>> days = new ArrayList<>();
        Stages.ORDER.forEach(s -> days.add(new ArrayList<>()));
        LocalDate today = LeadStore.today();
        int stale = 0;
        for (LeadStore.Loaded l : leads) {
            byStage.merge(l.stage(), 1, Integer::sum);
            int furthest = Stages.furthest(l.path());
            for (int i = 0; i <= furthest; i++) {
                reached[i]++;
            }
            for (long[] d : Stages.daysPerStage(l.path())) {
                days.get((int) d[0]).add(d[1]);
            }
            stale += l.stale(store.staleDays(), today) ? 1 : 0;
        }
        Map<String, Integer> reachedMap = new LinkedHashMap<>();
        Map<String, Double> conversion = new LinkedHashMap<>();
        Map<String, Double> median = new LinkedHashMap<>();
        for (int i = 0; i < Stages.ORDER.size(); i++) {
            reachedMap.put(Stages.ORDER.get(i), reached[i]);
            if (i + 1 < Stages.ORDER.size()) {
                conversion.put(Stages.ORDER.get(i) + "→" + Stages.ORDER.get(i + 1),
                        reached[i] == 0 ? null : Math.round(1000.0 * reached[i + 1] / reached[i]) / 1000.0);
                median.put(Stages.ORDER.get(i), median(days.get(i)));
            }
        }
        return new Funnel(key, byStage, reachedMap, conversion, median, stale, leads.size());
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? (double) v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2.0;
    }

    /** Signed total investment per quarter, from the first year with a signing up to {@code year} (every signing counts). */
    private List<QuarterInvestment> quarters(List<LeadStore.Loaded> leads, int year) {
        TreeMap<String, double[]> q = new TreeMap<>();
        int first = leads.stream().map(LeadStore.Loaded::signedOn).filter(Objects::nonNull).mapToInt(LocalDate::getYear).min().orElse(year);
        for (int y = Math.min(first, year); y <= year; y++) {
            for (int i = 1; i <= 4; i++) {
                q.put(y + "Q" + i, new double[2]);
            }
        }
        for (LeadStore.Loaded l : leads) {
            LocalDate s = l.signedOn();
            if (s != null && s.getYear() <= year) {
                double[] cell = q.get(s.getYear() + "Q" + ((s.getMonthValue() - 1) / 3 + 1));
                if (cell != null) {
                    cell[0]++;
                    cell[1] += store.investmentWan(l);
                }
            }
        }
        return q.entrySet().stream().map(e -> new QuarterInvestment(e.getKey(), (int) e.getValue()[0],
                Math.round(e.getValue()[1] * 100) / 100.0)).toList();
    }

    /**
     * For every gap segment (缺链 / 弱链) the leads work on: the leads, and the status it would have if its signed projects
     * (签约, 开工) produced — their enterprises not yet local added to the local count, their expected output (split evenly
     * over each lead's segments) to the local output; 规上 unchanged — through {@link GapRule#status}.
     */
    @SuppressWarnings("unchecked")
    List<Projection> projections(List<LeadStore.Loaded> leads, String chain) {
        Map<String, List<LeadStore.Loaded>> bySegment = new LinkedHashMap<>();
        leads.stream().filter(l -> !l.stage().equals(Stages.TERMINATED))
                .forEach(l -> l.segmentIds().forEach(s -> bySegment.computeIfAbsent(s, k -> new ArrayList<>()).add(l)));
        if (bySegment.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("ids", List.copyOf(bySegment.keySet()));
        p.put("local", RollupNames.LOCAL);
        p.put("scale", RollupNames.SCALE);
        p.put("output", RollupNames.OUTPUT);
        p.put("status", RollupNames.GAP_STATUS);
        List<Projection> out = new ArrayList<>();
        for (Map<String, Object> s : client.query("""
                        UNWIND $ids AS id
                        MATCH (s:Segment {id: id})
                        WHERE s[$status] IN ['缺链', '弱链']
                        RETURN s.id AS id, s.name AS name, s.chain AS chain, s.stage AS stage, s[$status] AS status,
                               coalesce(s[$local], 0) AS local, coalesce(s[$scale], 0) AS scale, coalesce(s[$output], 0.0) AS output,
                               [(e:Enterprise {local: true})-[:IN_SEGMENT]->(s) | e.id] AS localIds
                        ORDER BY chain, stage, id""").bindAll(p).fetch().all()) {
            String id = (String) s.get("id");
            List<LeadStore.Loaded> ls = bySegment.get(id);
            Set<String> localIds = new java.util.HashSet<>((List<String>) s.get("localIds"));
            List<LeadStore.Loaded> signed = ls.stream().filter(l -> l.stage().equals(Stages.SIGNED) || l.stage().equals(Stages.STARTED)).toList();
            Set<String> newEnterprises = new LinkedHashSet<>();
            double addOutput = 0;
            for (LeadStore.Loaded l : signed) {
                String key = l.enterpriseId() != null ? l.enterpriseId() : "name:" + l.enterpriseName();
                if (!localIds.contains(key)) {
                    newEnterprises.add(key);
                }
                Double expected = l.figure("expectedOutput");
                addOutput += expected == null ? 0 : expected / l.segmentIds().size();
            }
            long local = ((Number) s.get("local")).longValue();
            long scale = ((Number) s.get("scale")).longValue();
            double output = ((Number) s.get("output")).doubleValue();
            String status = (String) s.get("status");
            String projected = signed.isEmpty() ? status : gapRule.status(local + newEnterprises.size(), scale, output + addOutput);
            String label = projected.equals(status) ? null : "若已签约项目投产：" + status + " → " + projected + " (if signed projects produce)";
            out.add(new Projection((String) s.get("chain"), id, (String) s.get("name"), (String) s.get("stage"), status, projected,
                    ls.size(), signed.size(), signed.stream().map(LeadStore.Loaded::id).toList(), label));
        }
        return out;
    }

    /** The city matrix cells whose worst status would change if the signed projects produced. */
    private List<MatrixProjection> matrix(List<Projection> projections) {
        Map<String, String> projected = new HashMap<>();
        projections.forEach(p -> projected.put(p.segmentId(), p.projected()));
        Map<String, String[]> cells = new TreeMap<>();
        for (Map<String, Object> s : client.query("MATCH (s:Segment) WHERE s[$status] IS NOT NULL RETURN s.id AS id, s.chain AS chain, s.stage AS stage, s[$status] AS status")
                .bind(RollupNames.GAP_STATUS).to("status").fetch().all()) {
            String key = s.get("chain") + "\u0000" + s.get("stage");
            String now = (String) s.get("status");
            String then = projected.getOrDefault((String) s.get("id"), now);
            String[] cell = cells.computeIfAbsent(key, k -> new String[]{GapRule.PRESENT, GapRule.PRESENT});
            cell[0] = worse(cell[0], now);
            cell[1] = worse(cell[1], then);
        }
        List<MatrixProjection> out = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (!v[0].equals(v[1])) {
                String[] cs = k.split("\u0000");
                out.add(new MatrixProjection(cs[0], cs[1], v[0], v[1], "若已签约项目投产：" + v[0] + " → " + v[1] + " (if signed projects produce)"));
            }
        });
        return out;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of(GapRule.MISSING, GapRule.WEAK, GapRule.PRESENT);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    // ---- mapping ---------------------------------------------------------------------------------------------------

    Lead detail(LeadStore.Loaded l, UserAccount user) {
        Map<String, Object> p = l.props();
        return new Lead(l.id(), (String) p.get("title"), l.chain(), l.segments(), l.enterpriseId(), l.enterpriseName(),
                (String) p.get("creditCode"), l.enterprise() == null ? null : (Boolean) l.enterprise().get("local"), (String) p.get("source"),
                l.owner(), (String) p.get("chainLeader"), (String) p.get("origin"), LeadStore.signal(p), l.stage(), l.stageDate(),
                l.signedOn(), l.producedOn(), l.lastFollowUp(), l.stale(store.staleDays(), LeadStore.today()), l.sample(),
                (String) p.get("createdBy"), (LocalDate) p.get("createdOn"), user != null && scopes.canEditLead(user, l.owner()),
                store.project(l), l.path(), l.events(), notices.of(l.sample()));
    }

    LeadRow row(LeadStore.Loaded l) {
        return new LeadRow(l.id(), (String) l.props().get("title"), l.chain(), l.segmentIds(),
                l.segments().stream().map(PipelineRecords.SegmentRef::name).toList(), l.enterpriseId(), l.enterpriseName(),
                (String) l.props().get("source"), l.owner(), l.stage(), l.stageDate(), l.lastFollowUp(),
                l.stale(store.staleDays(), LeadStore.today()), l.figure("totalInvestment"), store.verdict(l).big(), l.sample());
    }

    ProjectRow projectRow(LeadStore.Loaded l) {
        BigProjectRule.Verdict v = store.verdict(l);
        return new ProjectRow(l.id(), l.id() + "-P", (String) (l.project() == null ? null : l.project().get("name")), l.enterpriseName(),
                l.chain(), l.stage(), l.signedOn(), l.producedOn(), l.figure("totalInvestment"), l.figure("totalInvestmentUsd"),
                Boolean.TRUE.equals(l.flag("foreign")) || l.figure("totalInvestmentUsd") != null, v.big(), v, l.sample());
    }
}
