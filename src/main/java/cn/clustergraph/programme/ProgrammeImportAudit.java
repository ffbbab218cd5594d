package cn.clustergraph.programme;

import cn.clustergraph.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A programme reload is a write: every one ({@code POST /api/admin/import}, an upload, the {@code import} command, the
 * first start) appends an audit event with whoever caused it ({@code system} when nobody did). The event is published
 * synchronously, so the request's user is still known here.
 */
@Component
class ProgrammeImportAudit {

    private final AuditService audit;

    ProgrammeImportAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void programme(ProgrammeImportedEvent e) {
        audit.record("import.programme", List.of("Dataset:programme", "Dataset:chain-map"), null,
                e.result().summary() + " from " + e.result().source());
    }
}
