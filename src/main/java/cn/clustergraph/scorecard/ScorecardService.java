package cn.clustergraph.scorecard;

import cn.clustergraph.tracking.AsOf;
import cn.clustergraph.tracking.Period;
import cn.clustergraph.tracking.TrackingRecords.Board;
import cn.clustergraph.tracking.TrackingRecords.IndicatorItem;
import cn.clustergraph.tracking.TrackingRecords.LightView;
import cn.clustergraph.tracking.TrackingRecords.TaskItem;
import cn.clustergraph.tracking.TrackingRecords.TownItem;
import cn.clustergraph.tracking.TrackingService;
import cn.clustergraph.web.DataNotice;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 考核评价: scorecards of towns (against their 附件3 targets) and departments (tasks led, indicators owned, reporting on
 * time) per quarter, from the tracking board's lights — the one formula (docs/tracking.md), weights as settings, every
 * item's points listed so they add up to the score, ranked with the change since the previous quarter.
 */
@Service
public class ScorecardService {

    private final TrackingService tracking;
    private final ScorecardProperties w;

    ScorecardService(TrackingService tracking, ScorecardProperties w) {
        this.tracking = tracking;
        this.w = w;
    }

    /** One scored item: its light, the credit the light earns, its weight and points (weight × credit). */
    public record ItemPoints(String id, String label, String light, double credit, double weight, double points) {
    }

    /** A part of a score: its weight (after redistribution), points (sum of its items' points) and items. */
    public record Part(String name, String nameZh, double weight, double points, List<ItemPoints> items) {
    }

    /** A row of the ranking; {@code change} = previous rank − rank (positive: moved up), null in the first quarter. */
    public record Row(int rank, String name, double score, Integer previousRank, Integer change, List<Part> parts) {
    }

    public record Scorecard(String kind, String period, String formula, ScorecardProperties weights, List<Row> rows,
                            DataNotice dataNotice) {
    }

    static final String TOWN_FORMULA = "镇（街道）得分 = Σ 各附件3指标得分；每项指标满分 = 100 ÷ 该镇当期可评指标数（有数值目标且非灰灯），"
            + "得分 = 满分 × 灯分值（绿 green-credit、黄 yellow-credit、红 red-credit）。";
    static final String DEPT_FORMULA = "部门得分 = 牵头任务得分 + 负责指标得分 + 按时报送得分；各部分权重 task-weight / indicator-weight / "
            + "on-time-weight，部门无某部分时其权重按比例分给其余部分（合计 100）；任务、指标每项满分 = 部分权重 ÷ 项数，得分 = 满分 × 灯分值；"
            + "按时报送每项 = 部分权重 ÷ 应报任务数，按期报送得满分，逾期或缺报 0 分。";

    public Scorecard towns(String period, String asOf) {
        Period p = Period.parse("period", period).asQuarter();
        ZonedDateTime before = AsOf.parse(asOf, tracking.dueDays());
        Board now = tracking.board(p, before, null);
        List<Row> rows = rank(townScores(now), p.previous() == null ? null : townScores(tracking.board(p.previous(), before, null)));
        return new Scorecard("towns", p.id(), TOWN_FORMULA, w, rows, now.dataNotice());
    }

    public Scorecard departments(String period, String asOf) {
        Period p = Period.parse("period", period).asQuarter();
        ZonedDateTime before = AsOf.parse(asOf, tracking.dueDays());
        Board now = tracking.board(p, before, null);
        List<Row> rows = rank(deptScores(now), p.previous() == null ? null : deptScores(tracking.board(p.previous(), before, null)));
        return new Scorecard("departments", p.id(), DEPT_FORMULA, w, rows, now.dataNotice());
    }

