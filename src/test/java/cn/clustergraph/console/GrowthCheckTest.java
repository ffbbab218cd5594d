package cn.clustergraph.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reduce growth check: an accumulator used whole twice or more per step is found, ordinary reduces pass. */
class GrowthCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "RETURN reduce(s='x', i IN range(1,29) | s+s)",
            "RETURN reduce(s = 'x', i IN range(1, 27) | s + s) AS s",
            "RETURN reduce(acc = 'a', i IN range(1, 40) | acc + acc + 'x')",
            "RETURN reduce(acc = 'a', i IN range(1, 40) | 'x' + acc + acc)",
            "RETURN reduce(l = [1], i IN range(1, 40) | l + l)",
            "RETURN reduce(x = 2, i IN range(1, 40) | x * x)",
            "return REDUCE(s = 'x', i in range(1, 29) | s + s)",
            "RETURN Reduce ( s = 'x' , i IN range(1, 29) | ( s + s ) )",
            "RETURN reduce(s = 'x', i IN range(1, 29) | (s) + (s))",
            "RETURN reduce(s = 'x', i IN range(1, 29) | s + toUpper(s))",
            "RETURN reduce(s = 'x', i IN range(1, 29) | s || s)",
            "RETURN reduce(s = 'x', i IN range(1, 29) | CASE WHEN i > 0 THEN s + s ELSE s END)",
            "RETURN reduce(s = 'x', i IN range(1, 29) | s + CASE WHEN i > 0 THEN s ELSE '' END)",
            "RETURN reduce(l = [], i IN range(1, 29) | l + [l])",
            "RETURN reduce(l = [], i IN range(1, 29) | [l, l])",
            "RETURN reduce(m = {}, i IN range(1, 29) | {a: m, b: m})",
            "RETURN reduce(s = 'x', i IN range(1, 29) | toLower(s + s))",
            "RETURN reduce(`my acc` = 'x', i IN range(1, 29) | `my acc` + `my acc`)",
            "RETURN reduce(s = 'x', /* | s */ i IN range(1, 29) | s // comment\n + s)",
            "RETURN reduce(s = 'a|b', i IN range(1, 29) | s + 'reduce(' + s)",
            "RETURN [x IN [1] | reduce(s = 'x', i IN range(1, 29) | s + s)]",
            "RETURN reduce(t = 0, x IN [1, 2] | t + x), reduce(s = 'x', i IN range(1, 29) | s + s)",
            "RETURN reduce(s = 'x', i IN range(1, 29) | s + s - 'y')",
    })
    void growingAccumulatorIsFound(String query) {
        assertThat(GrowthCheck.find(query)).as(query).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "RETURN reduce(t = 0, x IN [1, 2, 3] | t + x)",
            "WITH ['a', 'b'] AS names RETURN reduce(s = '', x IN names | s + x + ',')",
            "RETURN reduce(acc = [], x IN [1, 2] | acc + [x])",
            "RETURN reduce(p = 1, x IN [1, 2] | p * x)",
            "RETURN reduce(m = 0, x IN [3, 1] | CASE WHEN x > m THEN x ELSE m END)",
            "RETURN reduce(s = '', w IN ['a', 'b'] | s + CASE WHEN s = '' THEN '' ELSE ' ' END + w)",
            "RETURN reduce(acc = [], x IN [1, 2] | CASE WHEN x > 1 THEN acc + x ELSE acc END)",
            "MATCH (n) RETURN reduce(total = 0, m IN collect(n) | total + m.total + m.total)",
            "RETURN reduce(s = 'x', i IN [1] | s + s[0])",
            "RETURN reduce(s = 'x', i IN [1] | s + substring(s, 0, 1))",
            "RETURN reduce(s = 'x', i IN [1] | s + size(s))",
            "RETURN reduce(x = 5, i IN [1] | x - x)",
            "RETURN reduce(x = 5, i IN [1] | x / x + 1)",
            "RETURN reduce(s2 = 0, i IN [1] | s2 + s)",
            "RETURN reduce(s = 0, i IN [1] | s + s2)",
            "RETURN 's + s reduce(s = 1, i IN x | s + s)'",
            "// reduce(s = 'x', i IN range(1, 29) | s + s)\nRETURN 1",
            "MATCH (n) WHERE n.reduce = 1 RETURN n.s + n.s",
            "RETURN reduce(s = 0, x IN [1, 2] | s + x) + reduce(s = 0, x IN [1, 2] | s + x)",
            "RETURN reduce(acc = [], x IN [1] | acc + [y IN acc WHERE y > x | y])",
            "RETURN reduce(s = 'x', i IN [1] | s + (CASE WHEN s.end = 1 THEN 'a' ELSE 'b' END))",
            "RETURN reduce(s = 0, i IN [1] | s + reduce(t = 0, j IN [1] | t + s))",
            "RETURN s + s",
            "RETURN reduce(",
    })
    void ordinaryReducesPass(String query) {
        assertThat(GrowthCheck.find(query)).as(query).isEmpty();
    }

    @Test
    void theFindingNamesTheAccumulatorAndWhereTheReduceIs() {
        String q = "WITH 1 AS a RETURN reduce(acc = 'x', i IN range(1, 29) | acc + acc)";
        assertThat(GrowthCheck.find(q)).hasValueSatisfying(f -> {
            assertThat(f.accumulator()).isEqualTo("acc");
            assertThat(f.offset()).isEqualTo(q.indexOf("reduce"));
        });
    }

    @Test
    void theGuardRefusesItWith422UnboundedGrowth() {
        ConsoleProblem p = catchThrowableOfType(ConsoleProblem.class,
                () -> QueryGuard.checkText("RETURN reduce(s = 'x', i IN range(1, 29) | s + s) AS s", Map.of()));
        assertThat(p.getStatusCode().value()).isEqualTo(422);
        assertThat(p.reason()).isEqualTo("unbounded-growth");
        assertThat(p.getBody().getType().toString()).isEqualTo("/problems/console-unbounded-growth");
        assertThat(p.getBody().getProperties()).containsEntry("accumulator", "s");
    }
}
