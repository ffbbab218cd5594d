package cn.clustergraph.csv;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The checks every import file passes before its cells are trusted, in one place for CSV and XLSX readers: what a file
 * that is not CSV text looks like (UTF-16, a workbook or archive, binary), a header naming one column twice, and the
 * longest cell accepted ({@code clustergraph.import.max-field-length}).
 */
public final class FileChecks {

    /** The encodings the importers read, as every "not readable" message names them. */
    public static final String ACCEPTED = "accepted: UTF-8 (with or without BOM) or GB18030/GBK CSV text, e.g. Excel's"
            + " \"CSV UTF-8\" or WPS's \"CSV\"";

    private static volatile int maxFieldLength = 10_000;

    private FileChecks() {
    }

    /** The longest cell accepted, in characters. */
    public static int maxFieldLength() {
        return maxFieldLength;
    }

    /** Binds {@code clustergraph.import.max-field-length} to the readers (which are opened statically, without Spring). */
    @Component
    static class Setting {
        Setting(@Value("${clustergraph.import.max-field-length:10000}") int max) {
            maxFieldLength = Math.max(1, max);
        }
    }

    /** The problem of a cell of {@code length} characters beyond the limit. */
    public static String tooLong(long length) {
        return "cell is " + length + " characters long; at most " + maxFieldLength + " are accepted (clustergraph.import.max-field-length)";
    }

    /**
     * What the first bytes of a file say when it is not CSV text the importers read, or null when it may be: a UTF-16
     * byte-order mark or the zero bytes of UTF-16 text, a ZIP (an XLSX workbook saved as .csv), an old .xls workbook,
     * other binary content.
     */
    public static String notText(byte[] head, int n) {
        if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return "looks like UTF-16 text (it starts with a UTF-16 byte-order mark), which is not read; " + ACCEPTED;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "looks like a ZIP archive or an XLSX workbook, not CSV text; upload the .xlsx as a workbook, or save the sheet as CSV ("
                    + ACCEPTED + ")";
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            return "looks like an old Excel .xls workbook, not CSV text; save it as .xlsx or as CSV (" + ACCEPTED + ")";
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C && b != 0x1A) {
                control++;
            }
        }
        int half = Math.max(1, n / 2);
        if (n >= 4 && (zeroOdd * 10 >= half * 3 && zeroEven * 10 < half || zeroEven * 10 >= half * 3 && zeroOdd * 10 < half)) {
            return "looks like UTF-16 text without a byte-order mark (every other byte is zero), which is not read; " + ACCEPTED;
        }
        if (zeroEven + zeroOdd > 0 || control * 20 > n) {
            return "looks like a binary file, not CSV text; " + ACCEPTED;
        }
        return null;
    }

    /**
     * Reports each column named twice in a header (after Chinese/English names are mapped): the mapped name and both
     * columns, as {@code label} numbers or letters them, with the header texts as written.
     */
    public static void duplicateHeaders(String file, int line, List<String> written, List<String> mapped, IntFunction<String> label,
                                        ImportProblems problems) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < mapped.size(); i++) {
            String name = mapped.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Integer at = first.putIfAbsent(name, i);
            if (at != null) {
                problems.add(file, line, name, "column '" + name + "' is in the header twice: " + label.apply(at) + " ('" + written.get(at)
                        + "') and " + label.apply(i) + " ('" + written.get(i) + "'); keep one (otherwise one would silently win)");
            }
        }
    }
}
