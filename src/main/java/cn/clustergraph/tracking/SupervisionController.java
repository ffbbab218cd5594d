package cn.clustergraph.tracking;

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

/** {@code /api/supervision}: 督办 from red items — open (coordinator), reply (the department), close (coordinator). */
@RestController
@Tag(name = "tracking")
class SupervisionController {

    private final Supervisions supervisions;

    SupervisionController(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @GetMapping("/api/supervision")
    @Operation(summary = "督办 list: state open/replied/closed, department, overdue")
    Supervisions.Listing list(@RequestParam(required = false) String state, @RequestParam(required = false) String department,
                              @RequestParam(required = false) Boolean overdue) {
        return supervisions.list(state, department, overdue);
    }

    @PostMapping(path = "/api/supervision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a 督办 on a red task or indicator of a quarter (coordinator)")
    Supervisions.Item create(@RequestBody Supervisions.CreateRequest body) {
        return supervisions.create(body);
    }

    @PostMapping(path = "/api/supervision/{id}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply to a 督办 (the department addressed, or the coordinator)")
    Supervisions.Item reply(@PathVariable String id, @RequestBody Supervisions.ReplyRequest body) {
        return supervisions.reply(id, body);
    }

    @PostMapping(path = "/api/supervision/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close a 督办 (coordinator)")
    Supervisions.Item close(@PathVariable String id, @RequestBody(required = false) Supervisions.CloseRequest body) {
        return supervisions.close(id, body);
    }
}
