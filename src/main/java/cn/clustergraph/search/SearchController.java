package cn.clustergraph.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/search")
@Tag(name = "search")
class SearchController {

    private final SearchService service;

    SearchController(SearchService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Search every kind by Chinese name, short name, alias or id 全文检索",
            description = "Exact names, ids and aliases first, then the cjk full-text index. kind: Department, Task, Indicator, Cluster, "
                    + "Chain, Segment, Enterprise, Platform, Institute, Town, Measure, Section. size ≤ 50 (default 20).")
    SearchRecords.Result search(@RequestParam String q, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Integer size) {
        return service.search(q, kind, size);
    }
}
