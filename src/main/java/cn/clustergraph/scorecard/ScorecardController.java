package cn.clustergraph.scorecard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/scorecards/towns}, {@code /api/scorecards/departments}: 考核评价 per quarter with the points behind each score. */
@RestController
@Tag(name = "tracking")
class ScorecardController {

    private final ScorecardService scorecards;

    ScorecardController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/api/scorecards/towns")
    @Operation(summary = "Towns' scorecard of a quarter (附件3 targets): score, points per indicator, rank and change")
    ScorecardService.Scorecard towns(@RequestParam String period, @RequestParam(required = false) String asOf) {
        return scorecards.towns(period, asOf);
    }

    @GetMapping("/api/scorecards/departments")
    @Operation(summary = "Departments' scorecard of a quarter (tasks led, indicators owned, on time): score, points, rank and change 部门考核评价")
    ScorecardService.Scorecard departments(@RequestParam String period, @RequestParam(required = false) String asOf) {
        return scorecards.departments(period, asOf);
    }
}
