package cn.clustergraph.backup;

import cn.clustergraph.audit.Actor;
import cn.clustergraph.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The admin's backup page: list the backups, take one now (audited), download one (audited). */
@RestController
@RequestMapping("/api/admin/backups")
@Tag(name = "admin")
class BackupController {

    /** The backup folder, its settings and the backups in it, newest first. */
    record Listing(String dir, String schedule, int keep, String guarantee, List<BackupService.BackupFile> backups) {
    }

    private final BackupService backups;
    private final BackupProperties props;
    private final AuditService audit;

    BackupController(BackupService backups, BackupProperties props, AuditService audit) {
        this.backups = backups;
        this.props = props;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Backups 备份 in the backup folder, newest first, with the schedule and retention")
    Listing list() {
        return new Listing(backups.dir().toString(), props.schedule(), props.keep(), backups.guarantee(), backups.list());
    }

    @PostMapping
    @Operation(summary = "Take a backup now 立即备份: the whole graph, writes paused while it is read (embedded); 409 while another runs")
    ResponseEntity<BackupService.BackupInfo> create() {
        return ResponseEntity.status(HttpStatus.CREATED).body(backups.backup(Actor.current(), "manual"));
    }

    @GetMapping("/{name}")
    @Operation(summary = "Download a backup file (gzip'd JSON lines; holds password and token hashes — keep it safe) 下载备份文件")
    ResponseEntity<Resource> download(@PathVariable String name) throws IOException {
        Path file = backups.file(name);
        audit.record(Actor.current(), "backup.download", List.of("Backup:" + name), null, Files.size(file) + " bytes", "ok");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gzip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }

    @ExceptionHandler(BackupService.Busy.class)
    ProblemDetail busy(BackupService.Busy e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Backup running 备份进行中");
        return p;
    }
}
