package cn.clustergraph.scorecard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weights of the 考核评价 scorecards ({@code clustergraph.scorecard.*}; formula in docs/tracking.md).
 *
 * @param greenCredit   share of an item's points earned by a green light (default 1)
 * @param yellowCredit  … by a yellow light (default 0.6)
 * @param redCredit     … by a red light (default 0)
 * @param taskWeight    a department's points for the tasks it leads (default 50)
 * @param indicatorWeight a department's points for the indicators it owns (default 30)
 * @param onTimeWeight  a department's points for reporting on time (default 20)
 */
@ConfigurationProperties("clustergraph.scorecard")
public record ScorecardProperties(@DefaultValue("1") double greenCredit, @DefaultValue("0.6") double yellowCredit,
                                  @DefaultValue("0") double redCredit, @DefaultValue("50") double taskWeight,
                                  @DefaultValue("30") double indicatorWeight, @DefaultValue("20") double onTimeWeight) {
}
