package cn.clustergraph.consistency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The document's contradictions, for analysts and the targets view. */
@RestController
@Tag(name = "consistency", description = "文件自相矛盾之处")
class ConsistencyController {

    private final ConsistencyService service;

    ConsistencyController(ConsistencyService service) {
        this.service = service;
    }

    @GetMapping("/api/consistency")
    @Operation(summary = "Every place the document contradicts itself, with the clauses involved 一致性检查")
    ConsistencyService.Report consistency() {
        return service.report();
    }
}
