package cn.clustergraph.tracking;

import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** {@code /api/tracking/template}: the XLSX template of a department or town and quarter, and the import of a filled one. */
@RestController
@Tag(name = "tracking")
class TemplateController {

    private final TrackingTemplates templates;

    TemplateController(TrackingTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/tracking/template")
    @Operation(summary = "XLSX template of a department (or town) for a quarter: tasks and indicators pre-filled, key columns locked 下载季度报送模板")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String department, @RequestParam(required = false) String town,
                                    @RequestParam String period) {
        byte[] bytes = templates.template(department, town, period);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TableExport.XLSX_MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment("季度填报模板-" + period + ".xlsx", "template-" + period + ".xlsx"))
                .body(bytes);
    }

    @PostMapping(path = "/api/tracking/template", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a filled template: preview (confirm=false, nothing written) or write (confirm=true); 400 with every problem 导入填好的报送模板")
    ResponseEntity<TrackingTemplates.ImportResult> importFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                                              @RequestParam(defaultValue = "false") boolean confirm) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("file", "file (the filled XLSX template) is required");
        }
        String name = file.getOriginalFilename() == null ? "template.xlsx" : file.getOriginalFilename();
        TrackingTemplates.ImportResult r = templates.importFile(file.getBytes(), name, confirm);
        return ResponseEntity.status(confirm ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    @ExceptionHandler(ImportValidationException.class)
    ProblemDetail invalid(ImportValidationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() + " problem(s) in the template; nothing was written");
        p.setTitle("Template is invalid 模板有误");
        p.setProperty("problems", e.problems());
        return p;
    }
}
