package cn.clustergraph.register;

import cn.clustergraph.csv.FileChecks;
import cn.clustergraph.csv.ImportValidationException;
import org.apache.poi.ss.util.CellReference;

import cn.clustergraph.csv.CsvStream;
import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * Where a register is read from: a folder of CSV files ({@code enterprises.csv}, {@code figures.csv} …), one CSV file,
 * an XLSX workbook with one sheet per file, or a folder of the bundled {@code import/} data. Each sheet can be opened
 * more than once (the importer validates everything in a first pass and writes in a second).
 */
public sealed interface RegisterSource {

    /** Rows of one sheet, streamed. */
    interface SheetRows extends Iterator<CsvTable.Row>, Closeable {
        String file();

        List<String> headers();

        @Override
        void close();
    }

    /** The sheets a register may have (a folder's {@code <sheet>.csv} files, a workbook's sheets). */
    List<String> SHEETS = List.of("enterprises", "figures", "honours", "supply_links", "targets", "dataset");

    String describe();

    /** The sheet named {@code name} (e.g. {@code enterprises}), or null when this register has none. */
    SheetRows open(String name, ImportProblems problems, UnaryOperator<String> headerName);

    /** How the sheet's headers (Chinese or English) map to its column names, as every reader of a register sheet takes them. */
    static UnaryOperator<String> headers(String sheet) {
        return RegisterRows.headers(sheet);
    }

