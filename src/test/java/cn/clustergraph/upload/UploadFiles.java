package cn.clustergraph.upload;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files built from the checked-in data: the sample register as CSV text per sheet, packed as ZIP or XLSX. */
public final class UploadFiles {

    private UploadFiles() {
    }

    public static String read(String relative) {
        try {
            return Files.readString(Path.of("import").resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample register's files (sheet → CSV text), in an order the importer reads them. */
    public static Map<String, String> sample() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("dataset", "enterprises", "figures", "honours", "supply_links", "targets")) {
            m.put(s, read("sample/" + s + ".csv"));
        }
        return m;
    }

    /** The 1-based line of {@code text} that contains {@code needle} first. */
    public static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }

    /** {@code text} without the data lines {@code drop} matches (the header stays). */
    public static String without(String text, Predicate<String> drop) {
        List<String> lines = text.lines().toList();
        List<String> out = new ArrayList<>(List.of(lines.getFirst()));
        lines.subList(1, lines.size()).stream().filter(drop.negate()).forEach(out::add);
        return String.join("\n", out) + "\n";
    }

    public static long dataLines(String text) {
        return text.lines().skip(1).filter(l -> !l.isBlank()).count();
    }

    public static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey().endsWith(".csv") ? e.getKey() : e.getKey() + ".csv"));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One worksheet per sheet, every cell text (credit codes stay text, as a careful Excel user keeps them). */
    public static byte[] xlsx(Map<String, String> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (var e : sheets.entrySet()) {
                ImportProblems problems = new ImportProblems();
                CsvTable t = CsvTable.parse(e.getKey() + ".csv", e.getValue().getBytes(StandardCharsets.UTF_8), problems);
                problems.throwIfAny(e.getKey());
                Sheet sheet = wb.createSheet(e.getKey());
                Row header = sheet.createRow(0);
                for (int c = 0; c < t.headers().size(); c++) {
                    header.createCell(c).setCellValue(t.headers().get(c));
                }
                int r = 1;
                for (CsvTable.Row row : t.rows()) {
                    Row x = sheet.createRow(r++);
                    for (int c = 0; c < t.headers().size(); c++) {
                        x.createCell(c).setCellValue(row.get(t.headers().get(c)));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
