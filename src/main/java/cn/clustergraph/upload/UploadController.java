package cn.clustergraph.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import cn.clustergraph.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Upload a register, programme or chain-map file, see its problems or preview, then confirm or discard it. */
@RestController
@RequestMapping("/api/admin/uploads")
@Tag(name = "admin")
class UploadController {

    private final UploadService uploads;

    UploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    private static UploadService.Requester who(Principal principal, HttpServletRequest request) {
        return new UploadService.Requester(principal == null ? null : principal.getName(), request.getRemoteAddr());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Stage and validate a file 上传并校验: kind = register | programme | chain-map; answers its problems or a preview; writes nothing")
    ResponseEntity<UploadRecords.UploadStatus> upload(@RequestParam(name = "kind", required = false) String kind,
                                                      @RequestPart(name = "file", required = false) MultipartFile file,
                                                      @RequestParam(name = "dataset", required = false) String dataset,
                                                      Principal principal, HttpServletRequest request) throws IOException {
        UploadRecords.UploadStatus s;
        try (InputStream in = file == null ? null : file.getInputStream()) {
            s = uploads.upload(kind, file == null ? null : file.getOriginalFilename(), in, dataset, who(principal, request));
        }
        return ResponseEntity.created(URI.create("/api/admin/uploads/" + s.id())).body(s);
    }

    @GetMapping
    @Operation(summary = "Recent uploads 最近的上传, newest first")
    List<UploadRecords.UploadStatus> list() {
        return uploads.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An upload: state, problems, preview, progress (rowsDone of rowsTotal), result 上传状态与校验结果")
    UploadRecords.UploadStatus status(@PathVariable String id) {
        return uploads.status(id);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Write a validated upload 确认导入 (in the background; poll its status); 409 unless validated")
    ResponseEntity<UploadRecords.UploadStatus> confirm(@PathVariable String id, Principal principal, HttpServletRequest request) {
        return ResponseEntity.accepted().body(uploads.confirm(id, who(principal, request)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Discard a staged upload 放弃 and delete its files; 409 when applying or applied")
    ResponseEntity<Void> discard(@PathVariable String id) {
        uploads.discard(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UploadService.Conflict.class)
    ProblemDetail conflict(UploadService.Conflict e) {
        return ApiProblem.of(ApiProblem.Kind.CONFLICT, "上传当前的状态不允许此操作：" + e.getMessage(), e.getMessage());
    }

    @ExceptionHandler(StagedFile.TooLarge.class)
    ProblemDetail tooLarge(StagedFile.TooLarge e) {
        return ApiProblem.field(ApiProblem.of(ApiProblem.Kind.TOO_LARGE, "文件过大：" + e.getMessage(), e.getMessage()), "file");
    }
}
