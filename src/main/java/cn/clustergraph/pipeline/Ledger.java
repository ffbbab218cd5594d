package cn.clustergraph.pipeline;

import cn.clustergraph.account.CurrentUser;
import cn.clustergraph.account.UserAccount;
import cn.clustergraph.audit.AuditService;
import cn.clustergraph.chain.ChainNames;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.export.TableExport;
import cn.clustergraph.security.Scopes;
import cn.clustergraph.web.BadRequestException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The 招商台账: every lead the user sees as one table in the usual column layout (XLSX or CSV), and the XLSX read back.
 * Reading validates every row first (sheet, Excel row, column named) and writes nothing while any problem exists; rows
 * whose 编号 is a lead already in the graph must equal it (the 台账 adds leads; changes go through the lead's page, so each
 * is an event), rows without 编号 become new leads at their stated stage. Without {@code confirm} it answers the preview.
 */
@Service
class Ledger {

    static final String SHEET = "台账";

    /** The columns: key and header (Chinese, the English key in brackets so either reads back). */
    static final List<String[]> COLUMNS = List.of(
            new String[]{"id", "编号"}, new String[]{"title", "项目名称"}, new String[]{"enterprise", "企业名称"},
            new String[]{"credit_code", "统一社会信用代码"}, new String[]{"chain", "产业链"}, new String[]{"segments", "环节"},
            new String[]{"source", "来源"}, new String[]{"owner", "负责人"}, new String[]{"chain_leader", "链长"},
            new String[]{"stage", "阶段"}, new String[]{"stage_date", "阶段日期"}, new String[]{"signed_on", "签约日期"},
            new String[]{"foreign", "外资"}, new String[]{"total_investment", "总投资（万元）"},
            new String[]{"total_investment_usd", "总投资（万美元）"}, new String[]{"registered_investment", "注册资本（万元）"},
            new String[]{"land_mu", "用地（亩）"}, new String[]{"expected_output", "预计年产值（万元）"},
            new String[]{"expected_tax", "预计年税收（万元）"}, new String[]{"planned_start", "计划开工"},
            new String[]{"actual_start", "实际开工"}, new String[]{"planned_production", "计划投产"},
            new String[]{"actual_production", "实际投产"}, new String[]{"fortune500", "世界500强"}, new String[]{"town", "落户镇街"},
            new String[]{"big", "招大引强"}, new String[]{"last_follow_up", "最近跟进"}, new String[]{"sample", "样例"});

    /** Columns compared for rows of existing leads (the rest are derived: big, last follow-up, dates of moves). */
    private static final List<String> COMPARED = List.of("title", "enterprise", "credit_code", "chain", "segments", "source", "owner",
            "stage", "foreign", "total_investment", "total_investment_usd", "registered_investment", "land_mu", "expected_output",
            "expected_tax", "planned_start", "planned_production", "fortune500", "town");

    private static final Map<String, String> PROJECT_KEYS = Map.ofEntries(Map.entry("foreign", "foreign"),
            Map.entry("total_investment", "totalInvestment"), Map.entry("total_investment_usd", "totalInvestmentUsd"),
            Map.entry("registered_investment", "registeredInvestment"), Map.entry("land_mu", "landMu"),
            Map.entry("expected_output", "expectedOutput"), Map.entry("expected_tax", "expectedTax"),
            Map.entry("planned_start", "plannedStart"), Map.entry("planned_production", "plannedProduction"),
            Map.entry("fortune500", "fortune500"), Map.entry("town", "town"));

    /** What an import found or did. */
    record Result(String file, int rows, int added, int unchanged, boolean written, List<String> newLeads, List<Map<String, Object>> preview) {
    }

    private final PipelineService pipeline;
    private final LeadStore store;
    private final LeadService leads;
    private final Scopes scopes;
    private final ChainNames chains;
    private final AuditService audit;

    Ledger(PipelineService pipeline, LeadStore store, LeadService leads, Scopes scopes, ChainNames chains, AuditService audit) {
        this.pipeline = pipeline;
        this.store = store;
        this.leads = leads;
        this.scopes = scopes;
        this.chains = chains;
        this.audit = audit;
    }

    static List<String> headers() {
        return COLUMNS.stream().map(c -> c[1] + " (" + c[0] + ")").toList();
    }

