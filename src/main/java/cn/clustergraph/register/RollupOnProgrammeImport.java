package cn.clustergraph.register;

import cn.clustergraph.importer.ProgrammeImportedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A programme reimport after startup may move segments between chains or clusters: recompute shares and rollups then.
 * (At startup the sample loader refreshes once after all loads.)
 */
@Component
class RollupOnProgrammeImport {

    private final RollupService rollups;
    private volatile boolean started;

    RollupOnProgrammeImport(RollupService rollups) {
        this.rollups = rollups;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        started = true;
    }

    @EventListener
    void imported(ProgrammeImportedEvent event) {
        if (started) {
            rollups.refreshAll();
        }
    }
}
