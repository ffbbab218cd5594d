package cn.clustergraph.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every rollup in one pass over the enterprises: each enterprise is read once (with its memberships, figures, honours,
 * platforms, town and supply counts) and added to the segments, chains, clusters, programmes, honours and chain × stage
 * cells it belongs to. Replaces one graph walk per rolled-up label (at 1M enterprises: minutes → seconds). The Cypher in
 * {@link RollupLive} computes the same values the slow way; tests and {@code rollup --verify} compare the two.
 */
final class RollupPass {

    /** The chain map the pass rolls up to: parents by key, stages of segments, every honour. */
    record Structure(Map<String, List<String>> segmentChains, Map<String, String> segmentStages,
                     Map<String, List<String>> chainClusters, Map<String, List<String>> clusterProgrammes, List<String> programmes, List<String> honours) {
    }

    /** One enterprise as read by {@link RollupService#ENTERPRISES}. */
    record Enterprise(String id, String name, Boolean local, boolean scale, boolean sample, boolean leader, Double output,
                      Long outputYear, double rank, List<Membership> segments, List<Figure> figures, List<Honour> honours,
                      List<String> platforms, List<String> towns, long suppliesLocal, List<String[]> examples) {
        boolean isLocal() {
            return Boolean.TRUE.equals(local);
        }

        boolean isCandidate() {
            return Boolean.FALSE.equals(local);
        }
    }

    record Membership(String segment, double share, boolean primary) {
    }

    record Figure(long year, double output) {
    }

    record Honour(String name, Long year) {
    }

