package cn.clustergraph.gap;

import cn.clustergraph.export.TableExport;
import cn.clustergraph.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Chain gaps, the city matrix and the 重点招商对象清单 for investment-promotion staff, as JSON, CSV or XLSX. */
@RestController
@Tag(name = "gaps", description = "缺链补链与招商对象")
class GapController {

    static final List<String> COLUMNS = List.of("排名", "环节", "环节状态", "企业名称", "统一社会信用代码", "所在地区", "得分",
            "向本地供货(条)", "本地客户", "荣誉", "产值(万元)", "主营该环节", "样例数据", "入选理由");

    private final GapService service;

    GapController(GapService service) {
        this.service = service;
    }

    @GetMapping("/api/chains/{name}/gaps")
    @Operation(summary = "Segments of a chain with status (缺链/弱链/有链), figures, reasons and 补链/延链 signals, by priority 产业链缺链分析")
    GapViews.ChainGaps chainGaps(@PathVariable String name) {
        return service.chainGaps(name);
    }

    @GetMapping("/api/gaps")
    @Operation(summary = "City-wide matrix chains × stages with statuses 全市缺链矩阵")
    GapViews.Matrix matrix() {
        return service.matrix();
    }

    @GetMapping("/api/chains/{name}/investment-targets")
    @Operation(summary = "Ranked non-local candidates for the chain's gap segments, with reasons; format=json|csv|xlsx 重点招商对象清单")
    ResponseEntity<?> investmentTargets(@PathVariable String name, @RequestParam(required = false) String segment,
                                        @RequestParam(defaultValue = "json") String format) throws IOException {
        GapViews.InvestmentTargets targets = service.investmentTargets(name, segment);
        return switch (format) {
            case "json" -> ResponseEntity.ok(targets);
            case "csv" -> file(targets.chain() + "-重点招商对象清单.csv", TableExport.CSV_MEDIA_TYPE, out ->
                    TableExport.csv(COLUMNS, rows(targets), out));
            case "xlsx" -> file(targets.chain() + "-重点招商对象清单.xlsx", TableExport.XLSX_MEDIA_TYPE, out ->
                    TableExport.xlsx(List.of(new TableExport.Table(targets.chain(), COLUMNS, rows(targets))), about(), out));
            default -> throw new BadRequestException("format", "format 须为 json、csv 或 xlsx，不能是 " + format,
                    "format must be json, csv or xlsx, not '" + format + "'");
        };
    }

    @GetMapping("/api/investment-targets")
    @Operation(summary = "The 重点招商对象清单 of every chain: xlsx (one sheet per chain) or csv (all rows with a chain column)")
    ResponseEntity<?> allInvestmentTargets(@RequestParam(defaultValue = "xlsx") String format) throws IOException {
        List<GapViews.InvestmentTargets> all = service.chainNames().stream().map(c -> service.investmentTargets(c, null)).toList();
        return switch (format) {
            case "json" -> ResponseEntity.ok(all);
            case "xlsx" -> file("全市重点招商对象清单.xlsx", TableExport.XLSX_MEDIA_TYPE, out -> TableExport.xlsx(
                    all.stream().map(t -> new TableExport.Table(t.chain(), COLUMNS, rows(t))).toList(), about(), out));
            case "csv" -> {
                List<String> columns = new java.util.ArrayList<>(List.of("产业链"));
                columns.addAll(COLUMNS);
                List<List<Object>> rows = all.stream().flatMap(t -> rows(t).stream().map(r -> {
                    List<Object> row = new java.util.ArrayList<>(List.of(t.chain()));
                    row.addAll(r);
                    return row;
                })).toList();
                yield file("全市重点招商对象清单.csv", TableExport.CSV_MEDIA_TYPE, out -> TableExport.csv(columns, rows, out));
            }
            default -> throw new BadRequestException("format", "format 须为 json、csv 或 xlsx，不能是 " + format,
                    "format must be json, csv or xlsx, not '" + format + "'");
        };
    }

    /** The candidates by rank, then one row per gap segment without any candidate (so every gap is on the list). */
    static List<List<Object>> rows(GapViews.InvestmentTargets t) {
        List<List<Object>> rows = new java.util.ArrayList<>(t.candidates().stream().map(c -> List.<Object>of(c.rank(), c.segment(),
                c.segmentStatus(), c.name(), c.enterpriseId(), c.region() == null ? "" : c.region(), c.score(), c.suppliesLocal(),
                String.join("、", c.localCustomers()), String.join("、", c.honours()), c.output(), c.primarySegment() ? "是" : "否",
                c.sample() ? "样例（虚构）" : "否", String.join("；", c.reasons()))).toList());
        t.gaps().stream().filter(g -> g.candidates() == 0).forEach(g -> rows.add(List.<Object>of("", g.segment(), g.status(),
                GapViews.NO_CANDIDATE, "", "", "", "", "", "", "", "", "", "")));
        return rows;
    }

    private static List<List<String>> about() {
        return List.of(List.of("说明", "重点招商对象清单：各链缺链/弱链环节的市外候选企业，按得分排序"),
                List.of("数据", GapService.NOTICE));
    }

    /** Writes a download with a UTF-8 file name. */
    private static ResponseEntity<byte[]> file(String filename, String mediaType, Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, TableExport.attachment(filename, "investment-targets" + filename.substring(filename.lastIndexOf('.'))))
                .contentType(MediaType.parseMediaType(mediaType))
                .body(out.toByteArray());
    }

    /** Something that writes an export to a stream. */
    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }
}
