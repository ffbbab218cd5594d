package cn.clustergraph.pipeline;

import cn.clustergraph.web.DataNotice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Records of the 招商 pipeline: what clients send and what the API (and the tracking issue, through PipelineService) reads. */
public final class PipelineRecords {

    private PipelineRecords() {
    }

    // ---- requests ----------------------------------------------------------------------------------------------------

    /** A candidate of a chain's 重点招商对象清单 (chain, its gap segment, the candidate enterprise's id). */
    public record CandidateRef(String chain, String segment, String enterprise) {
    }

    /** The enterprise of a new lead: an existing one by id, or a name with an optional 统一社会信用代码. */
    public record EnterpriseRef(String id, String name, String creditCode) {
    }

    /** POST /api/leads: from a candidate, or by hand (chain, segments, enterprise). */
    public record NewLead(CandidateRef candidate, EnterpriseRef enterprise, String chain, List<String> segments, String source,
                          String owner, String chainLeader, String title, String date, Map<String, Object> project) {
    }

    /** PATCH /api/leads/{id}: only the fields sent change; owner only by the coordinator; {@code project} holds figures. */
    public record LeadPatch(String owner, String chainLeader, String source, String title, List<String> segments,
                            Map<String, Object> project, String note) {
    }

    /** A stage move (forward or 终止 with a reason) or a correction back to a passed stage (reason required). */
    public record StageRequest(String stage, String date, String reason) {
    }

    /** A 跟进记录: dated, how (电话, 走访, 会谈 …), what, next step and when. */
    public record NoteRequest(String date, String way, String content, String nextStep, String nextDate) {
    }

    // ---- answers -----------------------------------------------------------------------------------------------------

    /** Why a candidate was on the 重点招商对象清单 when it became a lead (kept as it was then). */
    public record GapSignal(String segmentId, String segment, String segmentStatus, Double score, Integer rank, List<String> reasons,
                            LocalDate listedOn) {
    }

    /** One event of a lead: create, move, terminate, correct, note, reassign, edit (with before/after). */
    public record Event(String id, int seq, String kind, String from, String to, LocalDate date, String by, OffsetDateTime at,
                        String reason, String way, String content, String nextStep, LocalDate nextDate, String before,
                        String after) {
    }

    /** A project's figures: 万元, 万美元, 亩; planned dates stated, actual dates from the stage moves. */
    public record Project(String id, String name, Boolean foreign, Double totalInvestment, Double totalInvestmentUsd,
                          Double registeredInvestment, Double landMu, Double expectedOutput, Double expectedTax,
                          LocalDate plannedStart, LocalDate actualStart, LocalDate plannedProduction, LocalDate actualProduction,
                          Boolean fortune500, Boolean over100mUsdStated, Boolean filed1bStated, String town,
                          Double cnyPerUsd, Integer rateYear, Boolean rateAssumed, BigProjectRule.Verdict bigProject) {
    }

    /** A segment a lead would fill. */
    public record SegmentRef(String id, String name, String status) {
    }

    /** A lead with its history (events oldest first) and its project. */
    public record Lead(String id, String title, String chain, List<SegmentRef> segments, String enterpriseId, String enterpriseName,
                       String creditCode, Boolean enterpriseLocal, String source, String owner, String chainLeader, String origin,
                       GapSignal signal, String stage, LocalDate stageDate, LocalDate signedOn, LocalDate producedOn,
                       LocalDate lastFollowUp, boolean stale, boolean sample, String createdBy, LocalDate createdOn,
                       boolean canEdit, Project project, List<Stages.Step> path, List<Event> events, DataNotice dataNotice) {
    }

    /** A lead in a list or on a board (no events). */
    public record LeadRow(String id, String title, String chain, List<String> segments, List<String> segmentNames,
                          String enterpriseId, String enterpriseName, String source, String owner, String stage,
                          LocalDate stageDate, LocalDate lastFollowUp, boolean stale, Double totalInvestment, boolean bigProject,
                          boolean sample) {
    }

    /** A list of leads. */
    public record LeadList(int total, int staleDays, List<LeadRow> leads, DataNotice dataNotice) {
    }

    /** A project behind a figure: its lead, enterprise, chain, signing date and figures, with why it counts. */
    public record ProjectRow(String leadId, String projectId, String name, String enterpriseName, String chain, String stage,
                             LocalDate signedOn, LocalDate producedOn, Double totalInvestment, Double totalInvestmentUsd,
                             boolean foreign, boolean big, BigProjectRule.Verdict verdict, boolean sample) {
    }

    /** The 招大引强 count of a year against "10个以上", with the projects behind it (signed that year, not terminated since). */
    public record BigProjects(int year, int count, int target, boolean met, List<ProjectRow> projects, DataNotice dataNotice) {
    }

    /** 世界500强 enterprises brought in: in the year, and cumulatively since the pipeline's first signing, with the projects. */
    public record Fortune500(int year, int inYear, int cumulative, List<ProjectRow> projects, DataNotice dataNotice) {
    }

    /** Leads per stage (current), how many reached each stage, conversion to the next and median completed days. */
    public record Funnel(String key, Map<String, Integer> byStage, Map<String, Integer> reached, Map<String, Double> conversion,
                         Map<String, Double> medianDays, int stale, int total) {
    }

    /** Signed total investment (万元; 万美元 at the year's rate) of one quarter. */
    public record QuarterInvestment(String quarter, int signed, double totalInvestment) {
    }

    /**
     * What a gap segment's status would become if its signed (not yet producing) projects produced — a projection, never
     * the present status: {@code label} reads "若已签约项目投产：缺链 → 弱链".
     */
    public record Projection(String chain, String segmentId, String segment, String stage, String status, String projected,
                             int leads, int signed, List<String> signedLeads, String label) {
    }

    /** The city matrix's projection per chain and stage (the worst projected status of its gap segments that would change). */
    public record MatrixProjection(String chain, String stage, String status, String projected, String label) {
    }

    /** A chain's board: leads by stage, its funnel, its gap segments with their leads and projections. */
    public record ChainPipeline(String chain, List<String> stages, Map<String, List<LeadRow>> columns, Funnel funnel,
                                List<Projection> gaps, DataNotice dataNotice) {
    }

    /** GET /api/pipeline/summary?year=. */
    public record Summary(int year, int staleDays, Funnel total, List<Funnel> byChain, List<Funnel> byOwner,
                          List<QuarterInvestment> signedByQuarter, BigProjects bigProjects, Fortune500 fortune500,
                          List<Projection> projections, List<MatrixProjection> matrix, DataNotice dataNotice) {
    }
}
