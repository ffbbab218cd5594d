package cn.clustergraph.indicator;

import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the honour vocabulary, target rules and chain services after the programme (same setting as the programme:
 * {@code clustergraph.import.on-startup}).
 */
@Component
@Order(15)
class RulesStartupLoader implements StartupDataLoader {

    private final RulesImporter importer;
    private final ImportProperties props;

    RulesStartupLoader(RulesImporter importer, ImportProperties props) {
        this.importer = importer;
        this.props = props;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String loadOnStartup() {
        return props.loadOnStartup(importer::isLoaded, importer::load);
    }
}
