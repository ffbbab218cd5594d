package cn.clustergraph.upload;

import cn.clustergraph.csv.ImportProblems;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the upload API. */
final class UploadRecords {

    private UploadRecords() {
    }

    /**
     * What confirming would do to one sheet (register) or one kind of thing (programme, chain maps), compared with the
     * graph: rows that add something new, change something there, leave it as it is, or remove something.
     */
    record PreviewRow(String sheet, @JsonProperty("new") long added, long changed, long unchanged, long removed) {
    }

    /**
     * One upload and where it stands. {@code state}: {@code validated} (preview ready, waiting for confirmation),
     * {@code rejected} (problems, nothing written), {@code applying} (rowsDone of rowsTotal), {@code applied}
     * ({@code counts} written), {@code failed} ({@code reason}; the graph is as it was), {@code discarded}.
     */
    record UploadStatus(String id, String kind, String state, String fileName, long size, String sha256, String dataset,
                        Boolean sample, Instant uploadedAt, Instant finishedAt, long rowsTotal, long rowsDone,
                        int problemCount, List<ImportProblems.Problem> problems, List<PreviewRow> preview,
                        Map<String, Long> counts, String reason) {
    }
}
