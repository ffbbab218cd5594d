package cn.clustergraph.importer;

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
        return switch (props.onStartup()) {
            case "never" -> "skipped (clustergraph.import.on-startup=never)";
            case "always" -> importer.load(props.source()).summary();
            case "if-empty" -> importer.isLoaded() ? "already loaded" : importer.load(props.source()).summary();
            default -> throw new IllegalStateException("clustergraph.import.on-startup must be if-empty, always or never, not '"
                    + props.onStartup() + "'");
        };
    }
}