    /** A folder, an {@code .xlsx} workbook or a single {@code .csv} file. */
    static RegisterSource of(Path path) {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx")) {
            return new Xlsx(path);
        }
        if (n.endsWith(".csv")) {
            return new SingleCsv(path);
        }
        throw new IllegalArgumentException(path + " is neither a folder, an .xlsx workbook nor a .csv file");
    }

    /** Sheet names as they may appear in a workbook (English file names or Chinese titles). */
    static String canonicalSheet(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        return switch (n) {
            case "企业", "企业名录", "企业清单" -> "enterprises";
            case "产值", "年度数据", "经营数据" -> "figures";
            case "荣誉", "企业荣誉" -> "honours";
            case "供应关系", "供应链", "供应链接" -> "supply_links";
            case "目标", "链目标", "产业链目标" -> "targets";
            case "数据集", "说明" -> "dataset";
            default -> n;
        };
    }

    private static CsvStream csv(String file, CsvStream.Opener opener, ImportProblems problems, UnaryOperator<String> headerName) {
        CsvStream s = CsvStream.open(file, opener, problems, headerName);
        return s;
    }

    /** A folder holding {@code <sheet>.csv} files. */
    record Folder(Path root) implements RegisterSource {
        @Override
        public String describe() {
            return root.toAbsolutePath().toString();
        }

        @Override
        public SheetRows open(String name, ImportProblems problems, UnaryOperator<String> headerName) {
            Path p = root.resolve(name + ".csv");
            if (!Files.isRegularFile(p)) {
                return null;
            }
            return new CsvRows(csv(name + ".csv", () -> Files.newInputStream(p), problems, headerName));
        }
    }

    /** One CSV file: its name says which sheet it is ({@code figures.csv} …); any other name is read as {@code enterprises}. */
    record SingleCsv(Path file) implements RegisterSource {
        @Override
        public String describe() {
            return file.toAbsolutePath().toString();
        }

        private String sheet() {
            String s = canonicalSheet(file.getFileName().toString());
            return SHEETS.contains(s) ? s : "enterprises";
        }

        @Override
        public SheetRows open(String name, ImportProblems problems, UnaryOperator<String> headerName) {
            if (!name.equals(sheet())) {
                return null;
            }
            return new CsvRows(csv(file.getFileName().toString(), () -> Files.newInputStream(file), problems, headerName));
        }
    }

    /** {@code <folder>/<sheet>.csv} of an {@link ImportSource} (the bundled data or {@code clustergraph.import.dir}). */
    record Bundled(ImportSource source, String folder) implements RegisterSource {
        @Override
        public String describe() {
            return source.describe() + " " + folder + "/";
        }

        @Override
        public SheetRows open(String name, ImportProblems problems, UnaryOperator<String> headerName) {
            byte[] bytes = source.read(folder + "/" + name + ".csv");
            if (bytes == null) {
                return null;
            }
            return new CsvRows(csv(folder + "/" + name + ".csv", () -> new ByteArrayInputStream(bytes), problems, headerName));
        }
    }

    /** An XLSX workbook, one sheet per file; problems name {@code book.xlsx!sheet} and the sheet's row number. */
    final class Xlsx implements RegisterSource {
        private final Path file;

        public Xlsx(Path file) {
            this.file = file;
        }

        @Override
        public String describe() {
            return file.toAbsolutePath().toString();
        }

        @Override
        public SheetRows open(String name, ImportProblems problems, UnaryOperator<String> headerName) {
            Workbook wb;
            try {
                wb = WorkbookFactory.create(file.toFile(), null, true);
            } catch (IOException | RuntimeException e) {
                throw new ImportValidationException("Register import (" + describe() + ")", List.of(new ImportProblems.Problem(
                        file.getFileName().toString(), 0, null, unreadable(e))));
            }
            for (Sheet sheet : wb) {
                if (canonicalSheet(sheet.getSheetName()).equals(name)) {
                    return new XlsxRows(wb, sheet, file.getFileName() + "!" + sheet.getSheetName(), problems, headerName);
                }
            }
            closeQuietly(wb);
            return null;
        }
    }

    /** Why a workbook cannot be read, said plainly (a zip bomb, not a workbook, damaged) — never a stack trace. */
    static String unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max") || m.contains("ratio")) {
                return "refused: the workbook unpacks to far more than its own size (a 'zip bomb': the compression ratio or an"
                        + " entry's size is beyond the safe limits); nothing was read. If it is a real register, save it again in"
                        + " Excel/WPS or send its sheets as CSV files in a ZIP";
            }
        }
        return "cannot read the file: it is not a readable XLSX workbook (" + e.getClass().getSimpleName() + "); save it again as .xlsx in Excel/WPS, or send"
                + " the sheets as CSV (" + FileChecks.ACCEPTED + ")";
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // read-only workbook
        }
    }

    /** Adapts a {@link CsvStream}. */
    record CsvRows(CsvStream s) implements SheetRows {
        @Override
        public String file() {
            return s.file();
        }

        @Override
        public List<String> headers() {
            return s.headers();
        }

        @Override
        public boolean hasNext() {
            return s.hasNext();
        }

        @Override
        public CsvTable.Row next() {
            return s.next();
        }

        @Override
        public void close() {
            s.close();
        }
    }

    /** Rows of one worksheet: the first non-empty row is the header. */
    final class XlsxRows implements SheetRows {
        private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
        private final Workbook wb;
        private final String file;
        private final ImportProblems problems;
        private final Iterator<Row> rows;
        private final List<String> headers = new ArrayList<>();
        private CsvTable.Row next;

        XlsxRows(Workbook wb, Sheet sheet, String file, ImportProblems problems, UnaryOperator<String> headerName) {
            this.wb = wb;
            this.file = file;
            this.problems = problems;
            this.rows = sheet.iterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                List<String> cells = cells(r, r.getLastCellNum());
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    cells.forEach(c -> headers.add(headerName.apply(c.strip())));
                    check(r, cells, null);
                    FileChecks.duplicateHeaders(file, r.getRowNum() + 1, cells.stream().map(String::strip).toList(), headers,
                            i -> "column " + CellReference.convertNumToColString(i), problems);
                    break;
                }
            }
            if (headers.isEmpty()) {
                problems.add(file, 1, null, "sheet is empty: a header row is required");
            }
        }

        private static List<String> cells(Row r, int n) {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < Math.max(n, 0); c++) {
                out.add(text(r.getCell(c)));
            }
            return out;
        }

        /**
         * Formula cells are refused (a register holds values: what a formula computed is not known to be current, and a
         * cached "0" was once stored as data), and cells beyond {@code clustergraph.import.max-field-length}; each with its
         * cell reference and column.
         */
        private void check(Row r, List<String> cells, List<String> names) {
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = r.getCell(c);
                String column = names != null && c < names.size() ? names.get(c) : null;
                String ref = CellReference.convertNumToColString(c) + (r.getRowNum() + 1);
                if (cell != null && cell.getCellType() == CellType.FORMULA) {
                    problems.add(file, r.getRowNum() + 1, column, "cell " + ref + " holds a formula (=" + cell.getCellFormula()
                            + "); a register takes values only: copy the column and paste it as values");
                }
                if (cells.get(c).length() > FileChecks.maxFieldLength()) {
                    problems.add(file, r.getRowNum() + 1, column, "cell " + ref + ": " + FileChecks.tooLong(cells.get(c).length()));
                }
            }
        }

        /** The cell as text; whole numbers without exponent or ".0" (a credit code typed as a number stays readable). */
        private static String text(Cell cell) {
            if (cell == null) {
                return "";
            }
            CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (t) {
                case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? FORMAT.formatCellValue(cell)
                        : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                case STRING -> cell.getStringCellValue();
                default -> "";
            };
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public List<String> headers() {
            return headers;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                Row r = rows.next();
                List<String> cells = cells(r, headers.size());
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                check(r, cells, headers);
                Map<String, String> map = new LinkedHashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    map.put(headers.get(c), cells.get(c));
                }
                next = new CsvTable.Row(file, r.getRowNum() + 1, map);
            }
            return next != null;
        }

        @Override
        public CsvTable.Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CsvTable.Row r = next;
            next = null;
            return r;
        }

        @Override
        public void close() {
            closeQuietly(wb);
        }
    }
}
