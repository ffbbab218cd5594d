package cn.clustergraph.pipeline;

import cn.clustergraph.pipeline.PipelineRecords.ProjectRow;
import cn.clustergraph.tracking.ComputedActuals;
import cn.clustergraph.tracking.Period;
import cn.clustergraph.tracking.TrackingRecords.ComputedActual;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The pipeline's figures as indicator actuals for tracking (issue 17 → 16): G-BIGPROJ (招大引强项目, counted per year up to
 * the period's end) and A1-03 (累计引进世界500强企业, as recorded in the pipeline), computed with {@link BigProjectRule}
 * beside (never instead of) the reported figures. The projects behind each number are internal 招商 data: they are listed
 * by {@code /api/pipeline/summary} and {@code /api/projects} to the roles that may see leads, never in this note.
 */
@Component
class PipelineComputedActuals implements ComputedActuals {

    static final String BIG_PROJECTS = "G-BIGPROJ";
    static final String FORTUNE_500 = "A1-03";

    private final PipelineService pipeline;

    PipelineComputedActuals(PipelineService pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public List<ComputedActual> computed(String indicatorId, Period period) {
        LocalDate end = period.end();
        if (BIG_PROJECTS.equals(indicatorId)) {
            var big = pipeline.bigProjects(period.year());
            List<ProjectRow> rows = big.projects().stream().filter(p -> !p.signedOn().isAfter(end)).toList();
            return List.of(new ComputedActual(indicatorId, period.id(), null, (double) rows.size(), "pipeline:big-projects",
                    "招商线索中当年截至期末签约且未终止的招大引强项目（按三项标准判定）signed 招大引强 projects of the year to the period's end "
                            + "(projects: /api/projects?big=true)", false, rows.stream().anyMatch(ProjectRow::sample)));
        }
        if (FORTUNE_500.equals(indicatorId)) {
            var f = pipeline.fortune500(period.year());
            List<ProjectRow> rows = f.projects().stream().filter(p -> !p.signedOn().isAfter(end)).toList();
            return List.of(new ComputedActual(indicatorId, period.id(), null, (double) rows.size(),
                    "pipeline:fortune-500",
                    "仅计招商线索中记录的世界500强项目，不含方案前已引进的企业（附件1 的 33/35/37 是含此前企业的累计数）only the pipeline's own 世界500强 projects, "
                            + "without the enterprises brought in before it (projects: /api/pipeline/summary)",
                    true, rows.stream().anyMatch(ProjectRow::sample)));
        }
        return List.of();
    }
}
