package cn.clustergraph.programme;

import cn.clustergraph.cli.CliCommand;
import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.csv.ImportValidationException;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code import [--dir=PATH]}: validates and (re)loads the programme and chain maps; exit 1 with every problem listed. */
@Component
class ImportCommand implements CliCommand {

    private final ProgrammeImporter importer;
    private final ImportProperties props;

    ImportCommand(ProgrammeImporter importer, ImportProperties props) {
        this.importer = importer;
        this.props = props;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "[--clustergraph.import.dir=PATH]  validate and load programme/ and chains/ (default: the bundled data)";
    }

    @Override
    public int run(List<String> args) {
        try {
            var result = importer.load(props.source());
            System.out.println(result.summary());
            return result.verified() ? 0 : 1;
        } catch (ImportValidationException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
