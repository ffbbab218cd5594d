package cn.clustergraph.plan;

import java.time.OffsetDateTime;
import java.util.List;

/** Records of the 年度计划 (annual plan) of a task: what a lead department posts and what the API answers. */
final class TaskPlans {

    private TaskPlans() {
    }

    /** One milestone: what, by which quarter, optionally how much of what unit. */
    record Milestone(String text, Integer dueQuarter, Double quantity, String unit) {
    }

    /** A new version of the plan of a task for one year. */
    record PlanRequest(Integer year, List<Milestone> milestones, String note) {
    }

    /** One version of a plan; {@code current} is false once a later version superseded it. */
    record PlanVersion(String id, long task, int year, int version, boolean current, String note, OffsetDateTime createdAt,
                       String createdBy, List<Milestone> milestones) {
    }

    /**
     * A task's plans: the current version per year, every version (newest first), and whether the signed-in user may
     * post a new version (the lead department or the coordinator).
     */
    record TaskPlanView(long task, String lead, List<String> coOwners, boolean canEdit, List<PlanVersion> current,
                        List<PlanVersion> history) {
    }
}
