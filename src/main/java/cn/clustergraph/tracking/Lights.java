package cn.clustergraph.tracking;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The one rule for 序时进度 and traffic lights (docs/tracking.md): an indicator's expected value for a period by its kind,
 * a task's schedule by its quarter, and green / yellow / red / grey with the reason in words. Every view (tracking board,
 * scorecards, bulletin, UI, the stored light of reports) asks this class; thresholds are settings.
 */
@Component
public class Lights {

    /** A light's colour; GREY = nothing to judge yet (not due, or no target for the year). */
    public enum Colour {
        GREEN("绿灯", "green"), YELLOW("黄灯", "yellow"), RED("红灯", "red"), GREY("灰色", "grey");

        private final String zh;
        private final String en;

        Colour(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** Task statuses a 季度进展 may carry, as the office writes them. */
    public static final java.util.List<String> STATUSES = java.util.List.of("未启动", "按序推进", "已完成", "滞后", "受阻");

    /**
     * The year target a period is measured against: {@code basis} is {@code stated} (the document's figure),
     * {@code interpolated} (linear between two stated years: 2024, 2026), {@code carried} (after the last stated year,
     * the last stated figure) or {@code extrapolated} (the year before the first stated year, for a cumulative count's
     * starting point).
     */
    public record YearTarget(int year, double value, String basis) {
    }

    /** 序时进度 of a period: the expected value, the year target behind it and the arithmetic in words. */
    public record Expected(Double value, YearTarget target, Double start, String formula) {
    }

    /** A light with its reason (Chinese and English), the expected and actual figures and how far behind (points). */
    public record Light(Colour colour, String reason, String reasonEn, Double expected, Double actual, Double behindPoints) {
    }

    private final TrackingProperties props;

    public Lights(TrackingProperties props) {
        this.props = props;
    }

    public double yellowPoints() {
        return props.yellowPoints();
    }

    public double redPoints() {
        return props.redPoints();
    }

    /** The target of {@code year} from the stated year targets (null when none can be said). */
    public static YearTarget targetFor(NavigableMap<Integer, Double> stated, int year) {
        if (stated == null || stated.isEmpty()) {
            return null;
        }
        Double exact = stated.get(year);
        if (exact != null) {
            return new YearTarget(year, exact, "stated");
        }
        Map.Entry<Integer, Double> lo = stated.lowerEntry(year);
        Map.Entry<Integer, Double> hi = stated.higherEntry(year);
        if (lo != null && hi != null) {
            double v = lo.getValue() + (hi.getValue() - lo.getValue()) * (year - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
            return new YearTarget(year, round(v, 4), "interpolated");
        }
        if (lo != null) {
            return new YearTarget(year, lo.getValue(), "carried");
        }
        return null;
    }

    /** The starting point of a cumulative count in {@code year}: last year's target, or extrapolated backwards. */
    static YearTarget startFor(NavigableMap<Integer, Double> stated, int year) {
        YearTarget before = targetFor(stated, year - 1);
        if (before != null) {
            return before;
        }
        YearTarget now = targetFor(stated, year);
        Map.Entry<Integer, Double> hi = stated.higherEntry(year);
        if (now == null || hi == null) {
            return null;
        }
        double slope = (hi.getValue() - now.value()) / (hi.getKey() - year);
        return new YearTarget(year - 1, round(now.value() - slope, 4), "extrapolated");
    }

    /** 序时进度 of an indicator of {@code kind} in {@code period}; value null when no target applies. */
    public static Expected expected(IndicatorKind kind, NavigableMap<Integer, Double> stated, Period period) {
        if (kind == IndicatorKind.TEXT) {
            return new Expected(null, null, null, "文字目标，按报告判断");
        }
        YearTarget t = targetFor(stated, period.year());
        if (t == null) {
            return new Expected(null, null, null, period.year() + "年无可用目标值");
        }
        int q = period.quartersElapsed();
        return switch (kind) {
            case FLOW -> new Expected(round(t.value() * q / 4.0, 4), t, 0.0,
                    "年目标 " + fmt(t.value()) + basisZh(t) + " × " + q + "/4");
            case CUMULATIVE -> {
                YearTarget s = startFor(stated, period.year());
                if (s == null) {
                    yield new Expected(t.value(), t, null, "年末目标 " + fmt(t.value()) + basisZh(t) + "（无起点，按年末目标比较）");
                }
                double v = s.value() + (t.value() - s.value()) * q / 4.0;
                yield new Expected(round(v, 4), t, s.value(), "上年末 " + fmt(s.value()) + basisZh(s) + " + （年末目标 "
                        + fmt(t.value()) + basisZh(t) + " − " + fmt(s.value()) + "）× " + q + "/4");
            }
            case LEVEL -> new Expected(t.value(), t, null, "年目标 " + fmt(t.value()) + basisZh(t) + "（水平值直接比较）");
            case TEXT -> throw new IllegalStateException();
        };
    }

    /**
     * An indicator's light: numbers against 序时进度 (points behind = shortfall as a percentage of the expected value;
     * for lower-is-better comparators the excess), a text indicator by its reported status, a missing figure by the due date.
     */
    public Light indicator(IndicatorKind kind, String comparator, String unit, Expected expected, Double actual, String status,
                           boolean present, boolean pastDue, String dueDate) {
        String u = unit == null ? "" : unit;
        if (!present) {
            return pastDue
                    ? new Light(Colour.RED, "实绩逾期未报（应于 " + dueDate + " 前报送）", "figure missing after its due date " + dueDate,
                    expected.value(), null, null)
                    : new Light(Colour.GREY, "未到报送期限（" + dueDate + "）", "not due yet (" + dueDate + ")", expected.value(), null, null);
        }
        if (kind == IndicatorKind.TEXT || actual == null) {
            return byStatus(status, "文字目标：报告状态", "text target: reported status");
        }
        if (expected.value() == null) {
            return new Light(Colour.GREY, "实绩 " + fmt(actual) + u + "；" + expected.formula() + "，不评灯",
                    "actual " + fmt(actual) + " " + u + "; no target applies, no light", null, actual, null);
        }
        double e = expected.value();
        boolean lowerBetter = "<=".equals(comparator) || "<".equals(comparator);
        double behind;
        if (e == 0) {
            behind = lowerBetter ? (actual > 0 ? 100 : 0) : (actual < 0 ? 100 : 0);
        } else {
            behind = (lowerBetter ? actual - e : e - actual) / Math.abs(e) * 100;
        }
        behind = round(behind, 1);
        Colour c = colour(behind);
        String head = "序时进度 " + fmt(e) + u + "（" + expected.formula() + "），实绩 " + fmt(actual) + u;
        String tail = behind <= 0 ? "，达到或超过序时进度" : "，落后序时进度 " + fmt(behind) + " 个百分点";
        return new Light(c, head + tail + " → " + c.zh(),
                "expected " + fmt(e) + " " + u + ", actual " + fmt(actual) + " " + u
                        + (behind <= 0 ? ", at or ahead of schedule" : ", " + fmt(behind) + " points behind") + " → " + c.en(),
                e, actual, behind);
    }

    /**
     * A task's light for a quarter from its current 季度进展: 受阻 red; 已完成 green; otherwise percent done of the year's plan
     * against the schedule (quarters elapsed × 25%), 滞后 at least yellow; no report: red after the due date, grey before.
     */
    public Light task(Period period, String status, Double percent, boolean present, boolean pastDue, String dueDate) {
        if (!present) {
            return pastDue
                    ? new Light(Colour.RED, "季度进展逾期未报（应于 " + dueDate + " 前报送）", "report missing after its due date " + dueDate, null, null, null)
                    : new Light(Colour.GREY, "未到报送期限（" + dueDate + "）", "not due yet (" + dueDate + ")", null, null, null);
        }
        if ("受阻".equals(status)) {
            return new Light(Colour.RED, "报告状态为受阻", "reported as blocked (受阻)", null, percent, null);
        }
        if ("已完成".equals(status)) {
            return new Light(Colour.GREEN, "报告状态为已完成", "reported as done (已完成)", 100.0, percent, 0.0);
        }
        double schedule = period.quartersElapsed() * 25.0;
        double done = percent == null ? 0 : percent;
        double behind = round(schedule - done, 1);
        Colour c = colour(behind);
        if ("滞后".equals(status) && c == Colour.GREEN) {
            c = Colour.YELLOW;
        }
        String zh = "序时进度 " + fmt(schedule) + "%（" + period.quartersElapsed() + "/4 年度计划），完成 " + fmt(done) + "%"
                + (behind <= 0 ? "，达到或超过序时进度" : "，落后 " + fmt(behind) + " 个百分点") + ("滞后".equals(status) ? "，报告状态为滞后" : "")
                + " → " + c.zh();
        String en = "schedule " + fmt(schedule) + "%, done " + fmt(done) + "%" + (behind <= 0 ? ", on schedule" : ", " + fmt(behind)
                + " points behind") + ("滞后".equals(status) ? ", reported as late (滞后)" : "") + " → " + c.en();
        return new Light(c, zh, en, schedule, done, behind);
    }

    private Light byStatus(String status, String zh, String en) {
        Colour c = switch (status == null ? "" : status) {
            case "已完成", "按序推进" -> Colour.GREEN;
            case "受阻" -> Colour.RED;
            case "滞后", "未启动" -> Colour.YELLOW;
            default -> Colour.GREY;
        };
        return new Light(c, zh + " " + (status == null ? "（无）" : status) + " → " + c.zh(), en + " " + status + " → " + c.en(),
                null, null, null);
    }

    /** Green below the yellow threshold, yellow up to the red threshold, red beyond it. */
    public Colour colour(double behindPoints) {
        if (behindPoints < props.yellowPoints()) {
            return Colour.GREEN;
        }
        return behindPoints <= props.redPoints() ? Colour.YELLOW : Colour.RED;
    }

    private static String basisZh(YearTarget t) {
        return switch (t.basis()) {
            case "interpolated" -> "〔插值〕";
            case "carried" -> "〔沿用" + "上一目标〕";
            case "extrapolated" -> "〔外推〕";
            default -> "";
        };
    }

    static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number without trailing zeros (825, 33.5, 2.25). */
    public static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
