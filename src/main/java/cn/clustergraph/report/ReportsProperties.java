package cn.clustergraph.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where reports come from besides the jar and how far a run may go ({@code clustergraph.reports.*}).
 *
 * @param dir     folder of extra {@code .cypher} reports, re-read on every list; empty = only the bundled ones
 * @param timeout transaction timeout of one report run
 * @param maxRows rows returned at most; the rest is cut off and the result marked {@code truncated}, {@code truncatedBy: "rows"}
 * @param maxResponseSize most bytes of rows in one answer (estimated as JSON, UTF-8, by {@link cn.clustergraph.web.ResponseSize}); the rows beyond
 *                it are cut off and the result marked {@code truncated}, {@code truncatedBy: "size"}
 */
@ConfigurationProperties("clustergraph.reports")
record ReportsProperties(@DefaultValue("") String dir, @DefaultValue("60s") Duration timeout, @DefaultValue("100000") int maxRows,
                         @DefaultValue("16MB") DataSize maxResponseSize) {

    ReportsProperties {
        if (maxResponseSize.toBytes() < 1) {
            throw new IllegalArgumentException("clustergraph.reports.max-response-size must be positive, was " + maxResponseSize);
        }
    }
}
