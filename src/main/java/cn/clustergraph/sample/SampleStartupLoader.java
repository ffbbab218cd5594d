package cn.clustergraph.sample;

import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterProperties;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.rollup.RollupService;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the fictional sample register ({@code import/sample/}, dataset {@value RegisterImporter#SAMPLE}) on a first
 * start so the app is useful at once (and again when a load was killed midway: the rerun completes it), unless
 * {@code clustergraph.sample.enabled=false}; refreshes missing rollups.
 */
@Component
@Order(20)
class SampleStartupLoader implements StartupDataLoader {

    private final RegisterImporter importer;
    private final RollupService rollups;
    private final ImportProperties importProps;
    private final SampleProperties sample;
    private final RegisterProperties props;

    SampleStartupLoader(RegisterImporter importer, RollupService rollups, ImportProperties importProps, SampleProperties sample,
                        RegisterProperties props) {
        this.importer = importer;
        this.rollups = rollups;
        this.importProps = importProps;
        this.sample = sample;
        this.props = props;
    }

    @Override
    public String name() {
        return "sample-register";
    }

    @Override
    public String loadOnStartup() {
        String summary;
        if (!sample.enabled()) {
            summary = "disabled (clustergraph.sample.enabled=false)" + (importer.isLoaded(RegisterImporter.SAMPLE)
                    ? "; a sample loaded earlier is still in the graph, labelled — remove it with remove-register --dataset=" + RegisterImporter.SAMPLE : "");
        } else if (importer.isLoaded(RegisterImporter.SAMPLE) && !importer.incomplete().contains(RegisterImporter.SAMPLE)) {
            summary = "already loaded";
        } else if (importProps.source().read(sample.folder() + "/enterprises.csv") == null) {
            summary = "no sample register in " + importProps.source().describe() + " " + sample.folder() + "/";
        } else {
            return importer.load(new RegisterSource.Bundled(importProps.source(), sample.folder()), RegisterImporter.SAMPLE).summary();
        }
        if (props.rollupOnStartup() && rollups.missing()) {
            summary += "; rollups refreshed in " + rollups.refresh() + " ms";
        }
        return summary;
    }
}
