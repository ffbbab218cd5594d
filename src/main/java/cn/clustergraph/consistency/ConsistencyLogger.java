package cn.clustergraph.consistency;

import cn.clustergraph.programme.ProgrammeImportedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes the consistency summary into the import log. */
@Component
class ConsistencyLogger {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyLogger.class);

    private final ConsistencyService service;

    ConsistencyLogger(ConsistencyService service) {
        this.service = service;
    }

    @EventListener
    void imported(ProgrammeImportedEvent event) {
        try {
            var report = service.report();
            log.info("Consistency: {} findings in the document {} (GET /api/consistency)", report.total(), report.byKind());
        } catch (RuntimeException e) {
            log.warn("Consistency check after import failed: {}", e.getMessage());
        }
    }
}
