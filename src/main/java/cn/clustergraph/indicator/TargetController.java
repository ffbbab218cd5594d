package cn.clustergraph.indicator;

import cn.clustergraph.indicator.TargetRecords.Contributors;
import cn.clustergraph.indicator.TargetRecords.TargetDetail;
import cn.clustergraph.indicator.TargetRecords.TargetItem;
import cn.clustergraph.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/targets")
@Tag(name = "targets")
class TargetController {

    private final TargetService service;

    TargetController(TargetService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Targets with current progress from the enterprises in the graph 目标及进度",
            description = "Filters: indicator id, measured (has a rule), year, primary, sample. 0-based page, size ≤ 200.")
    PageResult<TargetItem> list(@RequestParam(required = false) String indicator, @RequestParam(required = false) Boolean measured,
                                @RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean primary,
                                @RequestParam(required = false) Boolean sample, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return service.list(indicator, measured, year, primary, sample, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One target (or an indicator's primary latest target) with progress 目标详情及进度")
    TargetDetail get(@PathVariable String id) {
        return service.get(id);
    }

    @GetMapping("/{id}/contributors")
    @Operation(summary = "Enterprises feeding a target, largest contribution first 目标贡献企业",
            description = "id: a target id (A1-02-2027) or an indicator id (A1-02 → its primary latest city-wide target).")
    Contributors contributors(@PathVariable String id, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return service.contributors(id, page, size);
    }
}
