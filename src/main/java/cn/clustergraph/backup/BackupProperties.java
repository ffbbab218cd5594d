package cn.clustergraph.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where backups go, when they are taken by themselves and how many are kept ({@code clustergraph.backup.*}).
 *
 * @param dir          backup folder; empty = {@code backups/} next to the embedded store's folder ({@code data/backups}),
 *                     or {@code data/backups} with an external Neo4j
 * @param schedule     cron expression (Spring's six fields, e.g. {@code 0 30 2 * * *} = 02:30 every day); empty = no schedule
 * @param keep         backups kept in the folder; older ones are deleted after each new one ({@code 0} = keep all)
 * @param commitWait   how long closing the write gate waits for commits already under way before the backup gives up
 */
@ConfigurationProperties("clustergraph.backup")
record BackupProperties(@DefaultValue("") String dir, @DefaultValue("") String schedule, @DefaultValue("7") int keep,
                        @DefaultValue("60s") Duration commitWait) {
}
