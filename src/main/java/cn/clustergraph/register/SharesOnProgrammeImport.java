package cn.clustergraph.register;

import cn.clustergraph.programme.ProgrammeImportedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A programme reimport after startup may move segments between chains or clusters: recompute the enterprises' output
 * shares and then the rollups. (At startup the sample loader refreshes once after all loads.)
 */
@Component
class SharesOnProgrammeImport {

    private final RegisterImporter register;
    private volatile boolean started;

    SharesOnProgrammeImport(RegisterImporter register) {
        this.register = register;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        started = true;
    }

    @EventListener
    void imported(ProgrammeImportedEvent event) {
        if (started) {
            register.refreshDerivedValues();
        }
    }
}
