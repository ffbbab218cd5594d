package cn.clustergraph.enterprise;

import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseDetail;
import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseItem;
import cn.clustergraph.enterprise.EnterpriseRecords.EnterpriseTargets;
import cn.clustergraph.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "enterprises")
class EnterpriseController {

    private final EnterpriseService service;

    EnterpriseController(EnterpriseService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Enterprises, largest latest output first 企业列表",
            description = "Filters (names, ids or aliases): chain, segment, town, platform, honour, local, sample, q (name, alias or "
                    + "credit code). 0-based page, size ≤ 200; order: output DESC, id.")
    PageResult<EnterpriseItem> list(@RequestParam(required = false) String chain, @RequestParam(required = false) String segment,
                                    @RequestParam(required = false) String town, @RequestParam(required = false) String platform,
                                    @RequestParam(required = false) String honour, @RequestParam(required = false) Boolean local,
                                    @RequestParam(required = false) Boolean sample, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.list(new EnterpriseService.Filter(chain, segment, town, platform, honour, local, sample, q), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enterprise: figures by year, segments, honours, platforms, suppliers and customers 企业详情")
    EnterpriseDetail get(@PathVariable String id) {
        return service.get(id);
    }

    @GetMapping("/{id}/targets")
    @Operation(summary = "Every target the enterprise feeds, how much, and the path 企业→环节→链→群→指标 or 企业→荣誉→指标")
    EnterpriseTargets targets(@PathVariable String id) {
        return service.targets(id);
    }
}
