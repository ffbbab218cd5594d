package cn.clustergraph.chain;

import cn.clustergraph.chain.ChainRecords.ChainItem;
import cn.clustergraph.chain.ChainRecords.ChainView;
import cn.clustergraph.chain.ChainRecords.ClusterItem;
import cn.clustergraph.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "chains")
class ChainController {

    private final ChainService service;

    ChainController(ChainService service) {
        this.service = service;
    }

    @GetMapping("/clusters")
    @Operation(summary = "The four clusters (assumed grouping) with their chains and rollups 四群")
    PageResult<ClusterItem> clusters(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.clusters(page, size);
    }

    @GetMapping("/chains")
    @Operation(summary = "The eight chains with cluster, gaps and rollups 八链")
    PageResult<ChainItem> chains(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.chains(page, size);
    }

    @GetMapping("/chains/{name}")
    @Operation(summary = "The chain leader's view of one chain 链长视图",
            description = "name: chain name, alias (C3, 光电 …) or English name. Segments by stage with their largest local enterprises "
                    + "(top, default 10, max 50) and candidates elsewhere, 链主, 十个一 items, platforms and institutes serving it, tasks "
                    + "that concern it with lead department, honours, and targets with current progress.")
    ChainView chain(@PathVariable String name, @RequestParam(required = false) Integer top) {
        return service.chain(name, top);
    }
}
