package cn.clustergraph.register;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The derived values of one enterprise, as every write path stores them. */
class EnterpriseValuesTest {

    @Test
    void sharesSplitEquallyOverChainsThenOverSegmentsWithinEachChain() {
        Map<String, String> chain = Map.of("NEV-M02", "新能源汽车", "NEV-M03", "新能源汽车", "OPT-U06", "光电通信");
        assertThat(EnterpriseValues.shares(List.of("NEV-M02", "OPT-U06", "NEV-M03"), chain::get)).containsExactly(0.25, 0.5, 0.25);
        assertThat(EnterpriseValues.shares(List.of("OPT-U06"), chain::get)).containsExactly(1.0);
    }

    @Test
    void latestYearWithAnOutputSortedDistinctHonoursAndAliasText() {
        EnterpriseValues values = new EnterpriseValues();
        values.figure("E", 2023, 100.0);
        values.figure("E", 2024, null);
        values.figure("E", 2022, 90.0);
        values.honour("E", "高新技术企业");
        values.honour("E", "专精特新“小巨人”");
        values.honour("E", "高新技术企业");
        assertThat(values.derived("E", List.of("测试甲", "沪甲")))
                .isEqualTo(new EnterpriseValues.Derived("测试甲 沪甲", 100.0, 2023L, 100.0, List.of("专精特新“小巨人”", "高新技术企业")));
        assertThat(values.derived("F", List.of())).isEqualTo(new EnterpriseValues.Derived("", null, null, -1.0, List.of()));
    }
}
