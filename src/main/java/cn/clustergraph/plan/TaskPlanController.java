package cn.clustergraph.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tasks/{no}/plans}: a task's 年度计划, read by everyone, written (as a new version) by its lead department. */
@RestController
@Tag(name = "plans")
class TaskPlanController {

    private final TaskPlanService plans;

    TaskPlanController(TaskPlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/api/tasks/{no}/plans")
    @Operation(summary = "A task's annual plans: current per year, every version, and whether I may edit 年度计划")
    TaskPlans.TaskPlanView plans(@PathVariable long no) {
        return plans.plans(no);
    }

    @PostMapping(path = "/api/tasks/{no}/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a new version of a task's plan for a year (lead department or coordinator) 提交年度计划")
    TaskPlans.PlanVersion post(@PathVariable long no, @RequestBody TaskPlans.PlanRequest body) {
        return plans.post(no, body);
    }
}
