package cn.clustergraph.register;

import cn.clustergraph.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A register import or removal is a write: each appends an audit event with whoever caused it ({@code system} for the
 * command line and the first start). The event is published synchronously, so the request's user is still known here.
 */
@Component
class RegisterImportAudit {

    private final AuditService audit;

    RegisterImportAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void register(RegisterChangedEvent e) {
        audit.record("import.register", List.of("Dataset:" + e.dataset()), null, "register dataset " + e.dataset() + " changed");
    }
}
