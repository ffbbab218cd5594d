package cn.clustergraph.programme;

import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.startup.StartupDataLoader;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the programme document and chain maps at startup when the graph has none (or always/never, by setting). */
@Component
@Order(10)
class ProgrammeStartupLoader implements StartupDataLoader {

    private final ProgrammeImporter importer;
    private final ImportProperties props;

    ProgrammeStartupLoader(ProgrammeImporter importer, ImportProperties props) {
        this.importer = importer;
        this.props = props;
    }

    @Override
    public String name() {
        return "programme";
    }

    @Override
    public String loadOnStartup() {
        return props.loadOnStartup(importer::isLoaded, source -> importer.load(source).summary());
    }
}
