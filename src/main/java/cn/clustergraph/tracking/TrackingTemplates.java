package cn.clustergraph.tracking;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.Role;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.department.DepartmentService;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.tracking.TrackingRecords.ActualRequest;
import cn.clustergraph.tracking.TrackingRecords.Board;
import cn.clustergraph.tracking.TrackingRecords.IndicatorItem;
import cn.clustergraph.tracking.TrackingRecords.ReportRequest;
import cn.clustergraph.tracking.TrackingRecords.TaskItem;
import cn.clustergraph.web.BadRequestException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data entry the way offices work: an XLSX template per department (or town) and quarter — its tasks and indicators
 * pre-filled, key columns locked, status and source as drop-downs — and the import of the filled file with the importer's
 * standards: every problem with sheet, row and column, nothing written when any problem exists, a preview before
 * confirming. Rows go through the same validation and versioned writes as the forms ({@link ProgressReports},
 * {@link IndicatorActualsService}).
 */
@Service
public class TrackingTemplates {

    static final String ABOUT = "说明";
    static final String REPORTS = "季度进展";
    static final String ACTUALS = "指标实绩";
    static final List<String> REPORT_COLUMNS = List.of("任务编号", "任务内容", "牵头单位", "状态", "完成%", "进展情况", "存在问题", "下步打算");
    static final List<String> ACTUAL_COLUMNS = List.of("指标编号", "指标", "单位", "镇（街道）", "实绩", "状态", "来源", "备注");

    private final TrackingService tracking;
    private final ProgressReports reports;
    private final IndicatorActualsService actuals;
    private final Scopes scopes;
    private final AuditService audit;
    private final DepartmentService departments;

    TrackingTemplates(TrackingService tracking, ProgressReports reports, IndicatorActualsService actuals, Scopes scopes,
                      AuditService audit, DepartmentService departments) {
        this.tracking = tracking;
        this.reports = reports;
        this.actuals = actuals;
        this.scopes = scopes;
        this.audit = audit;
        this.departments = departments;
    }

    /** One report row read from the file. */
    public record ReportRow(int row, long task, String status, Double percent, String progress) {
    }

    /** One figure row read from the file. */
    public record ActualRow(int row, String indicator, String town, Double value, String status, String source) {
    }

    /** The outcome of an import: {@code validated} (preview, nothing written) or {@code applied}. */
    public record ImportResult(String state, String department, String town, String period, List<ReportRow> reports,
                               List<ActualRow> actuals) {
    }

