package cn.clustergraph.pipeline;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** {@code /api/leads/ledger}: the 招商台账 as XLSX or CSV, and an XLSX 台账 read back (preview, or confirm to add its new leads). */
@RestController
@Tag(name = "pipeline")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/leads/ledger")
    @Operation(summary = "The 招商台账 of the leads I see: format=xlsx (default) or csv")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format) throws IOException {
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new BadRequestException("format", "format must be xlsx or csv");
        }
        List<List<Object>> rows = ledger.rows();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("csv")) {
            ledger.csv(rows, out);
        } else {
            ledger.xlsx(rows, out);
        }
        String name = "招商台账." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment(name, "ledger." + format))
                .contentType(MediaType.parseMediaType(format.equals("csv") ? TableExport.CSV_MEDIA_TYPE : TableExport.XLSX_MEDIA_TYPE))
                .body(out.toByteArray());
    }

    @PostMapping(path = "/api/leads/ledger", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Read an XLSX 台账: every problem (sheet, row, column) or the preview; confirm=true adds its new leads")
    Ledger.Result read(@RequestPart(name = "file", required = false) MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean confirm) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException("file", "file (an XLSX 台账) is required");
        }
        try (InputStream in = file.getInputStream()) {
            return ledger.read(file.getOriginalFilename(), in, confirm);
        }
    }

    @ExceptionHandler(ImportValidationException.class)
    ProblemDetail invalid(ImportValidationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() + " problem(s) in the 台账; nothing was written: " + e.problems().getFirst());
        p.setTitle("Invalid 台账 台账有误");
        p.setProperty("problems", e.problems());
        return p;
    }
}
