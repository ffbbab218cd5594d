package cn.clustergraph.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;

/** The programme's structure and its tasks (附件2 职责分工). */
@RestController
@RequestMapping("/api")
@Tag(name = "programme", description = "方案结构与任务")
class ProgrammeController {

    private final ProgrammeService service;

    ProgrammeController(ProgrammeService service) {
        this.service = service;
    }

    @GetMapping("/programme")
    @Operation(summary = "The programme with its sections, measures and task numbers 方案结构")
    ProgrammeViews.ProgrammeOutline programme() {
        return service.outline();
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks, optionally of one department (name or alias), section (S2.1) or measure (M04) 任务列表")
    Collection<ProgrammeViews.TaskSummary> tasks(@RequestParam(required = false) String department,
                                              @RequestParam(required = false) String section,
                                              @RequestParam(required = false) String measure) {
        return service.tasks(department, section, measure);
    }

    @GetMapping("/tasks/{no}")
    @Operation(summary = "One task: section, measure, content, lead and co-owners in order, mentions, clauses 任务详情")
    ProgrammeViews.TaskDetail task(@PathVariable long no) {
        return service.task(no);
    }
}