    /** The template of a department (or a town: its 附件3 rows) for a quarter. */
    @Transactional(readOnly = true)
    public byte[] template(String department, String town, String period) {
        UserAccount user = CurrentUser.require();
        Period p = ProgressReports.quarter(Period.parse("period", period));
        String dept = null;
        String tw = null;
        if (town != null && !town.isBlank() || user.has(Role.TOWN) && !Scopes.coordinator(user)) {
            tw = town != null && !town.isBlank() ? town.strip() : user.town();
        } else {
            String d = department != null && !department.isBlank() ? department.strip() : user.department();
            if (d == null) {
                throw new BadRequestException("department", "department is required (or town)");
            }
            dept = departments.resolve(d).orElseThrow(() -> new BadRequestException("department", "no department named '" + d + "'"));
        }
        Board b = tracking.board(p, AsOf.parse(null, tracking.dueDays()), dept);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle open = wb.createCellStyle();
            open.setLocked(false);
            Sheet about = wb.createSheet(ABOUT);
            String[][] lines = {{"部门", dept == null ? "" : dept}, {"镇（街道）", tw == null ? "" : tw}, {"季度", p.id()},
                    {"报送截止", b.due().toString()},
                    {"填写说明", "灰色列（编号、名称）已锁定，请勿修改；状态、来源请从下拉列表选择；完成%为年度计划完成百分比 0–100；流量指标填年初至本季度末累计值。"}};
            for (int i = 0; i < lines.length; i++) {
                Row r = about.createRow(i);
                r.createCell(0).setCellValue(lines[i][0]);
                r.createCell(1).setCellValue(lines[i][1]);
            }
            about.protectSheet("");
            Sheet rs = wb.createSheet(REPORTS);
            header(rs, REPORT_COLUMNS);
            int n = 1;
            if (dept != null) {
                for (TaskItem t : b.tasks()) {
                    if (!dept.equals(t.lead())) {
                        continue;
                    }
                    Row r = rs.createRow(n++);
                    r.createCell(0).setCellValue(t.no());
                    r.createCell(1).setCellValue(t.content() == null ? "" : t.content());
                    r.createCell(2).setCellValue(t.lead());
                    editable(r, 3, open, t.report() == null ? null : t.report().status());
                    Cell pc = r.createCell(4);
                    pc.setCellStyle(open);
                    if (t.report() != null && t.report().percent() != null) {
                        pc.setCellValue(t.report().percent());
                    }
                    editable(r, 5, open, t.report() == null ? null : t.report().progress());
                    editable(r, 6, open, t.report() == null ? null : t.report().problems());
                    editable(r, 7, open, t.report() == null ? null : t.report().nextSteps());
                }
            }
            dropDown(rs, Lights.STATUSES, 3, Math.max(n - 1, 1));
            rs.protectSheet("");
            Sheet as = wb.createSheet(ACTUALS);
            header(as, ACTUAL_COLUMNS);
            n = 1;
            for (IndicatorItem i : b.indicators()) {
                if (dept != null && dept.equals(i.lead())) {
                    n = actualRow(as, n, i, null, open);
                } else if (tw != null) {
                    for (var t : i.towns()) {
                        if (t.town().equals(tw)) {
                            n = actualRow(as, n, i, tw, open);
                        }
                    }
                }
            }
            dropDown(as, Lights.STATUSES, 5, Math.max(n - 1, 1));
            dropDown(as, IndicatorActualsService.SOURCES, 6, Math.max(n - 1, 1));
            as.protectSheet("");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int actualRow(Sheet s, int n, IndicatorItem i, String town, CellStyle open) {
        Row r = s.createRow(n);
        r.createCell(0).setCellValue(i.id());
        r.createCell(1).setCellValue(i.name());
        r.createCell(2).setCellValue(i.unit() == null ? "" : i.unit());
        r.createCell(3).setCellValue(town == null ? "" : town);
        for (int c = 4; c <= 7; c++) {
            r.createCell(c).setCellStyle(open);
        }
        return n + 1;
    }

    private static void editable(Row r, int c, CellStyle open, String value) {
        Cell cell = r.createCell(c);
        cell.setCellStyle(open);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void header(Sheet s, List<String> columns) {
        Row h = s.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            h.createCell(c).setCellValue(columns.get(c));
            s.setColumnWidth(c, c == 1 || c >= 5 ? 40 * 256 : 14 * 256);
        }
    }

    private static void dropDown(Sheet s, List<String> values, int column, int lastRow) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidation v = h.createValidation(h.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, lastRow, column, column));
        v.setShowErrorBox(true);
        s.addValidationData(v);
    }

    /** Reads a filled template; every problem with sheet, row and column; writes only when {@code confirm} and no problem. */
    @Transactional
    public ImportResult importFile(byte[] bytes, String filename, boolean confirm) {
        UserAccount user = CurrentUser.require();
        ImportProblems problems = new ImportProblems();
        List<ReportRow> rrows = new ArrayList<>();
        List<ActualRow> arows = new ArrayList<>();
        List<ProgressReports.Write> rw = new ArrayList<>();
        List<IndicatorActualsService.Write> aw = new ArrayList<>();
        String dept;
        String town;
        Period period;
        ZonedDateTime at = ZonedDateTime.now(Period.ZONE);
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet about = wb.getSheet(ABOUT);
            Sheet rs = wb.getSheet(REPORTS);
            Sheet as = wb.getSheet(ACTUALS);
            if (about == null || rs == null || as == null) {
                problems.add(filename, 0, "", "not a tracking template: sheets " + ABOUT + ", " + REPORTS + " and " + ACTUALS + " are required");
                problems.throwIfAny(filename);
            }
            dept = blankNull(text(fmt, about, 0, 1));
            town = blankNull(text(fmt, about, 1, 1));
            period = null;
            try {
                period = ProgressReports.quarter(Period.parse("period", text(fmt, about, 2, 1)));
            } catch (BadRequestException e) {
                problems.add(ABOUT, 3, "B 季度", e.getMessage());
            }
            checkHeader(problems, fmt, rs, REPORT_COLUMNS);
            checkHeader(problems, fmt, as, ACTUAL_COLUMNS);
            if (dept != null && !Scopes.coordinator(user) && !dept.equals(user.department())) {
                throw new AccessDeniedException("This template is for " + dept + "; you may import only your own department's");
            }
            if (town != null && !scopes.canWriteTown(user, town)) {
                throw new AccessDeniedException("This template is for " + town + "; you may import only your own town's");
            }
            if (period != null) {
                for (int r = 1; r <= rs.getLastRowNum(); r++) {
                    Row row = rs.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    String no = text(fmt, rs, r, 0);
                    String status = text(fmt, rs, r, 3);
                    String percent = text(fmt, rs, r, 4);
                    if (no.isBlank() && status.isBlank() && percent.isBlank()) {
                        continue;
                    }
                    if (status.isBlank() && percent.isBlank()) {
                        continue; // a task not reported this time
                    }
                    long task;
                    try {
                        task = Long.parseLong(no.strip());
                        Scopes.TaskResponsibility resp = scopes.task(task);
                        if (!scopes.canWriteTask(user, resp)) {
                            problems.add(REPORTS, r + 1, "A 任务编号", "task " + task + " is led by " + resp.lead() + ", not by you");
                            continue;
                        }
                    } catch (RuntimeException e) {
                        problems.add(REPORTS, r + 1, "A 任务编号", "no task '" + no + "' (tasks are 1–62; do not edit locked columns)");
                        continue;
                    }
                    Double pct = null;
                    try {
                        pct = percent.isBlank() ? null : Double.parseDouble(percent.strip().replace("%", ""));
                    } catch (NumberFormatException e) {
                        problems.add(REPORTS, r + 1, "E 完成%", "'" + percent + "' is not a number (0–100)");
                        continue;
                    }
                    try {
                        ProgressReports.Write w = reports.validate(task, new ReportRequest(period.id(), status.isBlank() ? null : status, pct,
                                text(fmt, rs, r, 5), text(fmt, rs, r, 6), text(fmt, rs, r, 7), List.of(), "XLSX 模板导入"), at,
                                user.username(), dept != null ? dept : Role.COORDINATOR.label());
                        rw.add(w);
                        rrows.add(new ReportRow(r + 1, task, w.status(), w.percent(), w.progress()));
                    } catch (BadRequestException e) {
                        problems.add(REPORTS, r + 1, column(REPORT_COLUMNS, e.field()), e.getMessage());
                    }
                }
                for (int r = 1; r <= as.getLastRowNum(); r++) {
                    if (as.getRow(r) == null) {
                        continue;
                    }
                    String id = text(fmt, as, r, 0).strip();
                    String value = text(fmt, as, r, 4).strip();
                    String status = text(fmt, as, r, 5).strip();
                    if (value.isBlank() && status.isBlank()) {
                        continue;
                    }
                    String tw = blankNull(text(fmt, as, r, 3));
                    try {
                        Scopes.IndicatorResponsibility ind = scopes.indicator(id);
                        String resolved = tw == null ? null : actuals.resolveTown(ind, tw);
                        if (!scopes.canWriteIndicator(user, ind, resolved)) {
                            problems.add(ACTUALS, r + 1, "A 指标编号", "you may not report " + id + (tw == null ? " (city figure)" : " for " + tw));
                            continue;
                        }
                        Double v = null;
                        if (!value.isBlank()) {
                            try {
                                v = Double.parseDouble(value.replace(",", ""));
                            } catch (NumberFormatException e) {
                                problems.add(ACTUALS, r + 1, "E 实绩", "'" + value + "' is not a number");
                                continue;
                            }
                        }
                        IndicatorActualsService.Write w = actuals.validate(id, resolved, new ActualRequest(period.id(), resolved, v,
                                        null, status.isBlank() ? null : status, blankNull(text(fmt, as, r, 6)), blankNull(text(fmt, as, r, 7))),
                                at, user.username(), resolved != null ? "镇街道上报" : "部门上报");
                        aw.add(w);
                        arows.add(new ActualRow(r + 1, id, resolved, w.value(), w.status(), w.source()));
                    } catch (BadRequestException e) {
                        problems.add(ACTUALS, r + 1, column(ACTUAL_COLUMNS, e.field()), e.getMessage());
                    } catch (RuntimeException e) {
                        problems.add(ACTUALS, r + 1, "A 指标编号", "no indicator '" + id + "' (do not edit locked columns)");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AccessDeniedException || e instanceof cn.clustergraph.csv.ImportValidationException) {
                throw (RuntimeException) e;
            }
            problems.add(filename, 0, "", "cannot read the file as XLSX: " + e.getMessage());
            problems.throwIfAny(filename);
            throw new IllegalStateException(e);
        }
        problems.throwIfAny(filename);
        if (confirm) {
            for (ProgressReports.Write w : rw) {
                reports.write(w);
            }
            for (IndicatorActualsService.Write w : aw) {
                actuals.write(w);
            }
            Map<String, Object> counts = new HashMap<>();
            counts.put("reports", rw.size());
            counts.put("actuals", aw.size());
            audit.record("template.import", List.of("Period:" + period.id(), dept != null ? "Department:" + dept : "Town:" + town), null,
                    rw.size() + " reports, " + aw.size() + " figures from " + filename);
        }
        return new ImportResult(confirm ? "applied" : "validated", dept, town, period.id(), rrows, arows);
    }

    private static void checkHeader(ImportProblems problems, DataFormatter fmt, Sheet s, List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            String h = text(fmt, s, 0, c).strip();
            if (!h.equals(columns.get(c))) {
                problems.add(s.getSheetName(), 1, CellReference.convertNumToColString(c) + " " + columns.get(c),
                        "header must be '" + columns.get(c) + "', not '" + h + "'");
            }
        }
    }

    /** The column letter and header of a request field's column ({@code status} → {@code D 状态}). */
    private static String column(List<String> columns, String field) {
        String header = switch (field == null ? "" : field) {
            case "status" -> "状态";
            case "percent" -> "完成%";
            case "progress" -> "进展情况";
            case "problems" -> "存在问题";
            case "nextSteps" -> "下步打算";
            case "value" -> "实绩";
            case "source" -> "来源";
            case "note" -> "备注";
            case "town" -> "镇（街道）";
            default -> columns.get(0);
        };
        int i = Math.max(0, columns.indexOf(header));
        return CellReference.convertNumToColString(i) + " " + columns.get(i);
    }

    private static String text(DataFormatter fmt, Sheet s, int row, int col) {
        Row r = s.getRow(row);
        if (r == null) {
            return "";
        }
        Cell c = r.getCell(col);
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.NUMERIC) {
            double d = c.getNumericCellValue();
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return fmt.formatCellValue(c);
    }

    private static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
