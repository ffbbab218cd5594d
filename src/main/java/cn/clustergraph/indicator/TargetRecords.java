package cn.clustergraph.indicator;

import cn.clustergraph.web.DataNotice;

import java.util.List;

/** What the target API returns. Money is in the indicator's unit (亿元 or 万元), counts in 家. */
public final class TargetRecords {

    private TargetRecords() {
    }

    /**
     * Progress of one target from the enterprises in the graph.
     *
     * @param rule         {@code sums-output-of} or {@code counts-honour}
     * @param scope        what the rule sums or counts: {@code Programme}, {@code Cluster}, {@code Chain} or {@code Honour}
     * @param assumed      the rule is our interpretation (target_rules.csv), not stated by the document
     * @param current      what the enterprises contribute now (each enterprise's latest reported year; honours held now)
     * @param asOfYear     latest figure year behind {@code current} (output rules)
     * @param forYear      the same measured for the target's own year (figures of that year; honours held by then), null
     *                     when the graph has no figures for that year
     * @param contributors enterprises counted
     * @param ratio        current / target value
     * @param met          current satisfies the target's comparator
     * @param sample       sample (fictional) enterprises contribute
     */
    public record Progress(String rule, String scope, String scopeName, Boolean assumed, Boolean scaleOnly, Long fromYear,
                           Double current, Long asOfYear, Double forYear, Long contributors, Double ratio, Boolean met, boolean sample) {
    }

    /** A target with its indicator, provenance flags and progress (null when no rule measures its indicator). */
    public record TargetItem(String id, String indicatorId, String indicatorName, String unit, String origin, Long year, String town,
                             Double value, String comparator, String qualifier, String period, Boolean primary, String text,
                             Boolean stated, boolean sample, String dataset, Progress progress) {
    }

    public record TargetDetail(TargetItem target, DataNotice dataNotice) {
    }

    /** One enterprise feeding a target. {@code contribution} in the indicator's unit; {@code share} of its output counted. */
    public record Contributor(long rank, String id, String name, String shortName, String town, boolean scale, Double output,
                              Long outputYear, Double share, Double contribution, List<String> via, Long honourYear,
                              Boolean countsForTargetYear, boolean sample) {
    }

    public record Contributors(TargetItem target, String unit, List<Contributor> items, int page, int size, long total, boolean hasNext,
                               DataNotice dataNotice) {
    }
}
