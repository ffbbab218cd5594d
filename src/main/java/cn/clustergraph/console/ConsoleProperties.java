package cn.clustergraph.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the analyst console ({@code clustergraph.console.*}), so one query cannot tie up the DBMS or the server.
 *
 * @param timeout        longest a console transaction may run; a request may ask for less ({@code timeoutMs}), never more
 * @param maxRows        most rows returned; the rest is not read and the response says {@code truncated: true}
 * @param maxQueryLength longest query text accepted, in characters
 * @param maxResponseSize most bytes of rows in one answer (estimated as JSON, UTF-8); the rows beyond it are not read and
 *                       the response says {@code truncated: true} with {@code truncatedBy: "size"}
 */
@ConfigurationProperties("clustergraph.console")
record ConsoleProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("20000") int maxQueryLength,
        @DefaultValue("16MB") org.springframework.util.unit.DataSize maxResponseSize) {

    ConsoleProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("clustergraph.console.timeout must be positive, was " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("clustergraph.console.max-rows must be at least 1, was " + maxRows);
        }
        if (maxResponseSize.toBytes() < 1) {
            throw new IllegalArgumentException("clustergraph.console.max-response-size must be positive, was " + maxResponseSize);
        }
        if (maxQueryLength < 1) {
            throw new IllegalArgumentException("clustergraph.console.max-query-length must be at least 1, was " + maxQueryLength);
        }
    }
}
