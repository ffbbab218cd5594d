package cn.clustergraph.tracking;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.audit.VersionedWrites;
import cn.clustergraph.indicator.IndicatorService;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.tracking.TrackingRecords.ActualRequest;
import cn.clustergraph.tracking.TrackingRecords.ActualVersion;
import cn.clustergraph.tracking.TrackingRecords.ComputedActual;
import cn.clustergraph.tracking.TrackingRecords.IndicatorActuals;
import cn.clustergraph.web.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 指标实绩: the figures of an indicator per period — the city figure by the owning department, each town's own figure for
 * the 附件3 indicators, either by the coordinator — each a new version (a correction supersedes, never overwrites), with
 * its source; computed figures ({@link ComputedActuals}) are shown beside them. Every write audited.
 */
@Service
public class IndicatorActualsService {

    /** Where a reported figure comes from. */
    public static final List<String> SOURCES = List.of("统计部门", "部门上报", "镇街道上报");
    /** Label of a city-wide figure in ids. */
    static final String CITY = "全市";

    private final Neo4jClient client;
    private final Scopes scopes;
    private final AuditService audit;
    private final IndicatorService indicators;
    private final DataNotices notices;
    private final ObjectProvider<ComputedActuals> computed;
    private final TrackingService tracking;
    private final VersionedWrites versioned;

    IndicatorActualsService(Neo4jClient client, Scopes scopes, AuditService audit, IndicatorService indicators, DataNotices notices,
                            ObjectProvider<ComputedActuals> computed, TrackingService tracking, VersionedWrites versioned) {
        this.versioned = versioned;
        this.client = client;
        this.scopes = scopes;
        this.audit = audit;
        this.indicators = indicators;
        this.notices = notices;
        this.computed = computed;
        this.tracking = tracking;
    }

    /** A figure as written (the sample loader writes past dates). */
    record Write(String indicator, String town, Period period, Double value, String text, String status, String source, String note,
                 ZonedDateTime at, String by, boolean sample) {
    }

    @Transactional(readOnly = true)
    public IndicatorActuals actuals(String id, String town, String period) {
        Scopes.IndicatorResponsibility ind = scopes.indicator(id);
        String t = town == null || town.isBlank() ? null : resolveTown(ind, town);
        Period p = period == null || period.isBlank() ? null : ProgressReports.quarter(Period.parse("period", period));
        List<ActualVersion> list = versions(id, p == null ? null : p.id()).stream()
                .filter(a -> t == null || t.equals(a.town())).toList();
        List<ComputedActual> comp = new ArrayList<>();
        List<Period> periods = p != null ? List.of(p) : List.of(new Period(Period.FIRST_YEAR, 4), new Period(2024, 4),
                new Period(2025, 4), new Period(2026, 4), new Period(Period.LAST_YEAR, 4));
        for (ComputedActuals source : computed.orderedStream().toList()) {
            for (Period q : periods) {
                comp.addAll(source.computed(id, q));
            }
        }
        UserAccount user = CurrentUser.get().orElse(null);
        TrackingService.IndicatorMeta meta = tracking.meta(id);
        boolean sample = list.stream().anyMatch(ActualVersion::sample) || comp.stream().anyMatch(ComputedActual::sample);
        return new IndicatorActuals(id, ind.name(), meta.unit(), meta.kind().name(), meta.kind().zh(), true, ind.lead(), ind.towns(),
                user != null && scopes.canWriteIndicator(user, ind, null),
                user != null && ind.towns() && user.has(Role.TOWN) && !Scopes.coordinator(user) ? user.town() : null,
                SOURCES, list, comp, tracking.series(id), notices.of(sample));
    }

    @Transactional
    public ActualVersion post(String id, ActualRequest body) {
        UserAccount user = CurrentUser.require();
        Scopes.IndicatorResponsibility ind = scopes.indicator(id);
        if (body == null) {
            throw new BadRequestException("period", "a figure needs period and value (or status for a text target)");
        }
        String town = body.town() == null || body.town().isBlank() ? null : resolveTown(ind, body.town());
        scopes.requireIndicator(user, ind, town);
        Write w = validate(id, town, body, ZonedDateTime.now(Period.ZONE), user.username(),
                user.has(Role.TOWN) && town != null ? "镇街道上报" : user.has(Role.DEPARTMENT) ? "部门上报" : null);
        ActualVersion before = versioned.current(item(id, town, w.period())).map(IndicatorActualsService::actual).orElse(null);
        String newId = write(w, before == null ? 0 : before.version());
        ActualVersion after = versions(id, w.period().id()).stream().filter(a -> a.id().equals(newId)).findFirst().orElseThrow();
        audit.record("actual.write", List.of("Indicator:" + id, "IndicatorActual:" + newId), before == null ? null : summary(before),
                summary(after));
        return after;
    }

