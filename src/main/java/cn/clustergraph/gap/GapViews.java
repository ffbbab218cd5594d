package cn.clustergraph.gap;

import cn.clustergraph.web.DataNotice;

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

    /**
     * A chain's segments ranked by gap priority; {@code note} says what is assumed (the segment maps), {@code dataNotice}
     * is the sample banner when the figures include sample enterprises.
     */
    record ChainGaps(String chain, boolean assumedMap, String note, DataNotice dataNotice, Thresholds thresholds, long missing, long weak, long present,
                     List<SegmentGap> segments) {
    }

    /** One cell of the city matrix: a chain's segments of one stage. */
    record MatrixCell(String stage, String status, long segments, long missing, long weak, long localCount, double localOutput) {
    }

    /** One row of the city matrix. */
    record MatrixRow(String chain, String cluster, List<MatrixCell> cells, long missing, long weak) {
    }

    /** Chains × stages with statuses. */
    record Matrix(List<String> stages, Thresholds thresholds, String note, DataNotice dataNotice, List<MatrixRow> rows) {
    }

    /** A non-local enterprise that could fill a gap, with its score and why it is on the list. */
    public record Candidate(int rank, String segmentId, String segment, String segmentStatus, String enterpriseId, String name,
                     String region, double score, long suppliesLocal, List<String> localCustomers, List<String> honours,
                     double output, boolean primarySegment, boolean sample, List<String> reasons) {
    }

    /** Shown for a gap segment with no non-local enterprise in the register (in the list and in its exports). */
    static final String NO_CANDIDATE = "无登记候选企业 No candidate in the register";

    /** A 缺链/弱链 segment of the list, with how many candidates it has; {@code note} is {@link #NO_CANDIDATE} when none. */
    public record GapSegment(String segmentId, String segment, String status, int candidates, String note) {
    }

    /**
     * The ranked 重点招商对象清单 of a chain: every gap segment ({@code gaps}, also those without candidates) and the
     * candidates ranked by score.
     */
    public record InvestmentTargets(String chain, String note, DataNotice dataNotice, Thresholds thresholds, List<GapSegment> gaps,
                             List<Candidate> candidates) {
    }
}
