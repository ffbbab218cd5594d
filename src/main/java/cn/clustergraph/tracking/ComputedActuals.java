package cn.clustergraph.tracking;

import cn.clustergraph.tracking.TrackingRecords.ComputedActual;

import java.util.List;

/**
 * A source of figures computed by a rule rather than reported (e.g. from the enterprise register, or from the 招商
 * pipeline): every bean of this type is asked, and its answers are shown beside the reported figures — never instead of
 * them. Implement it in any module and register it as a Spring bean; tracking needs no change.
 */
public interface ComputedActuals {

    /** Figures this source computes for an indicator in a period (empty when it has no rule for that indicator). */
    List<ComputedActual> computed(String indicatorId, Period period);
}
