package cn.clustergraph.tracking;

/**
 * How an indicator's figure accumulates over time, which decides its 序时进度 (our interpretation, kept as data in
 * {@code import/tracking/indicator_kinds.csv} and marked {@code trackingKindAssumed} on the indicator).
 */
public enum IndicatorKind {
    /** Summed over the year (产值, 增加值, 投资): a quarter's figure is the year to date, expected pro rata. */
    FLOW("流量（年内累计）", "flow summed over the year"),
    /** A running count since before the programme (累计…): expected between the year-end targets. */
    CUMULATIVE("累计数", "cumulative count"),
    /** A level or ratio (占比, 亩均, 劳动生产率, 增速): compared with the year's target directly. */
    LEVEL("水平/比率", "level or ratio"),
    /** A target in words (完成嘉兴下达任务): judged by the status reported. */
    TEXT("文字目标", "text target");

    private final String zh;
    private final String en;

    IndicatorKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** By name in any case; null when unknown. */
    public static IndicatorKind parse(String s) {
        if (s == null) {
            return null;
        }
        for (IndicatorKind k : values()) {
            if (k.name().equalsIgnoreCase(s.strip())) {
                return k;
            }
        }
        return null;
    }
}
