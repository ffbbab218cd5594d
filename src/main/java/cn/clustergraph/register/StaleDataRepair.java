package cn.clustergraph.register;

import cn.clustergraph.rollup.RollupService;
import cn.clustergraph.startup.StartupDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Repairs at startup, before the app reports ready, what a crash between a write and its follow-up left out of date: the
 * rollups when the data's generation moved past theirs, the enterprises' derived values when the chain map changed after
 * they were computed; and names the registers whose load did not finish.
 */
@Component
@Order(25)
class StaleDataRepair implements StartupDataLoader {

    private static final Logger log = LoggerFactory.getLogger(StaleDataRepair.class);

    private final RollupService rollups;
    private final RegisterImporter importer;
    private final RegisterProperties props;

    StaleDataRepair(RollupService rollups, RegisterImporter importer, RegisterProperties props) {
        this.rollups = rollups;
        this.importer = importer;
        this.props = props;
    }

    @Override
    public String name() {
        return "stale-data";
    }

    @Override
    public String loadOnStartup() {
        RollupService.State state = rollups.state();
        String summary;
        if (state.sharesStale()) {
            log.warn("The chain map changed after the enterprises' output shares were computed (generation {} > {}): recomputing them and the rollups",
                    state.sharesGeneration(), state.sharesDoneGeneration());
            summary = "derived values and rollups recomputed in " + importer.refreshDerivedValues() + " ms";
        } else if (state.stale() && !props.rollupOnStartup()) {
            // a command that refreshes them itself when it is done (offline-import, restore): not twice
            summary = "rollups out of date (data generation " + state.dataGeneration() + ", rollups of " + state.rollupGeneration()
                    + "), left to the command that follows (clustergraph.register.rollup-on-startup=false); reads aggregate live meanwhile";
        } else if (state.stale()) {
            log.warn("Rollups out of date (data generation {}, rollups of {}): refreshing them before the app reports ready",
                    state.dataGeneration(), state.rollupGeneration());
            summary = "stale rollups refreshed in " + rollups.refresh() + " ms";
        } else {
            summary = "rollups up to date (generation " + state.dataGeneration() + ")";
        }
        List<String> incomplete = importer.incomplete();
        if (!incomplete.isEmpty()) {
            log.warn("Registers whose load did not finish: {} — reads say so; rerun import-register to complete, or remove-register", incomplete);
            summary += "; incomplete registers " + incomplete;
        }
        return summary;
    }
}