    /** The 台账 of the leads the user sees, as rows of the columns. */
    List<List<Object>> rows() {
        UserAccount user = CurrentUser.require();
        scopes.requireSeeLeads(user);
        return pipeline.visible(user).stream().map(this::row).toList();
    }

    boolean anySample(List<List<Object>> rows) {
        return rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.getLast()));
    }

    private List<Object> row(LeadStore.Loaded l) {
        Map<String, Object> p = l.props();
        Map<String, Object> pr = l.project() == null ? Map.of() : l.project();
        return Arrays.asList(l.id(), p.get("title"), l.enterpriseName(), p.get("creditCode"), l.chain(), String.join("|", l.segmentIds()),
                p.get("source"), l.owner(), p.get("chainLeader"), l.stage(), l.stageDate(), l.signedOn(), pr.get("foreign"),
                pr.get("totalInvestment"), pr.get("totalInvestmentUsd"), pr.get("registeredInvestment"), pr.get("landMu"),
                pr.get("expectedOutput"), pr.get("expectedTax"), pr.get("plannedStart"), l.firstAtOrBeyond(Stages.STARTED),
                pr.get("plannedProduction"), l.producedOn(), pr.get("fortune500"), pr.get("town"), store.verdict(l).big(),
                l.lastFollowUp(), l.sample());
    }

    void xlsx(List<List<Object>> rows, OutputStream out) throws IOException {
        TableExport.xlsx(SHEET, headers(), rows, List.of(List.of("说明", "招商台账：每行一条线索；编号为空的行在导入时新建线索，已有编号的行须与系统一致（修改请在线索页面）"),
                List.of("招大引强", "世界500强、总投资超亿美元（外资）、备案投资额10亿元以上（正文 二(二)4），由投资额按年度汇率判断")), out);
    }

    void csv(List<List<Object>> rows, OutputStream out) throws IOException {
        TableExport.csv(headers(), rows, out);
    }

    /** Reads a 台账 workbook: every problem first (nothing written), then, with {@code confirm}, the new leads. */
    @Transactional
    Result read(String filename, InputStream in, boolean confirm) {
        UserAccount user = CurrentUser.require();
        scopes.requireCreateLead(user);
        String file = (filename == null || filename.isBlank() ? "ledger.xlsx" : filename) + "!" + SHEET;
        ImportProblems problems = new ImportProblems();
        List<Map<String, Object>> preview = new ArrayList<>();
        List<java.util.function.Supplier<String>> writes = new ArrayList<>();
        int rowsRead = 0;
        int unchanged = 0;
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(SHEET) != null ? wb.getSheet(SHEET) : wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
            if (sheet == null) {
                problems.add(file, 1, null, "the workbook has no sheet");
                throw new ImportValidationException("台账 " + filename, problems.list());
            }
            file = (filename == null ? "ledger.xlsx" : filename) + "!" + sheet.getSheetName();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> at = new HashMap<>();
            DataFormatter fmt = new DataFormatter();
            if (header != null) {
                for (Cell c : header) {
                    String h = fmt.formatCellValue(c).strip();
                    for (String[] col : COLUMNS) {
                        if (h.equals(col[1]) || h.equals(col[0]) || h.equals(col[1] + " (" + col[0] + ")")) {
                            at.put(col[0], c.getColumnIndex());
                        }
                    }
                }
            }
            for (String need : List.of("enterprise", "chain", "segments")) {
                if (!at.containsKey(need)) {
                    problems.add(file, 1, need, "missing column " + header(need));
                }
            }
            if (!problems.isEmpty()) {
                throw new ImportValidationException("台账 " + filename, problems.list());
            }
            Map<String, LeadStore.Loaded> existing = new HashMap<>();
            store.all(null).forEach(l -> existing.put(l.id(), l));
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || empty(row, fmt)) {
                    continue;
                }
                rowsRead++;
                Cells cells = new Cells(file, r + 1, row, at, fmt, problems);
                String id = cells.text("id");
                if (id != null) {
                    LeadStore.Loaded l = existing.get(id);
                    if (l == null) {
                        cells.problem("id", "no lead " + id + " (leave 编号 empty for a new lead)");
                        continue;
                    }
                    if (!scopes.canSeeLead(user, l.chain())) {
                        cells.problem("id", "lead " + id + " is not visible to you");
                        continue;
                    }
                    List<Object> now = row(l);
                    boolean same = true;
                    for (String key : COMPARED) {
                        Object mine = now.get(index(key));
                        String given = cells.text(key);
                        if (!Objects.equals(normal(mine), normal(given == null ? null : cells.raw(key)))) {
                            cells.problem(key, "differs from lead " + id + " (" + TableExport.text(mine) + "): the 台账 only adds leads;"
                                    + " change a lead on its page so the change is an event");
                            same = false;
                        }
                    }
                    unchanged += same ? 1 : 0;
                    continue;
                }
                String enterprise = cells.required("enterprise");
                String chainName = cells.required("chain");
                String chain = chainName == null ? null : chains.resolve(chainName).orElse(null);
                if (chainName != null && chain == null) {
                    cells.problem("chain", "no chain '" + chainName + "'");
                }
                List<String> segments = null;
                String segText = cells.required("segments");
                if (chain != null && segText != null) {
                    segments = cells.check("segments", () -> leads.segments(chain, List.of(segText.split("\\|"))));
                }
                String code = cells.text("credit_code");
                if (code != null) {
                    cells.check("credit_code", () -> LeadService.creditCode(code));
                }
                String source = cells.check("source", () -> LeadService.source(cells.text("source"), "台账导入"));
                String owner = cells.text("owner") == null ? user.username() : cells.text("owner");
                if (!owner.equals(user.username()) && !scopes.canReassignLead(user)) {
                    cells.problem("owner", "only the coordinator may import leads for another owner (" + owner + ")");
                }
                String stage = cells.text("stage") == null ? Stages.LEAD : cells.check("stage", () -> Stages.parse(cells.text("stage"), "stage"));
                if (Stages.PRODUCING.equals(stage) || Stages.TERMINATED.equals(stage)) {
                    cells.problem("stage", stage + " is set on the lead's page (投产 updates the register; 终止 needs a reason)");
                }
                LocalDate stageDate = cells.date("stage_date");
                if (stage != null && !Stages.LEAD.equals(stage) && stageDate == null) {
                    cells.problem("stage_date", "阶段日期 is required for stage " + stage);
                }
                if (stageDate != null && stageDate.isAfter(LeadStore.today())) {
                    cells.problem("stage_date", "阶段日期 " + stageDate + " is in the future");
                }
                Map<String, Object> project = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : PROJECT_KEYS.entrySet()) {
                    String v = cells.text(e.getKey());
                    if (v == null) {
                        continue;
                    }
                    Object value = switch (e.getValue()) {
                        case "foreign", "fortune500" -> cells.bool(e.getKey());
                        case "plannedStart", "plannedProduction" -> cells.date(e.getKey()) == null ? null : cells.date(e.getKey()).toString();
                        case "town" -> v;
                        default -> cells.number(e.getKey());
                    };
                    if (value != null) {
                        project.put(e.getValue(), value);
                    }
                }
                Map<String, Object> figures;
                try {
                    figures = leads.project(project, new HashMap<>());
                } catch (BadRequestException e) {
                    String field = e.field() == null ? "" : e.field().replace("project.", "");
                    cells.problem(PROJECT_KEYS.entrySet().stream().filter(x -> x.getValue().equals(field)).map(Map.Entry::getKey)
                            .findFirst().orElse("total_investment"), e.getMessage());
                    figures = Map.of();
                }
                Map<String, Object> fig = figures;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("row", r + 1);
                item.put("enterprise", enterprise);
                item.put("chain", chain);
                item.put("segments", segments);
                item.put("stage", stage);
                preview.add(item);
                List<String> segs = segments;
                String title = cells.text("title");
                String chainLeader = cells.text("chain_leader");
                writes.add(() -> writes(user, enterprise, code, chain, segs, source, owner, chainLeader, title, stage, stageDate, fig));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportValidationException v) {
                throw v;
            }
            if (e instanceof BadRequestException || e instanceof org.springframework.security.access.AccessDeniedException) {
                throw (RuntimeException) e;
            }
            problems.add(file, 1, null, "not a readable XLSX workbook: " + e.getClass().getSimpleName());
        }
        if (!problems.isEmpty()) {
            throw new ImportValidationException("台账 " + filename, problems.list());
        }
        List<String> created = new ArrayList<>();
        if (confirm) {
            for (var w : writes) {
                created.add(w.get());
            }
            audit.record("lead.ledger-import", created.stream().map(x -> "Lead:" + x).toList(), null,
                    filename + ": " + created.size() + " new leads " + created);
        }
        return new Result(filename, rowsRead, writes.size(), unchanged, confirm, created, preview);
    }

    private String writes(UserAccount user, String enterprise, String code, String chain, List<String> segments, String source, String owner,
                        String chainLeader, String title, String stage, LocalDate stageDate, Map<String, Object> figures) {
        Map<String, Object> project = new HashMap<>();
        figures.forEach((k, v) -> project.put(k, v instanceof LocalDate d ? d.toString() : v));
        return leads.createFromLedger(user, enterprise, code, chain, segments, source, owner, chainLeader, title, stage, stageDate, project);
    }

    private static int index(String key) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i)[0].equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    static String header(String key) {
        return COLUMNS.get(index(key))[1] + " (" + key + ")";
    }

    private static Object normal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        String s = TableExport.text(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static boolean empty(Row row, DataFormatter fmt) {
        for (Cell c : row) {
            if (!fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** One row's cells with problems named by file, Excel row and column (letter and header). */
    private static final class Cells {
        private final String file;
        private final int line;
        private final Row row;
        private final Map<String, Integer> at;
        private final DataFormatter fmt;
        private final ImportProblems problems;

        Cells(String file, int line, Row row, Map<String, Integer> at, DataFormatter fmt, ImportProblems problems) {
            this.file = file;
            this.line = line;
            this.row = row;
            this.at = at;
            this.fmt = fmt;
            this.problems = problems;
        }

        Cell cell(String key) {
            Integer i = at.get(key);
            return i == null ? null : row.getCell(i);
        }

        String text(String key) {
            Cell c = cell(key);
            if (c == null) {
                return null;
            }
            String s = c.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(c) ? TableExport.text(c.getNumericCellValue())
                    : fmt.formatCellValue(c).strip();
            return s.isEmpty() ? null : s;
        }

        Object raw(String key) {
            Cell c = cell(key);
            if (c == null) {
                return null;
            }
            if (c.getCellType() == CellType.NUMERIC) {
                return DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate() : (Object) c.getNumericCellValue();
            }
            if (c.getCellType() == CellType.BOOLEAN) {
                return c.getBooleanCellValue();
            }
            return text(key);
        }

        void problem(String key, String message) {
            Integer i = at.get(key);
            problems.add(file, line, (i == null ? "" : CellReference.convertNumToColString(i) + " ") + header(key), message);
        }

        String required(String key) {
            String v = text(key);
            if (v == null) {
                problem(key, header(key) + " is required");
            }
            return v;
        }

        <T> T check(String key, java.util.function.Supplier<T> s) {
            try {
                return s.get();
            } catch (BadRequestException e) {
                problem(key, e.getMessage());
                return null;
            }
        }

        Double number(String key) {
            Object v = raw(key);
            if (v instanceof Double d) {
                return d;
            }
            try {
                return Double.parseDouble(String.valueOf(v).strip());
            } catch (NumberFormatException e) {
                problem(key, "not a number: '" + v + "'");
                return null;
            }
        }

        Boolean bool(String key) {
            Object v = raw(key);
            if (v instanceof Boolean b) {
                return b;
            }
            String s = String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
            return switch (s) {
                case "true", "是", "y", "yes", "1" -> true;
                case "false", "否", "n", "no", "0" -> false;
                default -> {
                    problem(key, "not 是/否 (true/false): '" + v + "'");
                    yield null;
                }
            };
        }

        LocalDate date(String key) {
            Object v = raw(key);
            if (v == null) {
                return null;
            }
            if (v instanceof LocalDate d) {
                return d;
            }
            try {
                return LocalDate.parse(String.valueOf(v).strip());
            } catch (RuntimeException e) {
                problem(key, "not a date (2026-03-01): '" + v + "'");
                return null;
            }
        }
    }
}