    Write validate(String id, String town, ActualRequest body, ZonedDateTime at, String by, String defaultSource) {
        Period p = ProgressReports.quarter(Period.parse("period", body.period()));
        IndicatorKind kind = tracking.meta(id).kind();
        String status = body.status() == null || body.status().isBlank() ? null : body.status().strip();
        if (status != null && !Lights.STATUSES.contains(status)) {
            throw new BadRequestException("status", "status must be one of " + Lights.STATUSES + ", not '" + body.status() + "'");
        }
        if (kind == IndicatorKind.TEXT) {
            if (status == null) {
                throw new BadRequestException("status", id + " has a text target (" + kind.zh() + "): status is required, one of " + Lights.STATUSES);
            }
        } else if (body.value() == null) {
            throw new BadRequestException("value", "value is required: the figure of " + id + " for " + p.id()
                    + (kind == IndicatorKind.FLOW ? " (year to date, 1–" + p.quarter() * 3 + "月累计)" : ""));
        }
        if (body.value() != null && (body.value().isNaN() || body.value().isInfinite())) {
            throw new BadRequestException("value", "value must be a number");
        }
        String source = body.source() == null || body.source().isBlank() ? defaultSource : body.source().strip();
        if (source == null) {
            throw new BadRequestException("source", "source is required: one of " + SOURCES);
        }
        if (!SOURCES.contains(source)) {
            throw new BadRequestException("source", "source must be one of " + SOURCES + ", not '" + source + "'");
        }
        return new Write(id, town, p, body.value(), ProgressReports.text("text", body.text(), 1000), status, source,
                ProgressReports.text("note", body.note(), 1000), at, by, false);
    }

    String resolveTown(Scopes.IndicatorResponsibility ind, String town) {
        if (!ind.towns()) {
            throw new BadRequestException("town", ind.id() + " has no town breakdown (only the 附件3 indicators have); leave town empty");
        }
        return indicators.resolveTown(town).orElseThrow(() -> new BadRequestException("town", "no town named '" + town + "'"));
    }

    /** Writes one new version on top of whatever is current (the template import and the sample loader); returns its id. */
    String write(Write w) {
        return write(w, null);
    }

    /** Writes one new version on top of version {@code expected} (0: none; null: whatever is current); returns its id. */
    String write(Write w, Integer expected) {
        Map<String, Object> p = new HashMap<>();
        p.put("year", w.period().year());
        p.put("quarter", w.period().quarter());
        p.put("value", w.value());
        p.put("text", w.text());
        p.put("status", w.status());
        p.put("source", w.source());
        p.put("note", w.note());
        p.put("recordedAt", w.at());
        p.put("recordedBy", w.by());
        p.put("sample", w.sample());
        return versioned.supersede(item(w.indicator(), w.town(), w.period()), expected, p,
                        List.of(VersionedWrites.Link.to("FOR_INDICATOR", "Indicator", "id", w.indicator()),
                                VersionedWrites.Link.to("FOR_PERIOD", "Period", "id", w.period().id()),
                                VersionedWrites.Link.optional("IN_TOWN", "Town", "name", w.town())), null)
                .orElseThrow();
    }

    /** An indicator's figure of a period (city-wide when {@code town} is null), as a versioned item. */
    static VersionedWrites.Item item(String indicator, String town, Period period) {
        Map<String, Object> key = new HashMap<>();
        key.put("indicator", indicator);
        key.put("period", period.id());
        key.put("town", town);
        return new VersionedWrites.Item("IndicatorActual", key, indicator + "/" + (town == null ? CITY : town) + "/" + period.id());
    }

    List<ActualVersion> versions(String id, String period) {
        return client.query("""
                        MATCH (a:IndicatorActual {indicator: $id}) WHERE $period IS NULL OR a.period = $period
                        RETURN a {.*} AS a ORDER BY a.year DESC, a.quarter DESC, a.town, a.version DESC""")
                .bind(id).to("id").bind(period).to("period").fetch().all().stream()
                .map(r -> actual(ProgressReports.map(r.get("a")))).toList();
    }

    static ActualVersion actual(Map<String, Object> a) {
        if (a == null) {
            return null;
        }
        return new ActualVersion((String) a.get("id"), (String) a.get("indicator"), (String) a.get("town"), (String) a.get("period"),
                ((Number) a.get("version")).intValue(), Boolean.TRUE.equals(a.get("current")), ProgressReports.num(a.get("value")),
                (String) a.get("text"), (String) a.get("status"), (String) a.get("source"), (String) a.get("note"),
                AsOf.time(a.get("recordedAt")), (String) a.get("recordedBy"), Boolean.TRUE.equals(a.get("sample")));
    }

    private static String summary(ActualVersion a) {
        return a.period() + " " + (a.town() == null ? CITY : a.town()) + " v" + a.version() + ": "
                + (a.value() == null ? "" : Lights.fmt(a.value())) + (a.status() == null ? "" : " " + a.status()) + " (" + a.source() + ")";
    }
}
