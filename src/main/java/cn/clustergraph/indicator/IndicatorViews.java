package cn.clustergraph.indicator;

import java.util.List;

/** Read models of indicators, targets and towns. */
final class IndicatorViews {

    private IndicatorViews() {
    }

    /** A stated target value with its qualifier, original text and clause. */
    record TargetView(String id, long year, Double value, String comparator, String qualifier, String text, String period,
                      boolean primary, String town, String sourceId, String sourceRef, String quote) {
    }

    /** A responsible department; {@code lead} for the first listed. */
    record Owner(String name, boolean lead) {
    }

    /** A town's value of an 附件3 indicator; {@code value} is null where the cell is not a number ("-"). */
    record TownValue(String town, Double value, String text) {
    }

    /** Town breakdown of an 附件3 indicator with the city total and the sum of the towns. */
    record TownBreakdown(List<TownValue> towns, Double cityTotal, String cityText, Double townSum, boolean additive,
                         Boolean sumMatchesTotal) {
    }

    /** An indicator in the list. */
    record IndicatorSummary(String id, String origin, String no, String category, String name, String unit,
                            List<String> departments, List<TargetView> targets, boolean sample) {
    }

    /** One indicator with every target statement and, for 附件3 indicators, the town breakdown. */
    record IndicatorDetail(String id, String origin, String no, String category, String name, String unit, boolean additive,
                           List<Owner> departments, List<TargetView> targets, TownBreakdown towns, List<String> sameMeasureAs,
                           String sourceRef, String sourceText) {
    }

    /** A town with how many 2023 targets it has. */
    record TownSummary(String name, String fullName, String kind, List<String> aliases, int order, long targets) {
    }

    /** One of a town's 2023 targets. */
    record TownTarget(String indicatorId, String indicator, String unit, Double value, String text, String department) {
    }

    /** A town and its 2023 targets (附件3). */
    record TownDetail(String name, String fullName, String kind, List<String> aliases, List<TownTarget> targets) {
    }
}
