package cn.clustergraph.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV file parsed per RFC 4180, with the physical line each record starts on, so every problem can name its
 * file, line and column. Reads UTF-8 (with or without BOM) and GB18030/GBK, which Excel on Chinese Windows saves.
 */
public record CsvTable(String file, Charset charset, List<String> headers, List<Row> rows) {

    /** A record: the line it starts on and its cells by column name. */
    public record Row(String file, int line, Map<String, String> cells) {

        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Parses {@code bytes}; structural problems (bad quoting, wrong cell count) are added to {@code problems}. */
    public static CsvTable parse(String file, byte[] bytes, ImportProblems problems) {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (!isUtf8(bytes)) {
            charset = GB18030;
        }
        String text = new String(bytes, offset, bytes.length - offset, charset);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parseRecords(file, text, records, lines, problems);
        if (records.isEmpty()) {
            problems.add(file, 1, null, "file is empty: a header row is required");
            return new CsvTable(file, charset, List.of(), List.of());
        }
        List<String> headers = records.getFirst().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            int line = lines.get(i);
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue; // blank line
            }
            if (cells.size() != headers.size()) {
                problems.add(file, line, null, "has " + cells.size() + " cells, the header has " + headers.size());
                continue;
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                map.put(headers.get(c), cells.get(c));
            }
            rows.add(new Row(file, line, map));
        }
        return new CsvTable(file, charset, headers, rows);
    }

    /** Reports every required column the header lacks; returns whether all are present. */
    public boolean requireColumns(ImportProblems problems, String... columns) {
        boolean ok = true;
        for (String c : columns) {
            if (!headers.contains(c)) {
                problems.add(file, 1, c, "required column is missing from the header");
                ok = false;
            }
        }
        return ok;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void parseRecords(String file, String text, List<List<String>> records, List<Integer> lines, ImportProblems problems) {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    if (cell.isEmpty() && !afterQuote) {
                        quoted = true;
                        quoteLine = line;
                    } else {
                        problems.add(file, line, null, "stray double quote inside an unquoted cell (quote the whole cell and double inner quotes)");
                        cell.append(ch);
                    }
                }
                case ',' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                }
                case '\r' -> {
                    // CRLF or lone CR: the '\n' (if any) ends the record
                }
                case '\n' -> {
                    record.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                    records.add(record);
                    lines.add(recordLine);
                    record = new ArrayList<>();
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (afterQuote) {
                        problems.add(file, line, null, "text after a closing quote");
                        afterQuote = false;
                    }
                    cell.append(ch);
                }
            }
        }
        if (quoted) {
            problems.add(file, quoteLine, null, "quoted cell is never closed");
        } else if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
            lines.add(recordLine);
        }
    }
}
