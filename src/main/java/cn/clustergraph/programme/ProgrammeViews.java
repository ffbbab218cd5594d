package cn.clustergraph.programme;

import java.time.LocalDate;
import java.util.List;

/** Read models of the programme's structure and tasks. */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    /** A clause of the document with its verbatim text. */
    record SourceRef(String id, String ref, String text, String quote) {
    }

    /** A section or measure reference. */
    record Heading(String id, String no, String title, String annexTitle) {
    }

    /** A department responsible for a task, with its position in the listed order (1 = lead). */
    record Owner(String name, int order) {
    }

    /** Something a task mentions: a chain, platform, institute, enterprise, indicator or segment. */
    record Mention(String kind, String id, String name, String quote) {
    }

    /** A task of 附件2 with its departments, mentions and provenance. */
    record TaskDetail(long no, Heading section, Heading measure, String content, String lead, List<String> coOwners,
                      String departmentsRaw, String annexMeasureCell, List<Mention> concerns, List<SourceRef> sources) {
    }

    /** A task in a list. */
    record TaskSummary(long no, String sectionId, String measureId, String measure, String content, String lead,
                       List<String> coOwners) {
    }

    /** A numbered measure with its task numbers. */
    record MeasureOutline(String id, String no, String title, List<String> annexTitles, List<Long> tasks, SourceRef source) {
    }

    /** A section with its measures. */
    record SectionOutline(String id, String no, String title, String annexTitle, List<MeasureOutline> measures) {
    }

    /** One of the eight chains the document names (附件2 第42行), with the cluster it is assumed to belong to. */
    record ChainOutline(String name, String nameEn, String cluster, boolean clusterAssumed, SourceRef source) {
    }

    /** One of the four clusters: the document names none of them, so name and membership are assumed ({@code assumed}). */
    record ClusterOutline(String name, String nameEn, boolean assumed, String note, List<String> chains) {
    }

    /** The programme and its structure, with "四群八链" (the clusters assumed, the chains stated) in document order. */
    record ProgrammeOutline(String id, String title, String docNo, String issuer, LocalDate issuedOn, int periodFrom, int periodTo,
                            List<SectionOutline> sections, List<ClusterOutline> clusters, List<ChainOutline> chains) {
    }
}
