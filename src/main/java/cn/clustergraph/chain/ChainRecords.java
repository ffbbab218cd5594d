package cn.clustergraph.chain;

import cn.clustergraph.indicator.TargetRecords;
import cn.clustergraph.indicator.TargetRecords.TargetItem;
import cn.clustergraph.web.DataNotice;

import java.util.List;

/** What the cluster and chain API returns. Output in 万元 (register unit) unless a target's unit says otherwise. */
public final class ChainRecords {

    private ChainRecords() {
    }

    /**
     * Maintained aggregates (see RollupService): distinct enterprises, local ones, local 规上, candidates elsewhere, and
     * output of local enterprises (latest year, split by the share rule) in 万元.
     */
    public record Rollup(long enterprises, long local, long scale, long candidates, Double output, Double scaleOutput, Long outputYear,
                         String unit, long sampleEnterprises) {
    }

    public record ClusterItem(String name, String nameEn, boolean assumed, String note, List<String> chains, Rollup rollup) {
    }

    public record ChainItem(String name, String nameEn, List<String> aliases, String cluster, boolean clusterAssumed, boolean stated,
                            long segments, long emptySegments, long thinSegments, long chainLeaders, Rollup rollup) {
    }

    public record ClusterRef(String name, String nameEn, boolean assumed) {
    }

    public record EnterpriseRef(String id, String name, String shortName, boolean local, String town, String region, boolean scale,
                                boolean chainLeader, Double output, Long outputYear, List<String> honours, Boolean primary, boolean sample) {
    }

    /**
     * A segment of the chain's map with its enterprises. {@code status} and {@code statusReason}: the gap rule's 缺链 / 弱链 /
     * 有链 and why (the same as GET /api/chains/{name}/gaps); {@code coverage}: that status in the older words {@code none} /
     * {@code thin} / {@code covered}.
     */
    public record SegmentView(String id, String name, String stage, Long order, boolean assumed, String status, String statusReason,
                              String coverage, Rollup rollup,
                              List<EnterpriseRef> enterprises, List<EnterpriseRef> candidates) {
    }

    /** A "十个一" item. */
    public record Item(String item, String value, String status, boolean assumed, String note) {
    }

    public record Service(String kind, String id, String name, boolean assumed, String note) {
    }

    public record HostPlatform(String id, String name, long enterprises) {
    }

    /**
     * A task concerning the chain; {@code via} says how in English words, {@code links} the same as codes the UI renders in
     * its language: {@code chain} (names the chain), {@code segment} (names one of its segments, {@code name}), {@code serves}
     * (names a platform or institute, {@code name}, that serves the chain; {@code assumed} when that service is assumed).
     */
    public record TaskRef(long no, String name, String content, String lead, List<String> coOwners, List<String> via, List<TaskLink> links) {
    }

    /** How a task concerns a chain, as a code and the name it goes through. */
    public record TaskLink(String code, String name, boolean assumed) {
    }

    public record HonourCount(String name, String level, long enterprises) {
    }

    /**
     * An indicator the chain feeds: {@code scope} Chain (a chain plan target), Cluster or Programme (the chain's part of a
     * larger total) or Honour (a count); {@code chainContribution} is what this chain's enterprises add, in the indicator's unit.
     * For a larger total, {@code scopeName} and {@code scopeCurrent} say whose progress the targets' {@code progress} is (the
     * whole programme's, a cluster's, every holder of an honour's), and {@code share} is the chain's part of it
     * (chainContribution / scopeCurrent); both null for the chain's own targets.
     */
    public record ChainTarget(String indicatorId, String name, String unit, String origin, String scope, Double chainContribution,
                              boolean sample, List<TargetItem> targets, String scopeName, Double scopeCurrent, Double share) {

        /** The same target with the whole figure it is part of and the chain's share of it, read from its progress. */
        ChainTarget withShare() {
            if ("Chain".equals(scope)) {
                return this;
            }
            TargetRecords.Progress p = targets.stream().map(TargetItem::progress).filter(x -> x != null && x.current() != null)
                    .findFirst().orElse(null);
            if (p == null) {
                return this;
            }
            Double s = chainContribution == null || p.current() <= 0 ? null : Math.round(chainContribution / p.current() * 10000) / 10000.0;
            return new ChainTarget(indicatorId, name, unit, origin, scope, chainContribution, sample, targets, p.scopeName(), p.current(), s);
        }
    }

    public record ChainView(String name, String nameEn, List<String> aliases, boolean stated, ClusterRef cluster, boolean clusterAssumed,
                            Rollup rollup, List<SegmentView> segments, List<EnterpriseRef> chainLeaders, List<Item> items,
                            List<Service> servedBy, List<HostPlatform> hostPlatforms, List<TaskRef> tasks, List<HonourCount> honours,
                            List<ChainTarget> targets, DataNotice dataNotice) {
    }
}
