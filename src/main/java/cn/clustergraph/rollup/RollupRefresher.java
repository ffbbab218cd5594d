package cn.clustergraph.rollup;

import cn.clustergraph.importer.ProgrammeImportedEvent;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Refreshes the rollups once the startup loads are done (before readiness) and after every later import. */
@Component
@Order(90)
class RollupRefresher implements StartupDataLoader {

    private final RollupService rollups;
    private volatile boolean started;

    RollupRefresher(RollupService rollups) {
        this.rollups = rollups;
    }

    @Override
    public String name() {
        return "rollups";
    }

    @Override
    public String loadOnStartup() {
        rollups.refresh();
        started = true;
        return "refreshed";
    }

    @EventListener
    void afterImport(ProgrammeImportedEvent event) {
        // During startup the loader above refreshes once after all loads; afterwards every import refreshes.
        if (started) {
            rollups.refresh();
        }
    }
}
