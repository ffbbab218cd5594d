package cn.clustergraph.bulletin;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/bulletins/{period}?format=docx|xlsx&asOf=}: the 季度通报 as Word and its XLSX 台账. */
@RestController
@Tag(name = "tracking")
class BulletinController {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final BulletinService bulletins;

    BulletinController(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/api/bulletins/{period}")
    @Operation(summary = "The quarter's bulletin 季度通报 (docx) or its 台账 (xlsx), as of a date or period")
    ResponseEntity<byte[]> bulletin(@PathVariable String period, @RequestParam(defaultValue = "docx") String format,
                                    @RequestParam(required = false) String asOf) {
        String f = format.strip().toLowerCase();
        if (!f.equals("docx") && !f.equals("xlsx")) {
            throw new BadRequestException("format", "format must be docx or xlsx, not '" + format + "'");
        }
        BulletinService.Content c = bulletins.content(period, asOf);
        String name = BulletinService.title(c.period()) + (f.equals("docx") ? ".docx" : "台账.xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, f.equals("docx") ? DOCX : TableExport.XLSX_MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment(name, "bulletin-" + c.period().id() + "." + f))
                .body(f.equals("docx") ? bulletins.docx(c) : bulletins.xlsx(c));
    }
}