    /** Sort key of ranked lists: output rank DESC, then id. */
    record Ranked(double rank, String id, String name) {
        static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::rank).reversed().thenComparing(Ranked::id);
    }

    /** The counts and sums kept on Segment, Chain, Cluster and Programme. */
    static final class Totals {
        long enterprises, local, scale, candidates, localReporting, scaleReporting, sample;
        double output, scaleOutput;
        Long outputYear;
        final TreeMap<Long, double[]> byYear = new TreeMap<>();

        void add(Enterprise e, double share) {
            enterprises++;
            if (e.sample()) {
                sample++;
            }
            if (e.isCandidate()) {
                candidates++;
            }
            if (!e.isLocal()) {
                return;
            }
            local++;
            double out = e.output() == null ? 0.0 : e.output();
            output += out * share;
            if (e.outputYear() != null && (outputYear == null || e.outputYear() > outputYear)) {
                outputYear = e.outputYear();
            }
            if (e.output() != null) {
                localReporting++;
            }
            if (e.scale()) {
                scale++;
                scaleOutput += out * share;
                if (e.output() != null) {
                    scaleReporting++;
                }
            }
            for (Figure f : e.figures()) {
                double[] y = byYear.computeIfAbsent(f.year(), k -> new double[2]);
                y[0] += f.output() * share;
                if (e.scale()) {
                    y[1] += f.output() * share;
                }
            }
        }

        Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rollupEnterprises", enterprises);
            p.put("rollupLocal", local);
            p.put("rollupScale", scale);
            p.put("rollupCandidates", candidates);
            p.put("rollupOutput", output);
            p.put("rollupScaleOutput", scaleOutput);
            p.put("rollupOutputYear", outputYear);
            p.put("rollupSample", sample);
            p.put("rollupLocalReporting", localReporting);
            p.put("rollupScaleReporting", scaleReporting);
            p.put("rollupYears", new ArrayList<>(byYear.keySet()));
            p.put("rollupOutputByYear", byYear.values().stream().map(v -> v[0]).toList());
            p.put("rollupScaleOutputByYear", byYear.values().stream().map(v -> v[1]).toList());
            return p;
        }
    }

    /** The smallest {@code keep} elements of an order, kept while streaming. */
    static final class Top<T> {
        private final int keep;
        private final Comparator<T> order;
        private final PriorityQueue<T> worstFirst;

        Top(int keep, Comparator<T> order) {
            this.keep = keep;
            this.order = order;
            this.worstFirst = new PriorityQueue<>(order.reversed());
        }

        void offer(T t) {
            if (worstFirst.size() < keep) {
                worstFirst.add(t);
            } else if (order.compare(t, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(t);
            }
        }

        List<T> sorted() {
            List<T> list = new ArrayList<>(worstFirst);
            list.sort(order);
            return list;
        }
    }

    /** Gap-analysis extras and ranked tops of one segment. */
    static final class SegmentExtras {
        long honours, leaders, localSupplyLinks, externalSupplyLinks;
        final Top<Ranked> topLocal;
        final Top<Ranked> topCandidates;
        final Top<String[]> examples = new Top<>(5, Comparator.<String[], String>comparing(x -> x[0]).thenComparing(x -> x[2]));

        SegmentExtras(int keep) {
            topLocal = new Top<>(keep, Ranked.ORDER);
            topCandidates = new Top<>(keep, Ranked.ORDER);
        }
    }

    /** Chain-only aggregates: platforms, honours by year, 链主 and the ranked-list bookmarks. */
    static final class ChainExtras {
        final Map<String, Long> platforms = new HashMap<>();
        final TreeMap<String, TreeMap<Long, Long>> honours = new TreeMap<>();
        long leaders;
        final List<Ranked> ranked = new ArrayList<>();  // without names: a province's chains hold millions of these
    }

    /** Per honour: local holders by award year and by town and year. */
    static final class HonourTotals {
        final TreeMap<Long, long[]> byYear = new TreeMap<>();
        final TreeMap<String, TreeMap<Long, Long>> byTown = new TreeMap<>();
    }

    /** Distinct local enterprises per chain × stage. */
    static final class StageTotals {
        long local, scale;
    }

    private final Structure structure;
    private final int keep;
    private final Map<String, Totals> segments = new LinkedHashMap<>();
    private final Map<String, Totals> chains = new LinkedHashMap<>();
    private final Map<String, Totals> clusters = new LinkedHashMap<>();
    private final Map<String, Totals> programmes = new LinkedHashMap<>();
    private final Map<String, SegmentExtras> segmentExtras = new HashMap<>();
    private final Map<String, ChainExtras> chainExtras = new HashMap<>();
    private final Map<String, HonourTotals> honours = new LinkedHashMap<>();
    private final Map<String, List<String>> stageSegments = new TreeMap<>();
    private final Map<String, StageTotals> stages = new TreeMap<>();
    private long count;

    RollupPass(Structure structure, int keep) {
        this.structure = structure;
        this.keep = keep;
        structure.segmentChains().keySet().forEach(s -> {
            segments.put(s, new Totals());
            segmentExtras.put(s, new SegmentExtras(keep));
        });
        structure.segmentChains().values().forEach(cs -> cs.forEach(c -> chains.computeIfAbsent(c, k -> new Totals())));
        structure.chainClusters().keySet().forEach(c -> chains.computeIfAbsent(c, k -> new Totals()));
        chains.keySet().forEach(c -> chainExtras.put(c, new ChainExtras()));
        structure.chainClusters().values().forEach(cs -> cs.forEach(c -> clusters.computeIfAbsent(c, k -> new Totals())));
        structure.clusterProgrammes().keySet().forEach(c -> clusters.computeIfAbsent(c, k -> new Totals()));
        structure.clusterProgrammes().values().forEach(ps -> ps.forEach(p -> programmes.computeIfAbsent(p, k -> new Totals())));
        structure.programmes().forEach(p -> programmes.computeIfAbsent(p, k -> new Totals()));
        structure.honours().forEach(h -> honours.put(h, new HonourTotals()));
        structure.segmentChains().forEach((s, cs) -> cs.forEach(c -> {
            String stage = structure.segmentStages().get(s);
            if (stage != null) {
                stageSegments.computeIfAbsent(c + "/" + stage, k -> new ArrayList<>()).add(s);
            }
        }));
        stageSegments.keySet().forEach(key -> stages.put(key, new StageTotals()));
    }

    long count() {
        return count;
    }

    void add(Enterprise e) {
        count++;
        Ranked ranked = new Ranked(e.rank(), e.id(), e.name());
        Ranked unnamed = new Ranked(e.rank(), e.id(), null);
        Map<String, Double> chainShares = new LinkedHashMap<>();
        Set<String> stageKeys = new HashSet<>();
        for (Membership m : e.segments()) {
            Totals t = segments.get(m.segment());
            if (t == null) {
                continue;
            }
            t.add(e, m.share());
            SegmentExtras x = segmentExtras.get(m.segment());
            if (e.isLocal()) {
                x.honours += e.honours().size();
                if (e.leader()) {
                    x.leaders++;
                }
                x.localSupplyLinks += e.suppliesLocal();
                x.topLocal.offer(ranked);
            } else if (e.isCandidate()) {
                x.externalSupplyLinks += e.suppliesLocal();
                x.topCandidates.offer(ranked);
                for (String[] y : e.examples()) {
                    x.examples.offer(new String[]{e.id(), e.name(), y[0], y[1]});
                }
            }
            for (String c : structure.segmentChains().get(m.segment())) {
                chainShares.merge(c, m.share(), Double::sum);
                if (m.primary() && e.leader()) {
                    chainExtras.get(c).leaders++;
                }
                String stage = structure.segmentStages().get(m.segment());
                if (e.isLocal() && stage != null) {
                    stageKeys.add(c + "/" + stage);
                }
            }
        }
        Map<String, Double> clusterShares = new LinkedHashMap<>();
        chainShares.forEach((c, share) -> {
            chains.get(c).add(e, share);
            ChainExtras x = chainExtras.get(c);
            x.ranked.add(unnamed);
            if (e.isLocal()) {
                e.platforms().forEach(p -> x.platforms.merge(p, 1L, Long::sum));
                e.honours().forEach(h -> x.honours.computeIfAbsent(h.name(), k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                        .merge(h.year(), 1L, Long::sum));
            }
            structure.chainClusters().getOrDefault(c, List.of()).forEach(cl -> clusterShares.merge(cl, share, Double::sum));
        });
        Map<String, Double> programmeShares = new LinkedHashMap<>();
        clusterShares.forEach((cl, share) -> {
            clusters.get(cl).add(e, share);
            structure.clusterProgrammes().getOrDefault(cl, List.of()).forEach(p -> programmeShares.merge(p, share, Double::sum));
        });
        programmeShares.forEach((p, share) -> programmes.get(p).add(e, share));
        for (String key : stageKeys) {
            StageTotals st = stages.get(key);
            st.local++;
            if (e.scale()) {
                st.scale++;
            }
        }
        if (e.isLocal()) {
            for (Honour h : e.honours()) {
                HonourTotals ht = honours.get(h.name());
                if (ht == null || h.year() == null) {
                    continue;
                }
                long[] y = ht.byYear.computeIfAbsent(h.year(), k -> new long[2]);
                y[0]++;
                if (e.sample()) {
                    y[1]++;
                }
                for (String town : e.towns()) {
                    ht.byTown.computeIfAbsent(town, k -> new TreeMap<>()).merge(h.year(), 1L, Long::sum);
                }
            }
        }
    }

    /** Properties per node key ({@code Label:key}) to write; stage cells under {@code StageRollup:chain/stage}. */
    Map<String, Map<String, Object>> result(int rankEvery) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        segments.forEach((id, t) -> {
            Map<String, Object> p = t.properties();
            SegmentExtras x = segmentExtras.get(id);
            List<Ranked> topLocal = x.topLocal.sorted();
            p.put("rollupHonours", x.honours);
            p.put("rollupLeaderCount", x.leaders);
            p.put("rollupTopLocal", topLocal.stream().limit(3).map(Ranked::name).toList());
            p.put("rollupLocalSupplyLinks", x.localSupplyLinks);
            p.put("rollupExternalSupplyLinks", x.externalSupplyLinks);
            p.put("rollupExternalSupplyExamples", x.examples.sorted().stream().map(y -> y[1] + " → " + y[3]).toList());
            p.put("rollupTopLocalIds", topLocal.stream().map(Ranked::id).toList());
            p.put("rollupTopCandidateIds", x.topCandidates.sorted().stream().map(Ranked::id).toList());
            out.put("Segment:" + id, p);
        });
        chains.forEach((name, t) -> {
            Map<String, Object> p = t.properties();
            ChainExtras x = chainExtras.get(name);
            List<Map.Entry<String, Long>> platforms = new ArrayList<>(x.platforms.entrySet());
            platforms.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            p.put("rollupPlatforms", platforms.stream().map(Map.Entry::getKey).toList());
            p.put("rollupPlatformCounts", platforms.stream().map(Map.Entry::getValue).toList());
            List<String> names = new ArrayList<>();
            List<Long> years = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            x.honours.forEach((h, byYear) -> byYear.forEach((year, n) -> {
                names.add(h);
                if (year != null) {
                    years.add(year);
                }
                counts.add(n);
            }));
            p.put("rollupHonourNames", names);
            p.put("rollupHonourYears", years);
            p.put("rollupHonourCounts", counts);
            p.put("rollupLeaders", x.leaders);
            Ranked[] ranked = x.ranked.toArray(Ranked[]::new);
            Arrays.sort(ranked, Ranked.ORDER);
            List<Double> markRanks = new ArrayList<>();
            List<String> markIds = new ArrayList<>();
            for (int i = 0; i < ranked.length; i += rankEvery) {
                markRanks.add(ranked[i].rank());
                markIds.add(ranked[i].id());
            }
            p.put("rollupRankTotal", (long) ranked.length);
            p.put("rollupRankEvery", (long) rankEvery);
            p.put("rollupRankMarkRanks", markRanks);
            p.put("rollupRankMarkIds", markIds);
            out.put("Chain:" + name, p);
        });
        clusters.forEach((name, t) -> out.put("Cluster:" + name, t.properties()));
        programmes.forEach((id, t) -> out.put("Programme:" + id, t.properties()));
        honours.forEach((name, h) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rollupYears", new ArrayList<>(h.byYear.keySet()));
            p.put("rollupCounts", h.byYear.values().stream().map(v -> v[0]).toList());
            p.put("rollupSample", h.byYear.values().stream().mapToLong(v -> v[1]).sum());
            List<String> towns = new ArrayList<>();
            List<Long> townYears = new ArrayList<>();
            List<Long> townCounts = new ArrayList<>();
            h.byTown.forEach((town, byYear) -> byYear.forEach((year, n) -> {
                towns.add(town);
                townYears.add(year);
                townCounts.add(n);
            }));
            p.put("rollupTowns", towns);
            p.put("rollupTownYears", townYears);
            p.put("rollupTownCounts", townCounts);
            out.put("Honour:" + name, p);
        });
        stages.forEach((key, st) -> {
            List<String> segs = stageSegments.get(key);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("segments", (long) segs.size());
            p.put("rollupLocal", st.local);
            p.put("rollupScale", st.scale);
            p.put("rollupOutput", segs.stream().mapToDouble(s -> segments.get(s).output).sum());
            p.put("emptySegments", segs.stream().filter(s -> segments.get(s).local == 0).count());
            out.put("StageRollup:" + key, p);
        });
        return out;
    }
}
