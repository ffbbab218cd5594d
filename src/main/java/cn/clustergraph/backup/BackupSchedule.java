package cn.clustergraph.backup;

import cn.clustergraph.audit.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/** Takes a backup by itself at the times of {@code clustergraph.backup.schedule} (web app only, not in a command). */
@Component
class BackupSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private final ThreadPoolTaskScheduler scheduler;

    BackupSchedule(BackupService backups, BackupProperties props, Environment env) {
        if (props.schedule().isBlank() || env.getProperty("clustergraph.cli.command") != null) {
            scheduler = null;
            return;
        }
        if (!CronExpression.isValidExpression(props.schedule())) {
            throw new IllegalStateException("clustergraph.backup.schedule (CLUSTERGRAPH_BACKUP_SCHEDULE) '" + props.schedule()
                    + "' is not a cron expression of six fields (second minute hour day month weekday), e.g. '0 30 2 * * *'");
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("backup-schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(() -> {
            try {
                backups.backup(new Actor(Actor.SYSTEM, "schedule"), "scheduled");
            } catch (RuntimeException e) {
                log.error("Scheduled backup failed: {}", e.getMessage(), e);
            }
        }, new CronTrigger(props.schedule()));
        log.info("Backups scheduled at '{}' into {}, keeping {}", props.schedule(), backups.dir(), props.keep());
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
