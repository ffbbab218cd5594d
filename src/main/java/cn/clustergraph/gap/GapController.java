package cn.clustergraph.gap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chain gaps, the city matrix and the 重点招商对象清单 for investment-promotion staff. */
@RestController
@Tag(name = "gaps", description = "缺链补链与招商对象")
class GapController {

    private final GapService service;

    GapController(GapService service) {
        this.service = service;
    }

    @GetMapping("/api/chains/{name}/gaps")
    @Operation(summary = "Segments of a chain with status (缺链/弱链/有链), figures, reasons and 补链/延链 signals, by priority 产业链缺链分析")
    GapViews.ChainGaps chainGaps(@PathVariable String name) {
        return service.chainGaps(name);
    }

    @GetMapping("/api/gaps")
    @Operation(summary = "City-wide matrix chains × stages with statuses 全市缺链矩阵")
    GapViews.Matrix matrix() {
        return service.matrix();
    }

    @GetMapping("/api/chains/{name}/investment-targets")
    @Operation(summary = "Ranked non-local candidates for the chain's gap segments, with reasons 重点招商对象清单")
    GapViews.InvestmentTargets investmentTargets(@PathVariable String name, @RequestParam(required = false) String segment) {
        return service.investmentTargets(name, segment);
    }
}
