package cn.clustergraph.enterprise;

import cn.clustergraph.web.DataNotice;

import java.util.List;

/** What the enterprise API returns. Output and revenue are in 万元 (register unit). */
public final class EnterpriseRecords {

    private EnterpriseRecords() {
    }

    /**
     * A row of the enterprise list, ranked by latest output (DESC), then id; {@code segmentNames} are the names of
     * {@code segments} (ids), in the same order, for lists that show names first.
     */
    public record EnterpriseItem(String id, String name, String shortName, List<String> aliases, boolean local, String town, String region,
                                 boolean scale, boolean chainLeader, Double output, Long outputYear, List<String> segments,
                                 List<String> segmentNames, List<String> chains, List<String> honours, List<String> platforms, boolean sample, String dataset) {
    }

    public record Figure(Long year, Double output, Double revenue) {
    }

    public record SegmentRef(String id, String name, String chain, String stage, boolean primary, Double share, boolean assumed) {
    }

    public record HonourRef(String name, String level, Long year) {
    }

    public record PlatformRef(String id, String name) {
    }

    public record SupplyLink(String id, String name, boolean local, String town, String region, String segment, String product,
                             Double output, boolean sample) {
    }

    /** Supply links on one side: how many, and the largest partners first. */
    public record SupplySide(long total, List<SupplyLink> top) {
    }

    public record EnterpriseDetail(String id, String creditCode, String name, List<String> aliases, boolean local, String town,
                                   String region, boolean scale, boolean chainLeader, Double output, Long outputYear, String unit,
                                   List<Figure> figures, List<SegmentRef> segments, List<HonourRef> honours, List<PlatformRef> platforms,
                                   SupplySide suppliers, SupplySide customers, boolean stated, boolean sample, String dataset,
                                   DataNotice dataNotice) {
    }

    /** One step of a path from the enterprise to a target's indicator. */
    public record PathStep(String kind, String id, String name, Boolean assumed, Long year) {
    }

    /** A path and the share of the enterprise's output that flows along it (null for honour paths). */
    public record FeedPath(List<PathStep> steps, Double share) {
    }

    /**
     * One target of the indicator: whether this enterprise counts for it and which part of the target value it covers.
     */
    public record TargetShare(String id, Long year, Double value, String comparator, String period, String town, boolean counts,
                              Double shareOfTarget) {
    }

    /** An indicator the enterprise feeds: how much (in the indicator's unit), along which paths, for which targets. */
    public record Feed(String indicatorId, String indicatorName, String unit, String rule, boolean assumed, Double contribution,
                       List<FeedPath> paths, List<TargetShare> targets, String note) {
    }

    public record EnterpriseTargets(String id, String name, boolean local, boolean scale, Double output, Long outputYear,
                                    List<Feed> feeds, List<String> notes, boolean sample, DataNotice dataNotice) {
    }
}
