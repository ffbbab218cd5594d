package cn.clustergraph.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class CsvStreamTest {

    private static List<CsvTable.Row> read(byte[] bytes, ImportProblems p) {
        List<CsvTable.Row> rows = new ArrayList<>();
        try (CsvStream s = CsvStream.open("t.csv", () -> new ByteArrayInputStream(bytes), p, UnaryOperator.identity())) {
            s.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void readsGb18030AndUtf8WithBomAndKeepsPhysicalLines() {
        String text = "名称,说明\n平湖某某光电有限公司,\"两行\n说明\"\n\n嘉兴,\"含,逗号和\"\"引号\"\"\"\n";
        ImportProblems p = new ImportProblems();
        List<CsvTable.Row> gb = read(text.getBytes(Charset.forName("GB18030")), p);
        byte[] utf = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        List<CsvTable.Row> bom = read(utf, p);
        assertThat(p.isEmpty()).isTrue();
        for (List<CsvTable.Row> rows : List.of(gb, bom)) {
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("名称")).isEqualTo("平湖某某光电有限公司");
            assertThat(rows.get(0).get("说明")).isEqualTo("两行\n说明");
            assertThat(rows.get(1).line()).isEqualTo(5);
            assertThat(rows.get(1).get("说明")).isEqualTo("含,逗号和\"引号\"");
        }
    }

    @Test
    void reportsBrokenRowsWithTheirLine() {
        ImportProblems p = new ImportProblems();
        List<CsvTable.Row> rows = read("a,b\n1,2\n3\n4,\"open\n".getBytes(StandardCharsets.UTF_8), p);
        assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2, 4);
        assertThat(p.list()).extracting(Object::toString).containsExactly("t.csv:3: has 1 cells, the header has 2",
                "t.csv:4: quoted cell is never closed");
    }
}
