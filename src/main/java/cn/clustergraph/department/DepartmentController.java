package cn.clustergraph.department;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;

/** Department endpoints: who owns what (责任单位). */
@RestController
@RequestMapping("/api/departments")
@Tag(name = "departments", description = "责任部门")
class DepartmentController {

    private final DepartmentService service;

    DepartmentController(DepartmentService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Every department with the number of tasks it leads and co-owns 部门及任务数")
    Collection<DepartmentViews.DepartmentSummary> list() {
        return service.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "A department's responsibility sheet (name, alias or full name) 部门责任清单")
    DepartmentViews.DepartmentDetail detail(@PathVariable String name) {
        return service.detail(name);
    }
}
