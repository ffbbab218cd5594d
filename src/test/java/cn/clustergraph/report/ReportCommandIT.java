package cn.clustergraph.report;

import cn.clustergraph.GraphIntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report NAME [--param.x=value ...] [--format=...] [--out=FILE]}, called on the command bean for cron-style use. */
@GraphIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReportCommandIT {

    @Autowired
    ReportCommand command;

    @Test
    void writesCsvToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a3-10.csv");
        int code = command.run(List.of("town-breakdown", "--param.indicator=A3-10", "--format=csv", "--out=" + out));
        assertThat(code).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("A3-10,“浙江制造”标准,项,全市,全市,5,5,\r\n").contains(",各镇合计,,12,");
    }

    @Test
    void formatFollowsTheFileExtensionAndXlsxOpens(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("责任清单.xlsx");
        assertThat(command.run(List.of("department-responsibility-sheet", "--param.department=市金融办", "--out=" + out))).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("部门责任清单");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("任务44");
        }
    }

    @Test
    void writesJsonToStdoutByDefault(CapturedOutput output) throws Exception {
        assertThat(command.run(List.of("task-provenance", "--param.no=52"))).isZero();
        assertThat(output.getOut()).contains("\"name\" : \"task-provenance\"")
                .contains("\"市金融发展服务中心\", \"人行平湖市支行\", \"嘉兴银保监分局平湖监管组\"");
    }

    @Test
    void listsReports(CapturedOutput output) throws Exception {
        assertThat(command.run(List.of("--list"))).isZero();
        assertThat(output.getOut()).contains("tasks-by-lead-department  牵头部门的任务 | Tasks by lead department  --param.department=市经信局");
    }

    @Test
    void usageErrorsExitWithTwo(CapturedOutput output) throws Exception {
        assertThat(command.run(List.of())).isEqualTo(2);
        assertThat(command.run(List.of("no-such-report"))).isEqualTo(2);
        assertThat(command.run(List.of("task-provenance", "--param.no=x"))).isEqualTo(2);
        assertThat(command.run(List.of("task-provenance", "--param.nr=52"))).isEqualTo(2);
        assertThat(command.run(List.of("task-provenance", "--format=pdf"))).isEqualTo(2);
        assertThat(output.getErr()).contains("report: which report? Give its name")
                .contains("report: No report named 'no-such-report'")
                .contains("report: Parameter 'no': expected a whole number (Integer), got text 'x'")
                .contains("report: Report 'task-provenance' has no parameter 'nr' (parameters: no)")
                .contains("usage: report NAME [--param.x=value ...]");
    }
}
