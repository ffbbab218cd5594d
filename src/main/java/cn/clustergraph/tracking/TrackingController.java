package cn.clustergraph.tracking;

import cn.clustergraph.tracking.TrackingRecords.ActualRequest;
import cn.clustergraph.tracking.TrackingRecords.ActualVersion;
import cn.clustergraph.tracking.TrackingRecords.Board;
import cn.clustergraph.tracking.TrackingRecords.Contribution;
import cn.clustergraph.tracking.TrackingRecords.ContributionRequest;
import cn.clustergraph.tracking.TrackingRecords.IndicatorActuals;
import cn.clustergraph.tracking.TrackingRecords.PeriodView;
import cn.clustergraph.tracking.TrackingRecords.ReportRequest;
import cn.clustergraph.tracking.TrackingRecords.ReportVersion;
import cn.clustergraph.tracking.TrackingRecords.Review;
import cn.clustergraph.tracking.TrackingRecords.ReviewRequest;
import cn.clustergraph.tracking.TrackingRecords.TaskReports;
import cn.clustergraph.tracking.TrackingRecords.Trend;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Periods, 季度进展 (reports, reviews, 配合情况), 指标实绩 and the lights board of a period, as of any moment. */
@RestController
@Tag(name = "tracking")
class TrackingController {

    private final TrackingService tracking;
    private final ProgressReports reports;
    private final IndicatorActualsService actuals;

    TrackingController(TrackingService tracking, ProgressReports reports, IndicatorActualsService actuals) {
        this.tracking = tracking;
        this.reports = reports;
        this.actuals = actuals;
    }

    @GetMapping("/api/periods")
    @Operation(summary = "The years 2023–2027 and their quarters with dates and due days 考核期")
    List<PeriodView> periods() {
        return tracking.periods();
    }

    @GetMapping("/api/tracking")
    @Operation(summary = "Every task and indicator of a quarter with its light and the reason, as of a date or period 红黄绿灯")
    Board board(@RequestParam(required = false) String period, @RequestParam(required = false) String asOf,
                @RequestParam(required = false) String department) {
        return tracking.board(period == null || period.isBlank() ? TrackingService.current().id() : period, asOf, department);
    }

    @GetMapping("/api/tracking/trend")
    @Operation(summary = "Lights counted by colour per quarter (the dashboard's trend) 各季度红黄绿灯统计")
    Trend trend(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return tracking.trend(from, to);
    }

    @GetMapping("/api/tasks/{no}/reports")
    @Operation(summary = "A task's 季度进展: every version, reviews, co-owners' 配合情况, what I may do")
    TaskReports reports(@PathVariable long no, @RequestParam(required = false) String period) {
        return reports.history(no, period);
    }

    @PostMapping(path = "/api/tasks/{no}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a new version of a task's quarterly report (lead department or coordinator) 报送季度进展")
    ReportVersion post(@PathVariable long no, @RequestBody ReportRequest body) {
        return reports.post(no, body);
    }

    @PostMapping(path = "/api/tasks/{no}/reports/{period}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept or return (with a comment) the current report of a quarter (coordinator) 采纳/退回")
    Review review(@PathVariable long no, @PathVariable String period, @RequestBody ReviewRequest body) {
        return reports.review(no, period, body);
    }

    @PostMapping(path = "/api/tasks/{no}/reports/{period}/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A co-owner department's 配合情况 for a quarter (new version)")
    Contribution contribute(@PathVariable long no, @PathVariable String period, @RequestBody ContributionRequest body) {
        return reports.contribute(no, period, body);
    }

    @GetMapping("/api/indicators/{id}/actuals")
    @Operation(summary = "An indicator's 指标实绩: every version, computed figures, series against target and 序时进度")
    IndicatorActuals actuals(@PathVariable String id, @RequestParam(required = false) String town,
                             @RequestParam(required = false) String period) {
        return actuals.actuals(id, town, period);
    }

    @PostMapping(path = "/api/indicators/{id}/actuals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a figure (new version): city by the owning department, a town's by that town 报送指标实绩")
    ActualVersion postActual(@PathVariable String id, @RequestBody ActualRequest body) {
        return actuals.post(id, body);
    }
}
