package cn.clustergraph.console;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The analyst console's HTTP endpoint: read-only Cypher in, rows and plans as JSON out (see docs/console.md). */
@RestController
class CypherConsoleController {

    private final CypherConsole console;

    CypherConsoleController(CypherConsole console) {
        this.console = console;
    }

    /** Runs, explains or profiles one read-only Cypher statement; refusals and errors are problem+json. */
    @PostMapping(path = "/api/cypher", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run, explain or profile one read-only Cypher statement (analysts) 只读 Cypher 控制台：运行、解释或分析一条查询")
    CypherResponse cypher(@RequestBody CypherRequest request) {
        return console.execute(request);
    }
}
