package cn.clustergraph.upload;

import java.time.Instant;
import java.util.Map;

/**
 * Published when a confirmed upload has been written to the graph, for the audit trail: what file (name, size, SHA-256),
 * which data set, the counts written, and who asked (the request's principal at confirmation, null without sign-in).
 */
public record UploadAppliedEvent(String uploadId, String kind, String fileName, long size, String sha256, String dataset,
                                 Map<String, Long> counts, String confirmedBy, String remoteAddress, Instant at) {
}
