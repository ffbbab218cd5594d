package cn.clustergraph.pipeline;

/**
 * The one definition of a 招大引强 project (正文 二(二)4: "每年引进世界500强、总投资超亿美元以及备案投资额10亿元以上等招大引强项目10个以上"):
 * a project meets it when its enterprise is a 世界500强 (stated: no figure decides it), or it is a foreign-invested project
 * whose total investment is over 1亿美元 (10,000 万美元; from its 万美元 figure, or from its 万元 figure at the year's USD
 * rate), or its 备案投资额 — the total investment as filed (万元; from 万美元 at the year's rate) — is 10亿元 (100,000 万元)
 * or more. Where the figures decide a criterion they do, and a stated flag is ignored; where they do not, the stated flag
 * counts, marked {@code stated}. The pipeline's count, its report and the tracking issue's indicator actual read this rule.
 */
public final class BigProjectRule {

    /** 超亿美元: more than 10,000 万美元. */
    public static final double USD_THRESHOLD = 10_000;
    /** 10亿元以上: 100,000 万元 or more. */
    public static final double FILED_THRESHOLD = 100_000;
    /** "10个以上": the yearly target of 正文 二(二)4 (indicator G-BIGPROJ). */
    public static final int TARGET_PER_YEAR = 10;

    public static final String DERIVED = "derived";
    public static final String STATED = "stated";
    public static final String UNKNOWN = "unknown";

    private BigProjectRule() {
    }

    /** One criterion: met or not, on what basis ({@code derived} from figures, {@code stated}, {@code unknown}) and why. */
    public record Flag(boolean met, String basis, String why) {
    }

    /** The three criteria of a project. */
    public record Verdict(Flag fortune500, Flag over100mUsd, Flag filed1b) {
        public boolean big() {
            return fortune500.met() || over100mUsd.met() || filed1b.met();
        }
    }

    /** The figures the rule looks at (万元, 万美元) and the stated flags. */
    public record Inputs(Boolean foreign, Double totalInvestment, Double totalInvestmentUsd, Boolean fortune500,
                         Boolean over100mUsdStated, Boolean filed1bStated) {
    }

    /** The verdict at {@code cnyPerUsd} (the rate of the signing year; null when none is given). */
    public static Verdict judge(Inputs f, Double cnyPerUsd) {
        Flag f500 = f.fortune500() == null ? new Flag(false, UNKNOWN, "未填报是否世界500强")
                : new Flag(f.fortune500(), STATED, f.fortune500() ? "填报：世界500强企业" : "填报：非世界500强");
        boolean foreign = Boolean.TRUE.equals(f.foreign()) || f.totalInvestmentUsd() != null;
        Double usd = f.totalInvestmentUsd() != null ? f.totalInvestmentUsd()
                : f.totalInvestment() != null && cnyPerUsd != null ? f.totalInvestment() / cnyPerUsd : null;
        Flag overUsd;
        if (foreign && usd != null) {
            String how = f.totalInvestmentUsd() != null ? "总投资 " + num(usd) + " 万美元"
                    : "总投资 " + num(f.totalInvestment()) + " 万元 ÷ " + cnyPerUsd + " = " + num(usd) + " 万美元";
            overUsd = new Flag(usd > USD_THRESHOLD, DERIVED, how + (usd > USD_THRESHOLD ? "，超 1 亿美元" : "，未超 1 亿美元"));
        } else if (foreign && f.over100mUsdStated() != null) {
            overUsd = new Flag(f.over100mUsdStated(), STATED, "填报：总投资" + (f.over100mUsdStated() ? "超" : "未超") + "亿美元");
        } else {
            overUsd = new Flag(false, foreign ? UNKNOWN : DERIVED, foreign ? "外资项目未填总投资" : "内资项目（亿美元标准适用于外资项目）");
        }
        Double cny = f.totalInvestment() != null ? f.totalInvestment()
                : f.totalInvestmentUsd() != null && cnyPerUsd != null ? f.totalInvestmentUsd() * cnyPerUsd : null;
        Flag filed;
        if (cny != null) {
            String how = f.totalInvestment() != null ? "备案投资额 " + num(cny) + " 万元"
                    : "备案投资额 " + num(f.totalInvestmentUsd()) + " 万美元 × " + cnyPerUsd + " = " + num(cny) + " 万元";
            filed = new Flag(cny >= FILED_THRESHOLD, DERIVED, how + (cny >= FILED_THRESHOLD ? "，达 10 亿元" : "，不足 10 亿元"));
        } else if (f.filed1bStated() != null) {
            filed = new Flag(f.filed1bStated(), STATED, "填报：备案投资额" + (f.filed1bStated() ? "达" : "不足") + "10亿元");
        } else {
            filed = new Flag(false, UNKNOWN, "未填投资额");
        }
        return new Verdict(f500, overUsd, filed);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.2f", v);
    }
}
