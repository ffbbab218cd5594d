package cn.clustergraph.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a table (column names + rows of plain Java values) as CSV that Excel/WPS open correctly in Chinese, or as a
 * real XLSX workbook; shared by every export (reports, investment-target lists) so they all look the same.
 *
 * <p>Values: {@code null}, {@link String}, {@link Number}, {@link Boolean}, {@link LocalDate}, {@link LocalDateTime},
 * other {@link TemporalAccessor}s (written as ISO text), {@link List} (scalars joined by {@code |}, the import
 * files' convention) and {@link Map} (written as JSON text).
 */
public final class TableExport {

    /** Media type of {@link #csv}: UTF-8, with a byte-order mark in the body. */
    public static final String CSV_MEDIA_TYPE = "text/csv;charset=UTF-8";
    /** Media type of {@link #xlsx}. */
    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Excel refuses longer cell texts. */
    private static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_COLUMN_WIDTH = 60;
    private static final int MIN_COLUMN_WIDTH = 6;

    private TableExport() {
    }

    /**
     * RFC 4180 CSV: UTF-8 with BOM (so Excel and WPS detect the encoding), CRLF line ends, a field quoted when it holds
     * a comma, quote or line break, inner quotes doubled. A text that a spreadsheet would run as a formula
     * ({@code = + - @} followed by more than a number) gets a leading apostrophe.
     */
    public static void csv(List<String> columns, Iterable<? extends List<?>> rows, OutputStream out) throws IOException {
        out.write(BOM);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csvLine(w, columns);
        for (List<?> row : rows) {
            csvLine(w, row);
        }
        w.flush();
    }

    private static void csvLine(Writer w, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object v = values.get(i);
            String s = text(v);
            if (!(v instanceof Number) && !(v instanceof Boolean)) {
                s = defuseFormula(s);  // every text, also lists and maps joined to text (aliases, names)
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                w.write('"');
                w.write(s.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(s);
            }
        }
        w.write("\r\n");
    }

    static String defuseFormula(String s) {
        return formulaLike(s) ? "'" + s : s;
    }

    /**
     * True when a spreadsheet would read the text as a formula (OWASP CSV injection): it starts with {@code = + @}, a tab,
     * CR or LF, or {@code -} followed by more than a number. The one rule both the CSV and the XLSX writer apply.
     */
    public static boolean formulaLike(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || c == '\n'
                || (c == '-' && s.length() > 1 && !NUMBER.matcher(s).matches());
    }

    /**
     * One-sheet workbook (plus an optional second sheet "说明" of label/value lines, e.g. the report's description and
     * parameters): bold header row, frozen and filterable, column widths from the content (CJK counted double), numbers
     * as numbers, dates as dates. Streams rows, so large tables do not sit in memory.
     *
     * @param sheetTitle sheet name (made safe for Excel: at most 31 characters, no {@code []:*?/\})
     * @param about      label/value lines for the "说明" sheet, or empty for none
     */
    public static void xlsx(String sheetTitle, List<String> columns, Iterable<? extends List<?>> rows,
                            List<List<String>> about, OutputStream out) throws IOException {
        xlsx(List.of(new Table(sheetTitle, columns, rows)), about, out);
    }

    /** One sheet of a workbook: its title, header and rows. */
    public record Table(String title, List<String> columns, Iterable<? extends List<?>> rows) {
    }

    /** As {@link #xlsx(String, List, Iterable, List, OutputStream)} with one sheet per table (e.g. one per chain). */
    public static void xlsx(List<Table> tables, List<List<String>> about, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            // formula-like text stays text even when a user edits the cell in Excel / WPS (the quote prefix, not content)
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            java.util.Set<String> names = new java.util.HashSet<>();
            String name = "Sheet1";
            for (Table table : tables) {
                name = WorkbookUtil.createSafeSheetName(table.title() == null || table.title().isBlank() ? "Sheet1" : table.title());
                for (int k = 2; !names.add(name); k++) {
                    name = WorkbookUtil.createSafeSheetName(name.substring(0, Math.min(name.length(), 27)) + " (" + k + ")");
                }
                writeSheet(wb.createSheet(name), table.columns(), table.rows(), header, date, dateTime, quoted);
            }
            if (about != null && !about.isEmpty()) {
                Sheet info = wb.createSheet(name.equals("说明") ? "说明 About" : "说明");
                int i = 0;
                int labelWidth = 4;
                int valueWidth = 10;
                for (List<String> line : about) {
                    Row row = info.createRow(i++);
                    for (int c = 0; c < line.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(clip(line.get(c) == null ? "" : line.get(c)));
                        if (c > 0 && formulaLike(line.get(c))) {
                            cell.setCellStyle(quoted);
                        }
                        if (c == 0) {
                            cell.setCellStyle(header);
                            labelWidth = Math.max(labelWidth, displayWidth(line.get(c)));
                        } else {
                            valueWidth = Math.max(valueWidth, displayWidth(line.get(c)));
                        }
                    }
                }
                info.setColumnWidth(0, (Math.min(labelWidth, 30) + 2) * 256);
                for (int c = 1; c < 4; c++) {
                    info.setColumnWidth(c, (Math.min(valueWidth, 80) + 2) * 256);
                }
            }
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    private static void writeSheet(SXSSFSheet sheet, List<String> columns, Iterable<? extends List<?>> rows,
                                   CellStyle header, CellStyle date, CellStyle dateTime, CellStyle quoted) {
        int[] widths = new int[columns.size()];
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(header);
            widths[c] = displayWidth(columns.get(c));
        }
        int r = 1;
        for (List<?> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (v) {
                    case Number n -> cell.setCellValue(n.doubleValue());
                    case Boolean b -> cell.setCellValue(b);
                    case LocalDate d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    }
                    case LocalDateTime d -> {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateTime);
                    }
                    default -> {
                        String t = clip(text(v));
                        cell.setCellValue(t);
                        if (formulaLike(t)) {
                            cell.setCellStyle(quoted);
                        }
                    }
                }
                if (c < widths.length) {
                    widths[c] = Math.max(widths[c], v instanceof LocalDate ? 10 : v instanceof LocalDateTime ? 19 : displayWidth(text(v)));
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (Math.clamp(widths[c], MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH) + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
        }
    }

    /**
     * A {@code Content-Disposition: attachment} value with an ASCII fallback name and the exact name as
     * {@code filename*=UTF-8''…} (RFC 6266 / 5987), so Chinese file names survive every browser.
     */
    public static String attachment(String filename) {
        return attachment(filename, null);
    }

    /** As {@link #attachment(String)}, with the ASCII name for old clients given (e.g. an English report id). */
    public static String attachment(String filename, String asciiFallback) {
        String ascii = (asciiFallback == null ? filename : asciiFallback).replaceAll("[^A-Za-z0-9._-]", "_");
        int dot = ascii.lastIndexOf('.');
        String stem = dot >= 0 ? ascii.substring(0, dot) : ascii;
        if (stem.replaceAll("[^A-Za-z0-9]", "").isEmpty()) {
            ascii = "export" + (dot >= 0 ? ascii.substring(dot) : "");
        }
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The text of a value as written to a CSV field or an XLSX text cell. */
    public static String text(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case BigDecimal b -> b.stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case TemporalAccessor t -> t.toString();
            case List<?> list -> {
                StringBuilder sb = new StringBuilder();
                boolean scalars = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
                if (!scalars) {
                    yield json(list);
                }
                for (Object x : list) {
                    if (!sb.isEmpty()) {
                        sb.append('|');
                    }
                    sb.append(text(x));
                }
                yield sb.toString();
            }
            case Map<?, ?> map -> json(map);
            default -> v.toString();
        };
    }

    private static String number(double d) {
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }

    /** Compact JSON for nested values inside one cell. */
    static String json(Object v) {
        StringBuilder sb = new StringBuilder();
        appendJson(sb, v);
        return sb.toString();
    }

    private static void appendJson(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Number n -> sb.append(text(n));
            case Boolean b -> sb.append(b);
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    appendJson(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    appendJson(sb, e.getValue());
                }
                sb.append('}');
            }
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    appendJson(sb, list.get(i));
                }
                sb.append(']');
            }
            default -> {
                String s = v instanceof String str ? str : text(v);
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    switch (ch) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        default -> {
                            if (ch < 0x20) {
                                sb.append(String.format("\\u%04x", (int) ch));
                            } else {
                                sb.append(ch);
                            }
                        }
                    }
                }
                sb.append('"');
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_CELL_CHARS ? s : s.substring(0, MAX_CELL_CHARS - 1) + "…";
    }

    /** Columns a text needs in a spreadsheet: East Asian wide characters count two (longest line for multi-line text). */
    static int displayWidth(String s) {
        int best = 0;
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                best = Math.max(best, w);
                w = 0;
                continue;
            }
            w += isWide(cp) ? 2 : 1;
        }
        return Math.max(best, w);
    }

    private static boolean isWide(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && (cp == 0x201C || cp == 0x201D)
                || b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.HANGUL_SYLLABLES;
    }
}
