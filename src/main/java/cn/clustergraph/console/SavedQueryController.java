package cn.clustergraph.console;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/console/queries}: the signed-in analyst's saved console queries (list, save a version, delete). */
@RestController
class SavedQueryController {

    private final SavedQueries queries;

    SavedQueryController(SavedQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/console/queries")
    @Operation(summary = "My saved console queries, by name 我保存的查询")
    List<SavedQueries.SavedQuery> mine() {
        return queries.mine();
    }

    @PostMapping(path = "/api/console/queries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a console query under a name (the same name again: a new version) 保存查询")
    SavedQueries.SavedQuery save(@RequestBody SavedQueries.SaveRequest body) {
        return queries.save(body);
    }

    @DeleteMapping("/api/console/queries/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my saved queries (kept in history as a deleted version) 删除已保存的查询")
    void delete(@PathVariable String id) {
        queries.delete(id);
    }
}
