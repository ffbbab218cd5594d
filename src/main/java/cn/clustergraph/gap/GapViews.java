package cn.clustergraph.gap;

import java.util.List;

/** Read models of the gap analysis and the 重点招商对象清单. */
public final class GapViews {

    private GapViews() {
    }

    /** 缺链 / 弱链 / 有链. */
    static final String MISSING = "缺链";
    static final String WEAK = "弱链";
    static final String PRESENT = "有链";

    /** A rule of the dependency analysis that fired for a segment, with the enterprises and segments that made it fire. */
    record Signal(String rule, String label, String reason, List<String> segments, List<String> enterprises) {
    }

    /** One segment of a chain with its figures, status, reasons and signals; {@code priority} orders the gap list. */
    record SegmentGap(String id, String name, String stage, String status, String reason, long localCount, long scaleCount,
                      double localOutput, long honourCount, long leaderCount, long externalCount, double priority,
                      List<Signal> signals) {
    }

    /** Thresholds in force, echoed so a reader knows why a status was given. */
    record Thresholds(int weakMinLocal, int weakMinScale, double weakMinOutput, int strongMinLocal, double strongMinOutput) {
    }

    /** A chain's segments ranked by gap priority. */
    record ChainGaps(String chain, boolean assumedMap, String notice, Thresholds thresholds, long missing, long weak, long present,
                     List<SegmentGap> segments) {
    }

    /** One cell of the city matrix: a chain's segments of one stage. */
    record MatrixCell(String stage, String status, long segments, long missing, long weak, long localCount, double localOutput) {
    }

    /** One row of the city matrix. */
    record MatrixRow(String chain, String cluster, List<MatrixCell> cells, long missing, long weak) {
    }

    /** Chains × stages with statuses. */
    record Matrix(List<String> stages, Thresholds thresholds, String notice, List<MatrixRow> rows) {
    }

    /** A non-local enterprise that could fill a gap, with its score and why it is on the list. */
    public record Candidate(int rank, String segmentId, String segment, String segmentStatus, String enterpriseId, String name,
                     String region, double score, long suppliesLocal, List<String> localCustomers, List<String> honours,
                     double output, boolean primarySegment, boolean sample, List<String> reasons) {
    }

    /** The ranked 重点招商对象清单 of a chain. */
    public record InvestmentTargets(String chain, String notice, Thresholds thresholds, List<Candidate> candidates) {
    }
}