    private Map<String, List<Part>> townScores(Board b) {
        Map<String, List<ItemPoints>> byTown = new TreeMap<>();
        Map<String, List<String[]>> raw = new LinkedHashMap<>();
        for (IndicatorItem i : b.indicators()) {
            for (TownItem t : i.towns()) {
                raw.computeIfAbsent(t.town(), k -> new ArrayList<>());
                if (t.target() != null && !"GREY".equals(t.light().colour())) {
                    raw.get(t.town()).add(new String[]{i.id(), i.name(), t.light().colour()});
                }
            }
        }
        Map<String, List<Part>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> e : raw.entrySet()) {
            List<ItemPoints> items = items(e.getValue(), 100.0);
            byTown.put(e.getKey(), items);
            out.put(e.getKey(), List.of(part("town-indicators", "附件3指标", items.isEmpty() ? 0 : 100, items)));
        }
        return out;
    }

    private Map<String, List<Part>> deptScores(Board b) {
        Map<String, List<String[]>> tasks = new TreeMap<>();
        Map<String, List<String[]>> onTime = new TreeMap<>();
        Map<String, List<String[]>> inds = new TreeMap<>();
        for (TaskItem t : b.tasks()) {
            if (t.lead() == null) {
                continue;
            }
            if (!"GREY".equals(t.light().colour())) {
                tasks.computeIfAbsent(t.lead(), k -> new ArrayList<>()).add(new String[]{"任务" + t.no(), "任务" + t.no(), t.light().colour()});
                boolean ok = t.report() != null && !t.report().late();
                onTime.computeIfAbsent(t.lead(), k -> new ArrayList<>()).add(new String[]{"任务" + t.no(),
                        t.report() == null ? "缺报" : t.report().late() ? "逾期报送" : "按期报送", ok ? "GREEN" : "RED"});
            } else {
                tasks.computeIfAbsent(t.lead(), k -> new ArrayList<>());
            }
        }
        for (IndicatorItem i : b.indicators()) {
            if (i.lead() != null && !"GREY".equals(i.light().colour())) {
                inds.computeIfAbsent(i.lead(), k -> new ArrayList<>()).add(new String[]{i.id(), i.name(), i.light().colour()});
            }
        }
        java.util.Set<String> depts = new java.util.TreeSet<>();
        depts.addAll(tasks.keySet());
        depts.addAll(inds.keySet());
        Map<String, List<Part>> out = new LinkedHashMap<>();
        for (String d : depts) {
            List<String[]> t = tasks.getOrDefault(d, List.of());
            List<String[]> i = inds.getOrDefault(d, List.of());
            List<String[]> o = onTime.getOrDefault(d, List.of());
            double avail = (t.isEmpty() ? 0 : w.taskWeight()) + (i.isEmpty() ? 0 : w.indicatorWeight()) + (o.isEmpty() ? 0 : w.onTimeWeight());
            if (avail == 0) {
                out.put(d, List.of());
                continue;
            }
            double scale = 100.0 / avail;
            List<Part> parts = new ArrayList<>();
            if (!t.isEmpty()) {
                parts.add(part("tasks", "牵头任务", w.taskWeight() * scale, items(t, w.taskWeight() * scale)));
            }
            if (!i.isEmpty()) {
                parts.add(part("indicators", "负责指标", w.indicatorWeight() * scale, items(i, w.indicatorWeight() * scale)));
            }
            if (!o.isEmpty()) {
                parts.add(part("on-time", "按时报送", w.onTimeWeight() * scale, onTimeItems(o, w.onTimeWeight() * scale)));
            }
            out.put(d, parts);
        }
        return out;
    }

    private List<ItemPoints> items(List<String[]> lights, double total) {
        List<ItemPoints> out = new ArrayList<>();
        if (lights.isEmpty()) {
            return out;
        }
        double each = total / lights.size();
        for (String[] l : lights) {
            double credit = credit(l[2]);
            out.add(new ItemPoints(l[0], l[1], l[2], credit, round(each), round(each * credit)));
        }
        return out;
    }

    private List<ItemPoints> onTimeItems(List<String[]> rows, double total) {
        List<ItemPoints> out = new ArrayList<>();
        double each = total / rows.size();
        for (String[] r : rows) {
            double credit = "GREEN".equals(r[2]) ? 1 : 0;
            out.add(new ItemPoints(r[0], r[1], r[2], credit, round(each), round(each * credit)));
        }
        return out;
    }

    private double credit(String colour) {
        return switch (colour) {
            case "GREEN" -> w.greenCredit();
            case "YELLOW" -> w.yellowCredit();
            default -> w.redCredit();
        };
    }

    private static Part part(String name, String zh, double weight, List<ItemPoints> items) {
        double sum = 0;
        for (ItemPoints i : items) {
            sum += i.points();
        }
        return new Part(name, zh, round(weight), round(sum), items);
    }

    private static List<Row> rank(Map<String, List<Part>> now, Map<String, List<Part>> before) {
        Map<String, Integer> prevRanks = new LinkedHashMap<>();
        if (before != null) {
            List<Map.Entry<String, Double>> prev = scores(before);
            for (int i = 0; i < prev.size(); i++) {
                prevRanks.put(prev.get(i).getKey(), rankAt(prev, i));
            }
        }
        List<Map.Entry<String, Double>> cur = scores(now);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cur.size(); i++) {
            String name = cur.get(i).getKey();
            int rank = rankAt(cur, i);
            Integer prev = prevRanks.get(name);
            rows.add(new Row(rank, name, cur.get(i).getValue(), prev, prev == null ? null : prev - rank, now.get(name)));
        }
        return rows;
    }

    /** Competition ranking: equal scores share a rank (1, 2, 2, 4). */
    private static int rankAt(List<Map.Entry<String, Double>> sorted, int i) {
        int r = i;
        while (r > 0 && sorted.get(r - 1).getValue().equals(sorted.get(i).getValue())) {
            r--;
        }
        return r + 1;
    }

    private static List<Map.Entry<String, Double>> scores(Map<String, List<Part>> parts) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (Map.Entry<String, List<Part>> e : parts.entrySet()) {
            double s = 0;
            for (Part p : e.getValue()) {
                s += p.points();
            }
            out.add(Map.entry(e.getKey(), round(s)));
        }
        out.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        return out;
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
