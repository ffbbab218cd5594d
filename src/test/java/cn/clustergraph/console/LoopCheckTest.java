package cn.clustergraph.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The range loop check: a range looped over in one expression is bounded (nested ranges multiply); UNWIND range is not. */
class LoopCheckTest {

    static final Map<String, Object> PARAMS = Map.of("small", 100L, "big", 20_000_000L, "int", 50, "text", "10", "real", 5.0);

    @ParameterizedTest
    @ValueSource(strings = {
            "RETURN reduce(t = 0, i IN range(1, 20000000) | t + i)",
            "RETURN [x IN range(1, 10000001) | x]",
            "RETURN [x IN range(0, 10000000)]",
            "RETURN any(x IN range(1, 100000000) WHERE x < 0)",
            "RETURN all(x IN range(1, 100000000) WHERE x > 0)",
            "RETURN size(range(1, 100000000))",
            "RETURN range(-10000000, 10000000)",
            "RETURN range(1, 1_000_000_000)",
            "RETURN range(0, 0x7FFFFFFF)",
            "RETURN range(1, 9223372036854775807)",
            "RETURN range(1, 100000000, 2)",
            "RETURN range(100000000, 1, -1)",
            "RETURN [x IN range(1, 10000) | [y IN range(1, 10000) | x * y]]",
            "RETURN reduce(t = 0, i IN range(1, 1000) | t + size([j IN range(1, 100000) | j]))",
            "RETURN [x IN range(1, 1000) | [y IN range(1, 1000) | [z IN range(1, 11) | z]]]",
            "RETURN [x IN range(1, $big) | x]",
            "UNWIND [x IN range(1, 100000000) | x] AS y RETURN y",
            "RETURN REDUCE(t = 0, i IN RANGE(1, 20000000) | t + i)",
            "RETURN range( /* 1 */ 1 , 20000000 // end\n)",
    })
    void tooManyElementsAreFound(String query) {
        assertThat(LoopCheck.find(query, PARAMS)).as(query)
                .hasValueSatisfying(f -> assertThat(f.elements()).isGreaterThan(BigInteger.valueOf(LoopCheck.MAX_ELEMENTS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MATCH (n) RETURN [i IN range(0, size(n.tags) - 1) | n.tags[i]]",
            "WITH 5 AS n RETURN [x IN range(1, n) | x]",
            "RETURN range(1, toInteger('5'))",
            "RETURN range(1, 10 * 1000)",
            "RETURN range(1, $text)",
            "RETURN range(1, $real)",
            "RETURN range(1.5, 3)",
            "RETURN range(1, $big + 0)",
    })
    void boundsThatCannotBeKnownAreFound(String query) {
        assertThat(LoopCheck.find(query, PARAMS)).as(query)
                .hasValueSatisfying(f -> assertThat(f.bound()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(*) AS c",
            "unwind RANGE(1, 100000000) AS x RETURN x",
            "UNWIND range(1, size($list)) AS x RETURN x",
            "RETURN reduce(t = 0, i IN range(1, 10000000) | t + i)",
            "RETURN [x IN range(1, 1000) | [y IN range(1, 10000) | x * y]]",
            "RETURN [x IN range(1, $small) | x], range(1, $int), range(-$small, $small)",
            "RETURN size(range(1, 5000000)), size(range(1, 5000000))",
            "RETURN [x IN range(1, 3000) | x], [y IN range(1, 3000) | y]",
            "RETURN range(1, $missing)",
            "RETURN range(10, 1)",
            "RETURN 'range(1, 100000000)' AS text // range(1, 100000000)",
            "MATCH (n) WHERE n.range = 1 RETURN n.range",
            "MATCH (range) RETURN range",
            "RETURN range(1)",
            "UNWIND range(1, 1000) AS x RETURN [y IN range(1, 100000) | y]",
    })
    void boundedOrUnwoundRangesPass(String query) {
        assertThat(LoopCheck.find(query, PARAMS)).as(query).isEmpty();
    }

    @Test
    void countFollowsNeo4jsRange() {
        assertThat(LoopCheck.count(BigInteger.ONE, BigInteger.TEN, BigInteger.ONE)).isEqualTo(10);
        assertThat(LoopCheck.count(BigInteger.ZERO, BigInteger.TEN, BigInteger.valueOf(3))).isEqualTo(4);
        assertThat(LoopCheck.count(BigInteger.TEN, BigInteger.ONE, BigInteger.valueOf(-1))).isEqualTo(10);
        assertThat(LoopCheck.count(BigInteger.TEN, BigInteger.ONE, BigInteger.ONE)).isEqualTo(0);
        assertThat(LoopCheck.literal("0o17")).isEqualTo(15);
        assertThat(LoopCheck.literal("1.5")).isNull();
    }

    @Test
    void theGuardRefusesWith422UnboundedLoopAndReadsParameters() {
        ConsoleProblem tooMany = catchThrowableOfType(ConsoleProblem.class,
                () -> QueryGuard.checkText("RETURN [x IN range(1, $n) | x]", Map.of("n", 20_000_000L)));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(422);
        assertThat(tooMany.reason()).isEqualTo("unbounded-loop");
        assertThat(tooMany.getBody().getType().toString()).isEqualTo("/problems/console-unbounded-loop");
        assertThat(tooMany.getBody().getProperties()).containsEntry("elements", 20_000_000L).containsEntry("offset", 13);

        ConsoleProblem unknown = catchThrowableOfType(ConsoleProblem.class,
                () -> QueryGuard.checkText("WITH 3 AS n RETURN [x IN range(1, n) | x]", Map.of()));
        assertThat(unknown.reason()).isEqualTo("unbounded-loop");
        assertThat(unknown.getBody().getProperties()).containsEntry("bound", "n");

        QueryGuard.checkText("RETURN [x IN range(1, $n) | x]", Map.of("n", 10L));
    }
}
