package cn.clustergraph.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One entry of the audit trail as the API shows it: who did what, when, from where, the keys it touched and a short
 * before/after summary. Entries are only ever appended.
 *
 * @param outcome {@code ok}, or why it did not happen ({@code bad-credentials}, {@code locked}, …)
 */
public record AuditEvent(String id, OffsetDateTime at, String actor, String address, String kind, List<String> keys,
                         String before, String after, String outcome) {
}
