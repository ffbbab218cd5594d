package cn.clustergraph.pipeline;

import cn.clustergraph.pipeline.PipelineRecords.ChainPipeline;
import cn.clustergraph.pipeline.PipelineRecords.Funnel;
import cn.clustergraph.pipeline.PipelineRecords.ProjectRow;
import cn.clustergraph.pipeline.PipelineRecords.Summary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The pipeline's answers: projects, a chain's board, funnels per segment, the yearly summary. */
@RestController
@Tag(name = "pipeline")
class PipelineController {

    private final PipelineService pipeline;

    PipelineController(PipelineService pipeline) {
        this.pipeline = pipeline;
    }

    @GetMapping("/api/projects")
    @Operation(summary = "Signed projects with figures and 招大引强 verdicts, by chain, signing year, big 招商项目")
    List<ProjectRow> projects(@RequestParam(required = false) String chain, @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) Boolean big) {
        return pipeline.projects(chain, year, big);
    }

    @GetMapping("/api/chains/{name}/pipeline")
    @Operation(summary = "A chain's pipeline board: leads by stage, funnel, gap segments with leads and 若已签约项目投产 projections")
    ChainPipeline chain(@PathVariable String name) {
        return pipeline.chainPipeline(name);
    }

    @GetMapping("/api/pipeline/summary")
    @Operation(summary = "Funnels per chain and owner, conversion, median days, stale, signed investment by quarter, 招大引强, 世界500强")
    Summary summary(@RequestParam(required = false) Integer year) {
        return pipeline.summary(year);
    }

    @GetMapping("/api/pipeline/segments")
    @Operation(summary = "Funnels per segment (of one chain or all) 各环节招商漏斗")
    List<Funnel> segments(@RequestParam(required = false) String chain) {
        return pipeline.bySegment(chain);
    }
}
