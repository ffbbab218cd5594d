package cn.clustergraph.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV and XLSX output that Excel/WPS open correctly with Chinese text, without a Spring context. */
class TableExportTest {

    static final List<String> COLUMNS = List.of("no", "department", "content", "value", "owners", "when");
    static final List<List<Object>> ROWS = List.of(
            Arrays.asList(52L, "市金融发展服务中心", "稳步提升制造业中长期贷款占比，力争每年新增 20 亿元以上, \"亩均优享贷\"\n第二行", 118.0,
                    List.of("市金融发展服务中心", "人行平湖市支行"), LocalDate.of(2023, 4, 20)),
            Arrays.asList(7L, "=HYPERLINK(\"http://x\")", "-", 0.015, List.of(), null));

    @Test
    void csvHasBomCrlfAndRfc4180Quoting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(COLUMNS, ROWS, out);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("no,department,content,value,owners,when\r\n");
        assertThat(text).contains("52,市金融发展服务中心,\"稳步提升制造业中长期贷款占比，力争每年新增 20 亿元以上, \"\"亩均优享贷\"\"\n第二行\",118,"
                + "市金融发展服务中心|人行平湖市支行,2023-04-20\r\n");
        // A formula is defused; a lone "-" (a text-only target in 附件3) and numbers are kept as they are.
        assertThat(text).endsWith("7,\"'=HYPERLINK(\"\"http://x\"\")\",-,0.015,,\r\n");
    }

    @Test
    void cellTextOfNumbersListsAndMaps() {
        assertThat(TableExport.text(2800.0)).isEqualTo("2800");
        assertThat(TableExport.text(117.99999999999999)).isEqualTo("117.99999999999999");
        assertThat(TableExport.text(null)).isEmpty();
        assertThat(TableExport.text(List.of(1L, 2L))).isEqualTo("1|2");
        assertThat(TableExport.text(Map.of("labels", List.of("Task"))))
                .isEqualTo("{\"labels\":[\"Task\"]}");
        assertThat(TableExport.defuseFormula("-5")).isEqualTo("-5");
        assertThat(TableExport.defuseFormula("+1")).isEqualTo("'+1");
        assertThat(TableExport.defuseFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void contentDispositionCarriesTheChineseNameAsRfc5987() {
        assertThat(TableExport.attachment("指标的镇街分解.csv", "town-breakdown.csv"))
                .isEqualTo("attachment; filename=\"town-breakdown.csv\"; filename*=UTF-8''"
                        + "%E6%8C%87%E6%A0%87%E7%9A%84%E9%95%87%E8%A1%97%E5%88%86%E8%A7%A3.csv");
        assertThat(TableExport.attachment("部门 清单.xlsx")).startsWith("attachment; filename=\"export.xlsx\"; filename*=UTF-8''")
                .endsWith("%20%E6%B8%85%E5%8D%95.xlsx");
    }

    @Test
    void xlsxHasBoldFrozenFilteredHeaderTypedCellsWidthsAndAnAboutSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.xlsx("部门责任清单: 市经信局/2027 [全部]", COLUMNS, ROWS, List.of(List.of("报表 Report", "部门责任清单")), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("部门责任清单  市经信局 2027  全部 ");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("department");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F3");
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(118.0);
            assertThat(sheet.getRow(1).getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 4, 20));
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("市金融发展服务中心|人行平湖市支行");
            // A formula-like text stays a text cell in a workbook.
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            // Chinese text counts double: "市金融发展服务中心|人行平湖市支行" needs 9×2 + 1 + 7×2 = 33 columns; capped at 60.
            assertThat(sheet.getColumnWidth(4)).isEqualTo((33 + 2) * 256);
            assertThat(sheet.getColumnWidth(2)).isEqualTo((60 + 2) * 256);
            assertThat(sheet.getColumnWidth(0)).isEqualTo((6 + 2) * 256);
            assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("说明");
            assertThat(wb.getSheetAt(1).getRow(0).getCell(1).getStringCellValue()).isEqualTo("部门责任清单");
        }
    }

    /** OWASP CSV injection: the names of the drill, as plain values, inside lists, and in a workbook. */
    static final List<String> INJECTIONS = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1");

    @Test
    void everyFormulaLikeTextIsNeutralisedInCsvAlsoInsideListsAndInXlsx() throws Exception {
        List<List<Object>> rows = INJECTIONS.stream().map(s -> List.<Object>of(s, List.of(s, "x"), 1.5)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.csv(List.of("name", "aliases", "n"), rows, out);
        byte[] csv = out.toByteArray();
        var problems = new cn.clustergraph.csv.ImportProblems();
        try (var read = cn.clustergraph.csv.CsvStream.open("export.csv", () -> new ByteArrayInputStream(csv), problems, h -> h)) {
            for (int i = 0; i < INJECTIONS.size(); i++) {
                var row = read.next();
                assertThat(row.get("name")).as("row %s", i).isEqualTo("'" + INJECTIONS.get(i));
                assertThat(row.get("aliases")).as("list cell of row %s", i).isEqualTo("'" + INJECTIONS.get(i) + "|x");
            }
        }
        assertThat(problems.isEmpty()).isTrue();
        assertThat(TableExport.formulaLike("-5")).isFalse();
        assertThat(TableExport.formulaLike("平湖")).isFalse();

        ByteArrayOutputStream book = new ByteArrayOutputStream();
        TableExport.xlsx("names", List.of("name", "aliases", "n"), rows, List.of(List.of("参数", INJECTIONS.getFirst())), book);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int i = 0; i < INJECTIONS.size(); i++) {
                var cell = sheet.getRow(i + 1).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(INJECTIONS.get(i));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("row %s quote-prefixed", i).isTrue();
                assertThat(sheet.getRow(i + 1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(wb.getSheetAt(1).getRow(0).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }
}
