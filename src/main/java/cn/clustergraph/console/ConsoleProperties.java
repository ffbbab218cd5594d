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
 */
@ConfigurationProperties("clustergraph.console")
record ConsoleProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("20000") int maxQueryLength) {

    ConsoleProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("clustergraph.console.timeout must be positive, was " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("clustergraph.console.max-rows must be at least 1, was " + maxRows);
        }
        if (maxQueryLength < 1) {
            throw new IllegalArgumentException("clustergraph.console.max-query-length must be at least 1, was " + maxQueryLength);
        }
    }
}
