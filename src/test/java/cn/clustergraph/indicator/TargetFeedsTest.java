package cn.clustergraph.indicator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report that answers "which enterprises feed this target" cannot call Java, so it carries {@link TargetFeeds}' rule
 * as text: this test fails when the rule changes here and not there (or the report is edited on its own).
 */
class TargetFeedsTest {

    @Test
    void theFeedingReportHoldsEveryFragmentOfTheRuleWordForWord() throws IOException {
        String report = Files.readString(Path.of("cypher/reports/enterprises-feeding-target.cypher"));
        for (String fragment : List.of(TargetFeeds.IN_SCOPE, TargetFeeds.OUTPUT_COUNTS, TargetFeeds.HONOUR_COUNTS, TargetFeeds.HONOUR_IN_TARGET)) {
            assertThat(report).as("the report states the rule as TargetFeeds does").contains(fragment);
        }
    }
}
