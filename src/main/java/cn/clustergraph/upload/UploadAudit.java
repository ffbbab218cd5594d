package cn.clustergraph.upload;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Uploads through the browser are audited with what identifies the file (name, size, SHA-256), the data set and the
 * counts written, or why they were refused; the import a confirmed upload causes is audited as well, by the same user.
 */
@Component
class UploadAudit {

    private final AuditService audit;

    UploadAudit(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void applied(UploadAppliedEvent e) {
        audit.record(actor(e.confirmedBy(), e.remoteAddress()), "import.upload", List.of("Upload:" + e.uploadId(), "Dataset:" + e.dataset()),
                null, e.kind() + " " + e.fileName() + " (" + e.size() + " bytes, SHA-256 " + e.sha256() + ") written: " + e.counts(), "ok");
    }

    @EventListener
    void rejected(UploadRejectedEvent e) {
        audit.record(actor(e.requestedBy(), e.remoteAddress()), "import.upload", List.of("Upload:" + e.uploadId(), "Dataset:" + e.dataset()),
                null, e.kind() + " " + e.fileName() + " (" + e.size() + " bytes, SHA-256 " + e.sha256() + ") refused at " + e.stage()
                        + ": " + e.problems() + " problem(s)" + (e.reason() == null ? "" : "; " + e.reason()), "refused");
    }

    private static Actor actor(String user, String address) {
        return new Actor(user == null ? Actor.SYSTEM : user, address == null ? "local" : address);
    }
}
