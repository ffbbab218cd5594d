package cn.clustergraph.programme;

import cn.clustergraph.csv.ImportProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoint to rerun the programme import on demand (idempotent). */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin")
class ImportController {

    private final ProgrammeImporter importer;
    private final ImportProperties props;

    ImportController(ProgrammeImporter importer, ImportProperties props) {
        this.importer = importer;
        this.props = props;
    }

    @PostMapping("/import")
    @Operation(summary = "Validate and reload programme/ and chains/ 重新导入方案数据")
    ProgrammeImporter.Result reimport() {
        return importer.load(props.source());
    }
}
