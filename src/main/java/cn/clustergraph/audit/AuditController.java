package cn.clustergraph.audit;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code GET /api/audit}: the audit trail for admins and the coordinator (roles checked in security.SecurityConfig). */
@RestController
@Tag(name = "audit")
class AuditController {

    /** Most rows one export holds. */
    static final int MAX_EXPORT = 100_000;
    static final List<String> COLUMNS = List.of("时间 at", "用户 user", "地址 address", "类型 kind", "对象 keys", "之前 before",
            "之后 after", "结果 outcome", "编号 id");

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit events newest first; format=json|csv|xlsx 审计日志")
    ResponseEntity<?> events(@RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                             @RequestParam(defaultValue = "json") String format) throws IOException {
        return switch (format) {
            case "json" -> ResponseEntity.ok(audit.page(user, kind, from, to, page, size));
            case "csv", "xlsx" -> {
                List<List<?>> rows = new ArrayList<>();
                for (AuditEvent e : audit.all(user, kind, from, to, MAX_EXPORT)) {
                    rows.add(Arrays.asList(e.at() == null ? null : e.at().toString(), e.actor(), e.address(), e.kind(),
                            e.keys(), e.before(), e.after(), e.outcome(), e.id()));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (format.equals("csv")) {
                    TableExport.csv(COLUMNS, rows, out);
                } else {
                    TableExport.xlsx("审计日志", COLUMNS, rows, List.of(List.of("说明", "审计日志：每一次写操作（登录、令牌、用户、导入、计划、重点企业清单），只追加，不可修改")), out);
                }
                yield ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment("审计日志." + format, "audit." + format))
                        .contentType(MediaType.parseMediaType(format.equals("csv") ? TableExport.CSV_MEDIA_TYPE : TableExport.XLSX_MEDIA_TYPE))
                        .body(out.toByteArray());
            }
            default -> throw new BadRequestException("format", "format 须为 json、csv 或 xlsx，不能是 " + format,
                    "format must be json, csv or xlsx, not '" + format + "'");
        };
    }
}
