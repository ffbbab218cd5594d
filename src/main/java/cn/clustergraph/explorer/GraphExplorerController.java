package cn.clustergraph.explorer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The graph explorer behind the UI's #/explore view: a node, and its neighbours capped per relationship type. */
@RestController
@RequestMapping("/api/graph")
@Tag(name = "graph", description = "图谱浏览")
class GraphExplorerController {

    private final GraphExplorerService service;

    GraphExplorerController(GraphExplorerService service) {
        this.service = service;
    }

    @GetMapping("/node")
    @Operation(summary = "One node by kind (label) and business key, with its clauses and degree per relationship type 节点")
    Map<String, Object> node(@RequestParam String kind, @RequestParam String id) {
        return service.node(kind, id);
    }

    @GetMapping("/neighbours")
    @Operation(summary = "A node and its neighbours, at most `limit` (default 25, ≤ 100) per relationship type; the rest counted in `truncated` 相邻节点")
    Map<String, Object> neighbours(@RequestParam String kind, @RequestParam String id, @RequestParam(required = false) Integer limit) {
        return service.neighbours(kind, id, limit);
    }

    @GetMapping("/supplies")
    @Operation(summary = "Segment SUPPLIES links touching a chain (within and across chains; assumed default maps) 环节供给关系")
    Map<String, Object> supplies(@RequestParam String chain) {
        return service.supplies(chain);
    }
}
