package cn.clustergraph.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where reports come from besides the jar and how far a run may go ({@code clustergraph.reports.*}).
 *
 * @param dir     folder of extra {@code .cypher} reports, re-read on every list; empty = only the bundled ones
 * @param timeout transaction timeout of one report run
 * @param maxRows rows returned at most; the rest is cut off and the result marked {@code truncated}
 */
@ConfigurationProperties("clustergraph.reports")
record ReportsProperties(@DefaultValue("") String dir, @DefaultValue("60s") Duration timeout, @DefaultValue("100000") int maxRows) {
}
