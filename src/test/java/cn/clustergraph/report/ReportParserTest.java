package cn.clustergraph.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report header format of docs/reports.md: what parses, and every mistake it reports instead of crashing. */
class ReportParserTest {

    static Report parse(String text) {
        return ReportParser.parse("sample", Report.EXTERNAL, "test", text);
    }

    @Test
    void readsTitleDescriptionParametersColumnsAndQuery() {
        Report r = parse("""
                // @title 牵头部门的任务 | Tasks by lead department
                // A free comment line is ignored.
                // @description 第一行说明。
                // @description Second line.
                // @param department String = 市经信局  部门名称（可用别名）
                // @param year Integer = null  年份（空 = 全部）
                // @param phrase String = "a b; c"  带空格的默认值
                // @param no Integer  必填
                // @param on Date = 2023-04-20
                // @param towns List<String> = 当湖街道|经开区  镇街
                // @column no Integer 任务序号
                // @column owners List<String> 配合部门
                MATCH (t:Task {no: $no}) // $notAParameter in a comment
                WHERE t.content CONTAINS $phrase OR t.content = '$alsoNot;' OR $year IS NULL OR $department IS NULL
                   OR $on IS NULL OR $towns IS NULL
                RETURN t.no AS no, [] AS owners;
                """);
        assertThat(r.errors()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.title()).isEqualTo("牵头部门的任务");
        assertThat(r.titleEn()).isEqualTo("Tasks by lead department");
        assertThat(r.description()).isEqualTo("第一行说明。\nSecond line.");
        assertThat(r.parameters()).extracting(Report.Param::name).containsExactly("department", "year", "phrase", "no", "on", "towns");
        assertThat(r.parameter("department")).isEqualTo(new Report.Param("department", ParamType.STRING, false, "市经信局", "部门名称（可用别名）"));
        assertThat(r.parameter("year").required()).isFalse();
        assertThat(r.parameter("year").defaultValue()).isNull();
        assertThat(r.parameter("phrase").defaultValue()).isEqualTo("a b; c");
        assertThat(r.parameter("no").required()).isTrue();
        assertThat(r.parameter("on").defaultValue()).isEqualTo(LocalDate.of(2023, 4, 20));
        assertThat(r.parameter("towns").defaultValue()).isEqualTo(List.of("当湖街道", "经开区"));
        assertThat(r.columns()).containsExactly(new Report.Column("no", "Integer", "任务序号"),
                new Report.Column("owners", "List<String>", "配合部门"));
        assertThat(r.query()).startsWith("MATCH (t:Task {no: $no})").endsWith("[] AS owners");
    }

    @Test
    void brokenHeadersAreReportedWithLineNumbers() {
        Report r = parse("""
                // @title 只有中文
                // @descripton typo
                // @param 1x String = a
                // @param year Integr = 2023
                // @param no Integer = fifty-two
                // @param n Integer = 1
                // @param n Integer = 2
                // @param format String = csv
                // @column no Int 序号
                MATCH (t:Task) WHERE t.no = $n OR t.no = $missing RETURN t.no AS no; RETURN 1 AS x
                """);
        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).containsExactly(
                "line 1: @title needs '中文标题 | English title'",
                "line 2: unknown tag @descripton (known: @title, @description, @param, @column)",
                "line 3: parameter name '1x' must be a Cypher identifier (letters, digits, _)",
                "line 4: parameter 'year' has unknown type 'Integr' (one of " + ParamType.labels() + ")",
                "line 5: default of 'no': expected a whole number (Integer), got text 'fifty-two'",
                "line 7: parameter 'n' declared twice",
                "line 8: parameter name 'format' is reserved",
                "line 9: column 'no' has unknown type 'Int' (one of Any, Boolean, Date, DateTime, Float, Integer, List, "
                        + "List<Any>, List<Float>, List<Integer>, List<String>, Map, Node, Number, Path, Relationship, String)",
                "header: missing '// @description ...'",
                "header: no '// @column name Type description' line",
                "query: one statement per report (a ';' separates statements)",
                "query: uses $missing but the header declares no '// @param missing Type ...'");
    }

    @Test
    void emptyFilesBadNamesUnusedParametersAndExplainAreErrors() {
        assertThat(parse("").errors()).contains("header: missing '// @title 中文标题 | English title'", "query: nothing after the header");
        Report unused = parse("""
                // @title 标题 | Title
                // @description d
                // @param x Integer = 1  unused
                // @column one Integer 一
                EXPLAIN RETURN 1 AS one
                """);
        assertThat(unused.errors()).containsExactly("query: must not start with EXPLAIN (the app plans the query itself)",
                "query: parameter 'x' is declared but never used as $x");
        assertThat(ReportParser.parse("bad name", Report.EXTERNAL, "t", "").errors())
                .contains("file name 'bad name.cypher': use letters, digits, '-' and '_' only");
        assertThat(ReportParser.parse("镇街分解_2023", Report.EXTERNAL, "t", "").errors())
                .noneMatch(e -> e.startsWith("file name"));
    }

    @Test
    void parameterValuesAreCheckedAndConverted() {
        assertThat(ParamType.INTEGER.convert(52)).isEqualTo(52L);
        assertThat(ParamType.INTEGER.convert("52")).isEqualTo(52L);
        assertThat(ParamType.INTEGER.convert(52.0)).isEqualTo(52L);
        assertThat(ParamType.FLOAT.convert("4.5")).isEqualTo(4.5);
        assertThat(ParamType.BOOLEAN.convert("是")).isEqualTo(true);
        assertThat(ParamType.LIST_OF_INTEGER.convert("1, 2|3")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(ParamType.LIST_OF_STRING.convert(List.of("a", "b"))).isEqualTo(List.of("a", "b"));
        assertThatThrownBy(() -> ParamType.INTEGER.convert(52.5)).hasMessage("expected a whole number (Integer), got number '52.5'");
        assertThatThrownBy(() -> ParamType.STRING.convert(5)).hasMessage("expected a text (String), got number '5'");
        assertThatThrownBy(() -> ParamType.BOOLEAN.convert("maybe")).hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> ParamType.DATE.convert("2023-13-01")).hasMessageContaining("expected a date YYYY-MM-DD");
        assertThatThrownBy(() -> ParamType.LIST_OF_INTEGER.convert(List.of(1, "x")))
                .hasMessage("item 2 of the list: expected a whole number (Integer), got text 'x'");
        assertThatThrownBy(() -> ParamType.STRING.convert(Map.of("a", 1))).hasMessageContaining("got object");
    }

    @Test
    void filesSavedAsGb18030OrWithBomAreRead() {
        String text = "// @title 标题 | Title\n";
        assertThat(ReportCatalog.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
        assertThat(ReportCatalog.decode(("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void codeOnlyBlanksCommentsStringsAndNames() {
        String q = "RETURN '$a;' AS `x;y`, \"b\\\"$c\" // $d;\n/* $e; */ $f, $`g h`";
        String code = ReportParser.codeOnly(q);
        assertThat(code).hasSameSizeAs(q).doesNotContain("$a", "$c", "$d", "$e", ";").contains("$f", "$`g h`");
    }
}
