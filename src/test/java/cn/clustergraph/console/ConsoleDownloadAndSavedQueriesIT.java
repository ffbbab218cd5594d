package cn.clustergraph.console;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.TestUsers;
import cn.clustergraph.account.AccountService;
import cn.clustergraph.account.Role;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's result downloads (through the shared export: BOM, formula neutralisation, workbook) and its saved
 * queries: per signed-in user, versioned, deleted as a new version, audited, and refused to viewers.
 */
@GraphIntegrationTest
class ConsoleDownloadAndSavedQueriesIT {

    private static final String PASSWORD = "t14-pass-9x!Q";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Neo4jClient client;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts, "t14-ana-a", PASSWORD, Role.ANALYST);
        TestUsers.ensure(accounts, "t14-ana-b", PASSWORD, Role.ANALYST);
        TestUsers.ensure(accounts, "t14-viewer", PASSWORD, Role.VIEWER);
    }

    private Api as(String user) {
        return new Api(port).as(Api.token(port, user, PASSWORD));
    }

    private HttpResponse<byte[]> download(String format, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(new Api(port).uri("/api/cypher?format=" + format))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(Api.signedIn(b, port).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aResultDownloadsAsCsvWithBomAndNeutralisedFormulasAndAsAWorkbook() throws Exception {
        String q = "{\"query\": \"MATCH (t:Task {no: $no})-[:LED_BY]->(d:Department) RETURN t.no AS no, d.name AS lead, '=1+2' AS formula\", \"params\": {\"no\": 52}}";
        HttpResponse<byte[]> csv = download("csv", q);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "query-result.csv");
        byte[] b = csv.body();
        assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly("no,lead,formula", "52,市金融发展服务中心,'=1+2");

        HttpResponse<byte[]> xlsx = download("xlsx", q);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("lead");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("市金融发展服务中心");
            assertThat(wb.getSheet("说明")).isNotNull();
        }
        // a write is still refused, and an unknown format is a 400 naming the parameter
        assertThat(download("csv", "{\"query\": \"CREATE (n:Hacked) RETURN n\"}").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> bad = download("pdf", q);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("format");
    }

    @Test
    void savedQueriesArePerUserVersionedDeletedAsAVersionAndAudited() {
        Api a = as("t14-ana-a");
        Api b = as("t14-ana-b");
        String name = "任务52 " + System.nanoTime();
        Api.Response first = a.post("/api/console/queries", "{\"name\": \"" + name + "\", \"query\": \"MATCH (t:Task {no: $no}) RETURN t\", \"params\": \"{\\\"no\\\": 52}\"}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        Api.Response second = a.post("/api/console/queries", "{\"name\": \"" + name + "\", \"query\": \"MATCH (t:Task {no: $no}) RETURN t.content\", \"params\": \"{\\\"no\\\": 52}\"}");
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        Api.Response mine = a.get("/api/console/queries");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("name")).containsOnlyOnce(name);
        assertThat(mine.body()).contains("RETURN t.content").doesNotContain("RETURN t\"");
        assertThat(b.get("/api/console/queries").body()).doesNotContain(name);
        String id = second.json().get("id").asString();
        assertThat(b.delete("/api/console/queries/" + id).status()).isEqualTo(404);

        assertThat(a.delete("/api/console/queries/" + id).status()).isEqualTo(204);
        assertThat(a.get("/api/console/queries").body()).doesNotContain(name);
        // nothing overwritten: three versions kept, the last one marks the deletion
        assertThat(client.query("MATCH (q:SavedQuery {owner: 't14-ana-a', name: $name}) RETURN count(q) AS n, max(q.version) AS v")
                .bind(name).to("name").fetch().one().orElseThrow()).containsEntry("n", 3L).containsEntry("v", 3L);
        assertThat(client.query("MATCH (e:AuditEvent {actor: 't14-ana-a'}) WHERE e.kind STARTS WITH 'console-query.' AND any(k IN e.keys WHERE k STARTS WITH 'SavedQuery:') RETURN collect(e.kind) AS kinds")
                .fetchAs(List.class).mappedBy((t, r) -> r.get("kinds").asList()).one().orElseThrow())
                .contains("console-query.save", "console-query.delete");

        // bad input is a 400 naming the field; viewers may not keep console queries
        Api.Response bad = a.post("/api/console/queries", "{\"name\": \"x\", \"query\": \"RETURN 1\", \"params\": \"[1]\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("params");
        assertThat(a.post("/api/console/queries", "{\"name\": \" \", \"query\": \"RETURN 1\"}").status()).isEqualTo(400);
        assertThat(as("t14-viewer").get("/api/console/queries").status()).isEqualTo(403);
    }
}
