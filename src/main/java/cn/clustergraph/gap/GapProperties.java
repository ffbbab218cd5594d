package cn.clustergraph.gap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds and weights of the gap analysis ({@code clustergraph.gaps.*}); changing them changes the answer, not the code.
 *
 * @param weakMinLocal       a segment with fewer local enterprises than this is 弱链
 * @param weakMinScale       … or with fewer 规上 (above-scale) local enterprises than this
 * @param weakMinOutput      … or whose local output (万元, split over segments) is below this
 * @param strongMinLocal     a segment with at least this many local enterprises counts as strong (for 补链/延链 rules)
 * @param strongMinOutput    … or with at least this local output (万元)
 * @param weightSupply       candidate score per supply link into a local enterprise
 * @param weightHonour       candidate score per honour
 * @param weightScale        candidate score per order of magnitude of output (log10 of 万元)
 * @param weightFit          candidate score when the segment is the candidate's primary segment (half otherwise)
 * @param maxCandidates      candidates listed per gap segment
 */
@ConfigurationProperties("clustergraph.gaps")
public record GapProperties(
        @DefaultValue("3") int weakMinLocal,
        @DefaultValue("1") int weakMinScale,
        @DefaultValue("50000") double weakMinOutput,
        @DefaultValue("5") int strongMinLocal,
        @DefaultValue("200000") double strongMinOutput,
        @DefaultValue("5") double weightSupply,
        @DefaultValue("2") double weightHonour,
        @DefaultValue("1") double weightScale,
        @DefaultValue("3") double weightFit,
        @DefaultValue("20") int maxCandidates) {
}
