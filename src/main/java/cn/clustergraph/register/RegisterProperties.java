package cn.clustergraph.register;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How registers are written ({@code clustergraph.register.*}).
 *
 * @param singleTransactionRows registers up to this many rows are written in one transaction (all or nothing even if
 *                              the database fails midway); bigger ones in one transaction per batch of 5,000 rows
 * @param rollupOnStartup       refresh the rollups at startup when they are missing
 * @param writers               concurrent writer transactions for registers above {@code singleTransactionRows} (1 = one)
 */
@ConfigurationProperties("clustergraph.register")
public record RegisterProperties(@DefaultValue("200000") long singleTransactionRows,
                                 @DefaultValue("true") boolean rollupOnStartup,
                                 @DefaultValue("2") int writers) {
}
