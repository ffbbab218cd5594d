package cn.clustergraph.pipeline;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.account.AccountService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static cn.clustergraph.pipeline.PipelineUsers.COORD;
import static cn.clustergraph.pipeline.PipelineUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The 招商台账: XLSX export read back unchanged, a new row added as a lead, a broken workbook refused with the cell named. */
@GraphIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;

    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void users() {
        PipelineUsers.ensure(accounts);
    }

    byte[] export() {
        HttpResponse<byte[]> r = PipelineUsers.api(port, COORD).bytes("/api/leads/ledger?format=xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    record Answer(int status, JsonNode body) {
    }

    Answer upload(byte[] xlsx, boolean confirm) throws Exception {
        String boundary = "----ledger" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads/ledger?confirm=" + confirm))
                .header("Authorization", "Bearer " + Api.token(port, COORD, PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), json.readTree(r.body()));
    }

    long leads() {
        return client.query("MATCH (l:Lead) RETURN count(l)").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void theLedgerRoundTripsAndABrokenOneIsRejectedWithTheCellNamed() throws Exception {
        byte[] xlsx = export();
        int rows;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("台账");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号 (id)");
            assertThat(s.getRow(0).getCell(3).getStringCellValue()).isEqualTo("统一社会信用代码 (credit_code)");
            rows = s.getLastRowNum();
            assertThat(rows).isGreaterThanOrEqualTo(152);
        }
        long before = leads();
        // read back as it is: every row equals its lead, nothing new, nothing written
        Answer same = upload(xlsx, true);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().get("unchanged").asInt()).isEqualTo(rows);
        assertThat(same.body().get("added").asInt()).isZero();
        assertThat(leads()).isEqualTo(before);
        // a new row becomes a lead at its stated stage; previewed first, written on confirm
        byte[] withNew = edit(xlsx, s -> {
            Row r = s.createRow(s.getLastRowNum() + 1);
            r.createCell(2).setCellValue("平湖台账测试精密有限公司");
            r.createCell(4).setCellValue("光电通信");
            r.createCell(5).setCellValue("OPT-U03");
            r.createCell(6).setCellValue("展会");
            r.createCell(9).setCellValue("在谈");
            r.createCell(10).setCellValue("2026-06-01");
            r.createCell(13).setCellValue(8000);
            r.createCell(16).setCellValue(35);
        });
        Answer preview = upload(withNew, false);
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().get("added").asInt()).isEqualTo(1);
        assertThat(preview.body().get("written").asBoolean()).isFalse();
        assertThat(leads()).isEqualTo(before);
        Answer added = upload(withNew, true);
        assertThat(added.status()).isEqualTo(200);
        String id = added.body().get("newLeads").get(0).asString();
        JsonNode lead = PipelineUsers.api(port, COORD).get("/api/leads/" + id).json();
        assertThat(lead.get("stage").asString()).isEqualTo("在谈");
        assertThat(lead.get("stageDate").asString()).isEqualTo("2026-06-01");
        assertThat(lead.get("origin").asString()).isEqualTo("ledger");
        assertThat(lead.get("project").get("totalInvestment").asDouble()).isEqualTo(8000.0);
        assertThat(lead.get("project").get("landMu").asDouble()).isEqualTo(35.0);
        assertThat(leads()).isEqualTo(before + 1);
        // and the new export reads back unchanged too
        Answer again = upload(export(), false);
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(rows + 1);
        // broken: a bad credit code in a new row, and a changed figure of an existing lead → every cell named, nothing written
        byte[] broken = edit(xlsx, s -> {
            Row r = s.createRow(s.getLastRowNum() + 1);
            r.createCell(2).setCellValue("平湖台账坏码有限公司");
            r.createCell(3).setCellValue("91330482MA2B3C4D5X");
            r.createCell(4).setCellValue("光电通信");
            r.createCell(5).setCellValue("OPT-U03");
            s.getRow(2).createCell(16).setCellValue("很多");
        });
        Answer bad = upload(broken, true);
        assertThat(bad.status()).isEqualTo(400);
        String problems = bad.body().get("problems").toString();
        assertThat(problems).contains("台账.xlsx!台账").contains("\"line\":" + (rows + 2)).contains("D 统一社会信用代码 (credit_code)")
                .contains("\"line\":3").contains("Q 用地（亩） (land_mu)");
        assertThat(leads()).isEqualTo(before + 1);
    }

    interface SheetEdit {
        void apply(Sheet s);
    }

    static byte[] edit(byte[] xlsx, SheetEdit edit) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(wb.getSheet("台账"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
