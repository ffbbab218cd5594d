package cn.clustergraph.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;

/** Indicators (附件1, 附件3, and the main text's goals) with targets, and towns with their 2023 shares. */
@RestController
@RequestMapping("/api")
@Tag(name = "indicators", description = "指标、目标与镇（街道）分解")
class IndicatorController {

    private final IndicatorService service;

    IndicatorController(IndicatorService service) {
        this.service = service;
    }

    @GetMapping("/indicators")
    @Operation(summary = "指标列表：文件中的指标及其市级目标（样例链规划指标仅在 sample=true 时列出） · Indicators of the document with their "
            + "primary city-level targets; q filters by name, origin by 附件1/附件3/正文; sample=true adds the sample chain-plan indicators")
    Collection<IndicatorViews.IndicatorSummary> indicators(@RequestParam(required = false) String q,
                                                           @RequestParam(required = false) String origin,
                                                           @RequestParam(required = false) Boolean sample) {
        return service.list(q, origin, sample);
    }

    @GetMapping("/indicators/{id}")
    @Operation(summary = "One indicator: departments, every target statement with its clause, town breakdown 指标详情")
    IndicatorViews.IndicatorDetail indicator(@PathVariable String id) {
        return service.detail(id);
    }

    @GetMapping("/towns")
    @Operation(summary = "The eight towns/streets/zones of 附件3 镇（街道）")
    Collection<IndicatorViews.TownSummary> towns() {
        return service.towns();
    }

    @GetMapping("/towns/{name}")
    @Operation(summary = "A town's 2023 targets (附件3), by name or alias 镇（街道）目标")
    IndicatorViews.TownDetail town(@PathVariable String name) {
        return service.town(name);
    }
}
