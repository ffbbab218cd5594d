package cn.clustergraph.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The textual part of the console's checks: comments, strings and quoted names do not fool or trip it. */
class CypherTextTest {

    @Test
    void loadCsvIsFoundPastCommentsAndCaseButNotInsideStringsOrNames() {
        assertThat(CypherText.usesLoadCsv("LOAD CSV FROM 'x' AS l RETURN l")).isTrue();
        assertThat(CypherText.usesLoadCsv("load/* c */csv from 'x' as l return l")).isTrue();
        assertThat(CypherText.usesLoadCsv("WITH 1 AS a\nLOAD\n  CSV WITH HEADERS FROM $url AS r RETURN r")).isTrue();
        assertThat(CypherText.usesLoadCsv("RETURN 'LOAD CSV' AS s")).isFalse();
        assertThat(CypherText.usesLoadCsv("RETURN \"it's LOAD CSV\" AS s // LOAD CSV")).isFalse();
        assertThat(CypherText.usesLoadCsv("MATCH (n:`LOAD CSV`) RETURN n")).isFalse();
        assertThat(CypherText.usesLoadCsv("RETURN 'a\\' LOAD CSV' AS s")).isFalse();
        assertThat(CypherText.usesLoadCsv("MATCH (n) WHERE n.download_csv = 1 RETURN n")).isFalse();
    }

    @Test
    void useSystemIsFoundWithOrWithoutBackticks() {
        assertThat(CypherText.usesSystemDatabase("USE system SHOW USERS")).isTrue();
        assertThat(CypherText.usesSystemDatabase("use `system` CALL db.labels()")).isTrue();
        assertThat(CypherText.usesSystemDatabase("USE neo4j MATCH (n) RETURN n")).isFalse();
        assertThat(CypherText.usesSystemDatabase("RETURN 'USE system' AS s")).isFalse();
    }

    @Test
    void leadingExecutionKeywordIsFoundAfterComments() {
        assertThat(CypherText.leadingExecutionKeyword("  // c\n/* d */ profile MATCH (n) RETURN n"))
                .hasValueSatisfying(k -> assertThat(k.word()).isEqualTo("PROFILE"));
        assertThat(CypherText.leadingExecutionKeyword("EXPLAIN\nMATCH (n) RETURN n"))
                .hasValueSatisfying(k -> assertThat(k.start()).isZero());
        assertThat(CypherText.leadingExecutionKeyword("MATCH (explain) RETURN explain")).isEmpty();
        assertThat(CypherText.leadingExecutionKeyword("EXPLAINED")).isEmpty();
    }

    @Test
    void aLeadingProfileIsCheckedAsExplainAtTheSamePositions() {
        var p = CypherConsole.prepare("/* x */ PROFILE MATCH (n) RETURN n", CypherConsole.Mode.RUN);
        assertThat(p.mode()).isEqualTo(CypherConsole.Mode.PROFILE);
        assertThat(p.checkText()).isEqualTo("/* x */ EXPLAIN MATCH (n) RETURN n");
        assertThat(p.runText()).isEqualTo("/* x */ PROFILE MATCH (n) RETURN n");
        assertThat(p.checkShift()).isZero();
        var run = CypherConsole.prepare("RETURN 1", CypherConsole.Mode.RUN);
        assertThat(run.checkText()).isEqualTo("EXPLAIN RETURN 1");
        assertThat(run.checkShift()).isEqualTo(8);
        assertThat(run.runText()).isEqualTo("RETURN 1");
    }

    @Test
    void tokensSkipCommentsAndKeepLiteralsNamesParametersAndSlicesApart() {
        var tokens = CypherText.tokens("RETURN /* | */ 'a|b' AS `my name`, $p, $`q r`, s[0..2], 1.5e-3, 0x1F // reduce(\n|| 10_000");
        assertThat(tokens).extracting(CypherText.Token::text).containsExactly(
                "RETURN", "'a|b'", "AS", "my name", ",", "p", ",", "q r", ",", "s", "[", "0", "..", "2", "]", ",", "1.5e-3", ",", "0x1F",
                "||", "10_000");
        assertThat(tokens).extracting(CypherText.Token::kind).contains(CypherText.Kind.STRING, CypherText.Kind.PARAM, CypherText.Kind.NUMBER);
        assertThat(tokens.get(1).offset()).isEqualTo(15);
        assertThat(CypherText.isCall(CypherText.tokens("RETURN n.range(1)"), 3, "range")).isFalse();
        assertThat(CypherText.isCall(CypherText.tokens("RETURN RANGE (1, 2)"), 1, "range")).isTrue();
    }
}
