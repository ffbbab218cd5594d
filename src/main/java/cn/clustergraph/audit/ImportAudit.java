package cn.clustergraph.audit;

import cn.clustergraph.programme.ProgrammeImportedEvent;
import cn.clustergraph.register.RegisterChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Imports are writes too: every programme reload ({@code POST /api/admin/import}, the {@code import} command, the first
 * start) and every register import or removal appends an audit event, with whoever caused it ({@code system} when
 * nobody did). The events are published synchronously, so the request's user is still known here.
 */
@Component
class ImportAudit {

    private final AuditService audit;

    ImportAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void programme(ProgrammeImportedEvent e) {
        audit.record("import.programme", List.of("Dataset:programme", "Dataset:chain-map"), null,
                e.result().summary() + " from " + e.result().source());
    }

    @EventListener
    void register(RegisterChangedEvent e) {
        audit.record("import.register", List.of("Dataset:" + e.dataset()), null, "register dataset " + e.dataset() + " changed");
    }
}
