package cn.clustergraph.rollup;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The {@code rollup --verify} check on a live instance, for admins ({@code /api/admin/**}): where the rollups stand
 * (generations, stale or not), and each stored rollup compared with the live Cypher aggregation; every check is audited.
 */
@RestController
@RequestMapping("/api/admin/rollups")
class RollupAdminController {

    /** Most differences listed in one answer (the count is always whole). */
    static final int MAX_LISTED = 200;

    /** The generations: the data's, the one the stored rollups were computed from, and whether they are stale. */
    record Status(long dataGeneration, long rollupGeneration, boolean stale, boolean sharesStale, String rolledUpAt) {
    }

    /** A verification: the status, how many stored values differ from the live aggregation (the first ones listed), time taken. */
    record Verification(Status status, boolean equal, int differenceCount, List<String> differences, long millis) {
    }

    private final RollupService rollups;
    private final AuditService audit;

    RollupAdminController(RollupService rollups, AuditService audit) {
        this.rollups = rollups;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Whether the rollups are up to date with the data (generations) 汇总数据是否最新")
    Status status() {
        return status(rollups.state());
    }

    /** Compares every stored rollup with the live aggregation (read-only; slow at province scale). */
    @PostMapping("/verify")
    @Operation(summary = "Compare every stored rollup with the live aggregation (admin, audited) 核对汇总数据与实时统计")
    Verification verify() {
        long t = System.nanoTime();
        RollupService.State state = rollups.state();
        List<String> differences = rollups.differences();
        Verification v = new Verification(status(state), differences.isEmpty(), differences.size(),
                differences.stream().limit(MAX_LISTED).toList(), (System.nanoTime() - t) / 1_000_000);
        audit.record(Actor.current(), "rollup.verify", List.of("RollupState:rollups"), null,
                (v.equal() ? "every rollup equal to the live aggregation" : v.differenceCount() + " differences")
                        + " (data generation " + state.dataGeneration() + ", rollups of " + state.rollupGeneration() + ")",
                v.equal() && !state.stale() ? "ok" : "differences");
        return v;
    }

    private static Status status(RollupService.State s) {
        return new Status(s.dataGeneration(), s.rollupGeneration(), s.stale(), s.sharesStale(),
                s.rolledUpAt() == null ? null : s.rolledUpAt().toString());
    }
}
