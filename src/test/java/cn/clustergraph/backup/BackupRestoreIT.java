package cn.clustergraph.backup;

import cn.clustergraph.Api;
import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.neo4j.EmbeddedNeo4j;
import cn.clustergraph.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup → restore into a fresh store → the same graph: counts per label and relationship type and the property
 * checksum, the schema, and the things users wrote (accounts with their hashes, plans, the audit trail); a damaged file
 * is refused before anything is written; the write gate really pauses a concurrent write.
 */
@GraphIntegrationTest
class BackupRestoreIT {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    Neo4jClient client;

    @Autowired
    WriteGate gate;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() {
        client.query("MATCH (n) WHERE n:BackupProbe OR n:GateProbe DETACH DELETE n").run();
    }

    private EmbeddedNeo4j freshStore(String name) {
        return EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(true, tmp.resolve(name), 0, "127.0.0.1", false, "64m", "1 files", "0s"),
                "neo4j", "");
    }

    @Test
    void aBackupRestoredIntoAFreshStoreIsTheSameGraph() throws Exception {
        Api api = new Api(port);
        // things people write, so the backup is more than the imported data: an account, a plan by the lead department
        assertThat(api.post("/api/admin/users", "{\"username\":\"backup-dept\",\"password\":\"backup-pass-9x!\",\"roles\":[\"DEPARTMENT\"],"
                + "\"department\":\"经信局\"}").status()).isEqualTo(201);
        assertThat(api.as(Api.token(port, "backup-dept", "backup-pass-9x!")).post("/api/tasks/8/plans", "{\"year\":2026,\"milestones\":[{\"text\":\"备份测试里程碑\",\"dueQuarter\":2,"
                + "\"quantity\":3,\"unit\":\"个\"}],\"note\":\"backup test\"}").status()).isEqualTo(201);
        // every kind of property value a future feature might write
        client.query("""
                CREATE (:BackupProbe:Second {text: '平湖 "quoted" \\n line', i: 42, big: 9007199254740993, f: 1.0, neg0: -0.0, third: 0.1 + 0.2,
                        b: true, d: date('2026-12-07'), dt: datetime('2026-12-07T10:15:30.123456789+08:00'),
                        zoned: datetime({year: 2026, month: 3, day: 1, hour: 8, timezone: 'Asia/Shanghai'}),
                        ldt: localdatetime('2026-12-07T10:15:30'), t: time('10:15:30+08:00'), lt: localtime('10:15:30.5'),
                        dur: duration('P1Y2M3DT4H5M6.007S'), pt: point({x: 1.5, y: -2.25}), geo: point({longitude: 121.0, latitude: 30.7}),
                        pt3: point({x: 1, y: 2, z: 3}), il: [1, 2, 3], fl: [1.5, 2.0], sl: ['甲', '乙'], bl: [true, false],
                        dl: [date('2024-01-01'), date('2025-01-01')]})-[:PROBE_LINK {w: 0.5, at: datetime('2026-01-01T00:00:00Z')}]->(:BackupProbe {text: 'end'})""")
                .run();
        GraphFingerprint before = GraphFingerprint.of(driver);
        assertThat(before.labels()).containsEntry("Task", 62L).containsKey("User").containsKey("AuditEvent").containsKey("SchemaMigration")
                .containsEntry("BackupProbe", 2L);
        List<String> schemaBefore = GraphDump.schema(driver);

        Api.Response r = api.post("/api/admin/backups", "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("nodes").asLong()).isEqualTo(before.nodes());
        assertThat(r.json().get("relationships").asLong()).isEqualTo(before.relationships());
        assertThat(r.json().get("checksum").asString()).as("the dump's own fingerprint is the graph's").isEqualTo(before.checksum());
        assertThat(r.json().get("guarantee").asString()).startsWith("consistent: writes paused");
        String name = r.json().get("name").asString();
        assertThat(api.get("/api/admin/backups").json().get("backups").toString()).contains(name);
        assertThat(api.get("/api/audit?kind=backup.create").json().get("items").toString()).contains(name);

        // download through the API, restore that copy into a fresh store
        HttpResponse<byte[]> download = api.bytes("/api/admin/backups/" + name);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains(name);
        Path file = tmp.resolve(name);
        Files.write(file, download.body());
        assertThat(api.get("/api/audit?kind=backup.download").json().get("items").toString()).contains(name);

        try (EmbeddedNeo4j fresh = freshStore("fresh");
             Driver other = GraphDatabase.driver(fresh.boltUri(), AuthTokens.none())) {
            GraphRestore.Summary s = GraphRestore.restore(other, file, m -> { });
            assertThat(s.identical()).as("restore's own comparison: %s vs %s", s.expected(), s.actual()).isTrue();
            GraphFingerprint after = GraphFingerprint.of(other);
            assertThat(after.labels()).isEqualTo(before.labels());
            assertThat(after.types()).isEqualTo(before.types());
            assertThat(after.checksum()).isEqualTo(before.checksum());
            assertThat(after).isEqualTo(before);
            assertThat(GraphDump.schema(other)).containsExactlyInAnyOrderElementsOf(schemaBefore);
            try (Session a = driver.session(); Session b = other.session()) {
                String probe = "MATCH (p:BackupProbe) WHERE p.i = 42 RETURN p.dt = datetime('2026-12-07T10:15:30.123456789+08:00') AS dt,"
                        + " p.zoned AS zoned, p.big AS big, p.f AS f, p.dur AS dur, p.geo AS geo, valueType(p.fl) AS fl, valueType(p.i) AS it";
                assertThat(b.run(probe).single().asMap()).isEqualTo(a.run(probe).single().asMap());
                assertThat(b.run("MATCH (p:BackupProbe {i: 42}) RETURN valueType(p.f) AS t, p.big AS big").single().asMap())
                        .isEqualTo(Map.of("t", "FLOAT NOT NULL", "big", 9007199254740993L));
                String users = "MATCH (u:User) RETURN u.username AS u, u.passwordHash AS h ORDER BY u";
                assertThat(b.run(users).list(x -> x.asMap())).isEqualTo(a.run(users).list(x -> x.asMap()));
                String plan = "MATCH (t:Task {no: 8})--(p) WHERE any(l IN labels(p) WHERE l CONTAINS 'Plan') RETURN count(p) AS n";
                assertThat(b.run(plan).single().get("n").asLong()).isPositive().isEqualTo(a.run(plan).single().get("n").asLong());
                assertThat(b.run("MATCH (n:_CgRestore) RETURN count(n) AS n").single().get("n").asLong()).as("no restore markers left").isZero();
                assertThat(b.run("SHOW INDEXES YIELD name WHERE name = 'cg_restore_id' RETURN count(*) AS n").single().get("n").asLong()).isZero();
            }

            // a backup cut short is refused, and the graph it would replace is untouched
            Path cut = tmp.resolve("cut" + BackupService.SUFFIX);
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(cut)) {
                out.write(in.readNBytes((int) (Files.size(file) * 2 / 3)));
            }
            assertThatThrownBy(() -> GraphRestore.restore(other, cut, m -> { }))
                    .isInstanceOf(GraphRestore.BackupFileException.class)
                    .hasMessageContaining("cut" + BackupService.SUFFIX + " line ")
                    .hasMessageContaining("damaged or cut short");
            assertThat(GraphFingerprint.of(other)).isEqualTo(before);

            // restoring over a graph that holds data, constraints and indexes replaces all of it
            try (Session leftover = other.session()) {
                leftover.run("CREATE (:Leftover {x: 1})").consume();
            }
            GraphRestore.Summary again = GraphRestore.restore(other, file, m -> { });
            assertThat(again.identical()).isTrue();
            assertThat(GraphFingerprint.of(other)).isEqualTo(before);
            assertThat(GraphDump.schema(other)).containsExactlyInAnyOrderElementsOf(schemaBefore);
        }
    }

    @Test
    void theWriteGatePausesAWriteUntilTheBackupHasRead() throws Exception {
        gate.close(java.time.Duration.ofSeconds(10));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Session s = driver.session()) {
                s.executeWriteWithoutResult(tx -> tx.run("CREATE (:GateProbe {at: datetime()})").consume());
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        try {
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (gate.waiting() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gate.waiting()).as("the write reached the gate").isEqualTo(1);
            assertThat(client.query("MATCH (n:GateProbe) RETURN count(n)").fetchAs(Long.class).one()).contains(0L);
            assertThat(writer.isAlive()).isTrue();
        } finally {
            gate.open();
        }
        writer.join(20_000);
        assertThat(failed.get()).isNull();
        assertThat(client.query("MATCH (n:GateProbe) RETURN count(n)").fetchAs(Long.class).one()).as("committed once the gate opened").contains(1L);
    }

    @Autowired
    cn.clustergraph.register.RegisterImporter registers;

    @Test
    void theRegisterExportIsInTheImportFormatAndLoadsBackToTheSameGraph() throws Exception {
        Path first = tmp.resolve("export-1");
        Map<String, Map<String, Integer>> counts = RegisterExport.write(driver, first);
        // the sample register: 420 local enterprises and 60 candidates elsewhere
        assertThat(counts).containsKey("sample-register");
        assertThat(counts.get("sample-register")).containsEntry("enterprises.csv", 480).containsEntry("dataset.csv", 1);
        assertThat(Files.readAllLines(first.resolve("sample-register/enterprises.csv")).getFirst())
                .isEqualTo("credit_code,name,aliases,local,town,region,platforms,scale,chain_leader,segments");
        GraphFingerprint before = GraphFingerprint.of(driver);
        var summary = registers.load(cn.clustergraph.register.RegisterSource.of(first.resolve("sample-register")), "sample-register");
        assertThat(summary.summary()).doesNotContain("problem");
        GraphFingerprint after = GraphFingerprint.of(driver);
        java.util.Map<String, Long> expected = new java.util.TreeMap<>(before.labels());
        expected.merge("AuditEvent", 1L, Long::sum); // the import's own audit event, nothing else
        assertThat(after.labels()).isEqualTo(expected);
        assertThat(after.types()).isEqualTo(before.types());
        // and exporting again gives the same files, byte for byte
        Path second = tmp.resolve("export-2");
        RegisterExport.write(driver, second);
        for (String f : List.of("dataset.csv", "enterprises.csv", "figures.csv", "honours.csv", "supply_links.csv", "targets.csv")) {
            assertThat(Files.readString(second.resolve("sample-register").resolve(f)))
                    .as(f).isEqualTo(Files.readString(first.resolve("sample-register").resolve(f)));
        }
    }

    @Test
    void onlyAdminsTakeOrFetchBackups() {
        assertThat(Api.anonymous(port).post("/api/admin/backups", "").status()).isEqualTo(401);
        assertThat(new Api(port).get("/api/admin/backups/..%2F..%2Fneo4j%2Fbolt-password.txt").status()).isIn(400, 404);
        assertThat(new Api(port).get("/api/admin/backups/cluster-graph-20260101-000000-manual.backup.jsonl.gz").status()).isEqualTo(404);
    }
}
