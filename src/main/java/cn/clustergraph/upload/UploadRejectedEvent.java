package cn.clustergraph.upload;

import java.time.Instant;

/**
 * Published when an upload was refused (its validation found problems: {@code stage} = {@code validation}) or its
 * confirmed write failed and left the graph as it was ({@code stage} = {@code apply}), for the audit trail.
 */
public record UploadRejectedEvent(String uploadId, String kind, String fileName, long size, String sha256, String dataset,
                                  String stage, int problems, String reason, String requestedBy, String remoteAddress,
                                  Instant at) {
}
