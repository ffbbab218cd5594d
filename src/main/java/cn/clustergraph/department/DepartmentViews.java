package cn.clustergraph.department;

import java.util.List;

/** Read models of the department feature, returned by its controller. */
final class DepartmentViews {

    private DepartmentViews() {
    }

    /** A department in the overview list with its task counts. */
    record DepartmentSummary(String name, String fullName, String kind, List<String> aliases, long leads, long coOwns,
                             long indicators) {
    }

    /** A task a department leads or co-owns, in document order. */
    record TaskRef(long no, String measure, String content, int order) {
    }

    /** A target of an indicator the department is responsible for. */
    record TargetRef(String id, long year, Double value, String comparator, String qualifier, String text, String town,
                     boolean primary) {
    }

    /** An indicator the department leads or co-owns, with its city-level targets. */
    record IndicatorRef(String id, String name, String unit, String origin, boolean lead, List<TargetRef> targets) {
    }

    /** Another name that may denote the same body (not merged). */
    record Doubt(String other, String note) {
    }

    /** Everything a department owns: the responsibility sheet. */
    record DepartmentDetail(String name, String fullName, String kind, List<String> aliases, String note, String resolvedFrom,
                            List<TaskRef> leads, List<TaskRef> coOwns, List<IndicatorRef> indicators, List<Doubt> doubts) {
    }
}
