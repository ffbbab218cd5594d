package cn.clustergraph.register;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How registers are written ({@code clustergraph.register.*}).
 *
 * @param singleTransactionRows registers up to this many rows are written in one transaction (all or nothing even if
 *                              the database fails midway); bigger ones in one transaction per batch, their Dataset
 *                              marked incomplete until the last batch is in
 * @param batchRows             rows per write batch (default 5,000)
 * @param rollupOnStartup       refresh the rollups at startup when they are missing or out of date (false: a command that
 *                              refreshes them itself runs next; reads aggregate live meanwhile)
 * @param writers               concurrent writer transactions for registers above {@code singleTransactionRows} (1 = one)
 */
@ConfigurationProperties("clustergraph.register")
public record RegisterProperties(@DefaultValue("50000") long singleTransactionRows,
                                 @DefaultValue("true") boolean rollupOnStartup,
                                 @DefaultValue("2") int writers,
                                 @DefaultValue("5000") int batchRows) {
}
