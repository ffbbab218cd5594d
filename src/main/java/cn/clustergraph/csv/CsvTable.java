package cn.clustergraph.csv;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One CSV file read whole (small files: the programme, the chain maps), with the physical line each record starts on,
 * so every problem can name its file, line and column. Parsing is {@link CsvStream}'s: RFC 4180, UTF-8 with or without
 * BOM, and GB18030/GBK, which Excel on Chinese Windows saves.
 */
public record CsvTable(String file, Charset charset, List<String> headers, List<Row> rows) {

    /** A record: the line it starts on and its cells by column name. */
    public record Row(String file, int line, Map<String, String> cells) {

        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /** Parses {@code bytes}; structural problems (bad quoting, wrong cell count) are added to {@code problems}. */
    public static CsvTable parse(String file, byte[] bytes, ImportProblems problems) {
        try (CsvStream stream = CsvStream.open(file, () -> new ByteArrayInputStream(bytes), problems, UnaryOperator.identity())) {
            List<Row> rows = new ArrayList<>();
            stream.forEachRemaining(rows::add);
            return new CsvTable(file, stream.charset(), stream.headers(), rows);
        }
    }

    /** Reports every required column the header lacks; returns whether all are present. */
    public boolean requireColumns(ImportProblems problems, String... columns) {
        if (headers.isEmpty()) {
            return false;  // an empty or unreadable file, already reported
        }
        boolean ok = true;
        for (String c : columns) {
            if (!headers.contains(c)) {
                problems.add(file, 1, c, "required column is missing from the header");
                ok = false;
            }
        }
        return ok;
    }
}
