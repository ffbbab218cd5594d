package cn.clustergraph.pipeline;

import cn.clustergraph.pipeline.PipelineRecords.Lead;
import cn.clustergraph.pipeline.PipelineRecords.LeadList;
import cn.clustergraph.pipeline.PipelineRecords.LeadPatch;
import cn.clustergraph.pipeline.PipelineRecords.NewLead;
import cn.clustergraph.pipeline.PipelineRecords.NoteRequest;
import cn.clustergraph.pipeline.PipelineRecords.StageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/leads}: the 招商 pipeline's leads — list, one with its history, create, change, move, correct, 跟进记录. */
@RestController
@Tag(name = "pipeline")
class LeadController {

    private final PipelineService pipeline;
    private final LeadService leads;

    LeadController(PipelineService pipeline, LeadService leads) {
        this.pipeline = pipeline;
        this.leads = leads;
    }

    @GetMapping("/api/leads")
    @Operation(summary = "Leads I may see, filtered by chain, segment, stage, owner, stale 招商线索")
    LeadList list(@RequestParam(required = false) String chain, @RequestParam(required = false) String segment,
                  @RequestParam(required = false) String stage, @RequestParam(required = false) String owner,
                  @RequestParam(required = false) Boolean stale) {
        return pipeline.leads(chain, segment, stage, owner, stale);
    }

    @GetMapping("/api/leads/{id}")
    @Operation(summary = "A lead with its events, path and project 线索详情（阶段变更、更正、跟进记录、修改）")
    Lead one(@PathVariable String id) {
        return pipeline.lead(id);
    }

    @PostMapping(path = "/api/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new lead: from a candidate of the 重点招商对象清单 (keeps its gap signal) or by hand 新建线索")
    Lead create(@RequestBody NewLead body) {
        return leads.create(body);
    }

    @PatchMapping(path = "/api/leads/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a lead's owner (coordinator), source, chain leader, title, segments or project figures 修改线索（负责人、来源、链长、环节、项目数据）")
    Lead patch(@PathVariable String id, @RequestBody LeadPatch body) {
        return leads.patch(id, body);
    }

    @PostMapping(path = "/api/leads/{id}/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a lead forward (线索→接洽→在谈→签约→开工→投产) or to 终止 with a reason; backward moves are refused")
    Lead move(@PathVariable String id, @RequestBody StageRequest body) {
        return leads.move(id, body);
    }

    @PostMapping(path = "/api/leads/{id}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a wrong move: back to a stage the lead passed, with a reason (a new event; history stays) 更正错误的阶段变更（新事件，历史保留）")
    Lead correct(@PathVariable String id, @RequestBody StageRequest body) {
        return leads.correct(id, body);
    }

    @PostMapping(path = "/api/leads/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a follow-up note 添加跟进记录: date, way, content, next step, next date")
    Lead note(@PathVariable String id, @RequestBody NoteRequest body) {
        return leads.note(id, body);
    }
}
