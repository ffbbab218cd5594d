package cn.clustergraph.backup;

import cn.clustergraph.GraphIntegrationTest;
import cn.clustergraph.audit.AuditService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup schedule on the running app's graph: every second here (a six-field cron), keeping two — it takes backups
 * by itself (audited as the system) and deletes the older ones beyond the retention; a cron of five fields stops the start
 * with the setting's name.
 */
@GraphIntegrationTest
class BackupScheduleIT {

    @Autowired
    Driver driver;

    @Autowired
    ObjectProvider<WriteGate> gate;

    @Autowired
    AuditService audit;

    @Autowired
    Environment env;

    @Autowired
    Neo4jClient client;

    @TempDir
    Path tmp;

    private long scheduledBackups() {
        return client.query("MATCH (e:AuditEvent {kind: 'backup.create'}) WHERE any(k IN e.keys WHERE k ENDS WITH '-scheduled"
                + BackupService.SUFFIX + "' OR k CONTAINS '-scheduled-') RETURN count(e)").fetchAs(Long.class).one().orElseThrow();
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aScheduleTakesBackupsByItselfAndKeepsOnlyTheNewest() throws Exception {
        BackupProperties props = new BackupProperties(tmp.toString(), "* * * * * *", 2, Duration.ofSeconds(60));
        BackupService backups = new BackupService(driver, props, gate, audit, env);
        long before = scheduledBackups();
        BackupSchedule schedule = new BackupSchedule(backups, props, env);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (scheduledBackups() - before < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            schedule.destroy();
        }
        assertThat(scheduledBackups() - before).as("three scheduled backups ran").isGreaterThanOrEqualTo(3);
        Thread.sleep(1500); // one that was under way when the schedule stopped finishes, with its retention
        assertThat(files()).as("retention 2: the older ones are deleted").hasSize(2)
                .allMatch(n -> n.contains("-scheduled") && n.endsWith(BackupService.SUFFIX));
        assertThat(backups.list()).extracting(BackupService.BackupFile::name).containsExactlyElementsOf(files().reversed());
        // each one is a whole backup the restore accepts
        GraphRestore.Contents c = GraphRestore.check(tmp.resolve(files().getLast()));
        assertThat(c.nodes()).isPositive();
        assertThat(c.header().get("by")).isEqualTo("system");
    }

    @Test
    void aCronOfFiveFieldsIsRefusedWithTheSettingsName() {
        BackupProperties props = new BackupProperties(tmp.toString(), "30 2 * * *", 2, Duration.ofSeconds(60));
        BackupService backups = new BackupService(driver, props, gate, audit, env);
        assertThatThrownBy(() -> new BackupSchedule(backups, props, env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clustergraph.backup.schedule").hasMessageContaining("six fields");
    }
}
