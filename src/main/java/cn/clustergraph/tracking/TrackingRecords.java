package cn.clustergraph.tracking;

import cn.clustergraph.web.DataNotice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the tracking API takes and answers: periods, 季度进展, reviews, 配合情况, 指标实绩 and the lights board. */
public final class TrackingRecords {

    private TrackingRecords() {
    }

    /** A period with its dates and the day its reports are due. */
    public record PeriodView(String id, int year, int quarter, String label, LocalDate start, LocalDate end, LocalDate due) {
    }

    /** A new version of a task's 季度进展 (lead department or coordinator). */
    public record ReportRequest(String period, String status, Double percent, String progress, String problems, String nextSteps,
                                List<Integer> milestonesMet, String note) {
    }

    /** The coordinator's decision on the current version: {@code accept} (采纳) or {@code return} (退回, comment required). */
    public record ReviewRequest(String decision, String comment) {
    }

    /** A co-owner department's 配合情况 (the coordinator names the department). */
    public record ContributionRequest(String text, String department) {
    }

    /** A reviewer's decision on one report version. */
    public record Review(String id, String reportId, String decision, String decisionZh, String comment, OffsetDateTime at, String by,
                         boolean sample) {
    }

    /** One version of a 季度进展; {@code current} false once superseded; {@code late} when recorded after the due day. */
    public record ReportVersion(String id, long task, String period, int version, boolean current, String status, Double percent,
                                String progress, String problems, String nextSteps, List<Integer> milestonesMet, String note,
                                OffsetDateTime recordedAt, String recordedBy, boolean late, Review review, boolean sample) {
    }

    /** One version of a co-owner's 配合情况. */
    public record Contribution(String id, long task, String period, String department, int version, boolean current, String text,
                               OffsetDateTime recordedAt, String recordedBy, boolean sample) {
    }

    /** A task's reports: every version newest first (optionally of one period), contributions, reviews, what I may do. */
    public record TaskReports(long task, String lead, List<String> coOwners, boolean canEdit, boolean canContribute, boolean canReview,
                              List<String> statuses, List<ReportVersion> reports, List<Contribution> contributions,
                              DataNotice dataNotice) {
    }

    /** A new version of an indicator's figure for a period (city when {@code town} is empty). */
    public record ActualRequest(String period, String town, Double value, String text, String status, String source, String note) {
    }

    /** One version of a figure; {@code source} 统计部门 / 部门上报 / 镇街道上报. */
    public record ActualVersion(String id, String indicator, String town, String period, int version, boolean current, Double value,
                                String text, String status, String source, String note, OffsetDateTime recordedAt, String recordedBy,
                                boolean sample) {
    }

    /** A figure computed from the register by a rule (e.g. honour counts), beside the reported ones. */
    public record ComputedActual(String indicator, String period, String town, Double value, String rule, String note, boolean assumed,
                                 boolean sample) {
    }

    /** An indicator's figures: every version newest first, the computed figures, and what I may write. */
    public record IndicatorActuals(String indicator, String name, String unit, String kind, String kindZh, boolean kindAssumed,
                                   String lead, boolean towns, boolean canEditCity, String canEditTown, List<String> sources,
                                   List<ActualVersion> actuals, List<ComputedActual> computed, List<SeriesPoint> series,
                                   DataNotice dataNotice) {
    }

    /** One quarter of an indicator's city series: target, 序时进度, actual and light (for the indicator page chart). */
    public record SeriesPoint(String period, Double target, String targetBasis, Double expected, Double actual, String light) {
    }

    /** A light: colour ({@code GREEN}, {@code YELLOW}, {@code RED}, {@code GREY}) with the reason in Chinese and English. */
    public record LightView(String colour, String colourZh, String reason, String reasonEn, Double expected, Double actual,
                            Double behindPoints) {
        static LightView of(Lights.Light l) {
            return new LightView(l.colour().name(), l.colour().zh(), l.reason(), l.reasonEn(), l.expected(), l.actual(), l.behindPoints());
        }
    }

    /** A task on the board: who leads it, its current report (as of the date asked), the review and the light. */
    public record TaskItem(long no, String name, String content, String measureId, String lead, List<String> coOwners,
                           ReportVersion report, LightView light) {
    }

    /** The year target behind a light: value, basis (stated / interpolated / carried / extrapolated), the document's words. */
    public record TargetView(int year, double value, String basis, String comparator, String qualifier) {
    }

    /** A town's row of an 附件3 indicator. */
    public record TownItem(String town, TargetView target, Double expected, ActualVersion actual, LightView light) {
    }

    /** An indicator on the board with its kind, target, 序时进度, figure and light (and its towns for 附件3). */
    public record IndicatorItem(String id, String name, String unit, String origin, String kind, String kindZh, boolean kindAssumed,
                                String kindNote, String lead, TargetView target, String targetText, Double expected, String formula,
                                ActualVersion actual, LightView light, List<TownItem> towns) {
    }

    /** Lights counted by colour. */
    public record Counts(int green, int yellow, int red, int grey) {
        static Counts of(List<LightView> lights) {
            int g = 0, y = 0, r = 0, n = 0;
            for (LightView l : lights) {
                switch (l.colour()) {
                    case "GREEN" -> g++;
                    case "YELLOW" -> y++;
                    case "RED" -> r++;
                    default -> n++;
                }
            }
            return new Counts(g, y, r, n);
        }
    }

    /** Thresholds the lights were computed with (settings). */
    public record Rule(int reportDueDays, double yellowPoints, double redPoints) {
    }

    /**
     * The tracking board of a period as of a moment: every task and indicator with its light and reason, counts by colour.
     */
    public record Board(String period, String periodLabel, OffsetDateTime asOf, LocalDate due, Rule rule, Counts taskCounts,
                        Counts indicatorCounts, Counts townCounts, List<TaskItem> tasks, List<IndicatorItem> indicators,
                        DataNotice dataNotice) {
    }

    /** Counts by colour of one quarter (the dashboard's trend). */
    public record TrendPoint(String period, Counts tasks, Counts indicators, Counts towns) {
    }

    public record Trend(List<TrendPoint> points, DataNotice dataNotice) {
    }
}
