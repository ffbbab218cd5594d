package cn.clustergraph.register;

import cn.clustergraph.programme.ProgrammeImportedEvent;
import cn.clustergraph.rollup.RollupService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A programme reimport after startup may move segments between chains or clusters: recompute the enterprises' output
 * shares and then the rollups when the import left the shares stale ({@link RollupService#markChainMapChanged}), else
 * only the rollups. (At startup the sample loader refreshes once after all loads.)
 */
@Component
class SharesOnProgrammeImport {

    private final RegisterImporter register;
    private final RollupService rollups;
    private volatile boolean started;

    SharesOnProgrammeImport(RegisterImporter register, RollupService rollups) {
        this.register = register;
        this.rollups = rollups;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        started = true;
    }

    @EventListener
    void imported(ProgrammeImportedEvent event) {
        if (!started) {
            return;
        }
        if (rollups.state().sharesStale()) {
            register.refreshDerivedValues();
        } else {
            rollups.refresh();
        }
    }
}
