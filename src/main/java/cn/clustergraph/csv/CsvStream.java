package cn.clustergraph.csv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * A CSV file read row by row (RFC 4180, the same rules as {@link CsvTable}) so registers of millions of rows never sit
 * in memory. Reads UTF-8 with or without BOM, and GB18030/GBK when the bytes are not valid UTF-8 (decided by one
 * streaming pass over the file). Each row knows its file and the physical line it starts on.
 */
public final class CsvStream implements Iterator<CsvTable.Row>, Closeable {

    /** Opens the bytes again for each pass (charset sniffing, then parsing). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final String file;
    private final Reader reader;
    private final ImportProblems problems;
    private final Charset charset;
    private final List<String> headers;
    private final char[] buf = new char[1 << 16];
    private int len;
    private int pos;
    private int line = 1;
    private boolean eof;
    private CsvTable.Row next;
    /** Cells of the record being read that passed the length limit: column index and length. */
    private final List<long[]> overlong = new ArrayList<>();
    private boolean unreadable;

    private CsvStream(String file, Reader reader, Charset charset, ImportProblems problems, UnaryOperator<String> headerName) throws IOException {
        this.file = file;
        this.reader = reader;
        this.charset = charset;
        this.problems = problems;
        int[] at = new int[1];
        List<String> h = readRecord(at);
        if (h == null) {
            problems.add(file, 1, null, "file is empty: a header row is required");
            this.headers = List.of();
            this.eof = true;
        } else {
            for (long[] o : overlong) {
                problems.add(file, 1, null, "header cell " + (o[0] + 1) + ": " + FileChecks.tooLong(o[1]));
            }
            List<String> written = h.stream().map(String::strip).map(s -> s.startsWith("\uFEFF") ? s.substring(1) : s).toList();
            this.headers = written.stream().map(headerName).toList();
            FileChecks.duplicateHeaders(file, 1, written, headers, i -> "column " + (i + 1), problems);
        }
    }

    /** A file that is not CSV text: its one problem is reported, it has no header and no rows. */
    private CsvStream(String file, ImportProblems problems, String why) {
        this.file = file;
        this.reader = Reader.nullReader();
        this.charset = StandardCharsets.UTF_8;
        this.problems = problems;
        this.headers = List.of();
        this.eof = true;
        this.unreadable = true;
        problems.add(file, 1, null, "not read: the file " + why);
    }

    /** True when the file is not CSV text (UTF-16, a workbook, binary): reported once, nothing else is said about it. */
    public boolean unreadable() {
        return unreadable;
    }

    /** Opens {@code file}: sniffs the charset, then reads the header row; header names go through {@code headerName}. */
    public static CsvStream open(String file, Opener opener, ImportProblems problems, UnaryOperator<String> headerName) {
        try {
            Charset cs;
            boolean bom;
            try (InputStream in = new BufferedInputStream(opener.open())) {
                byte[] sniff = new byte[4096];
                in.mark(sniff.length);
                int n = in.readNBytes(sniff, 0, sniff.length);
                String why = FileChecks.notText(sniff, n);
                if (why != null) {
                    return new CsvStream(file, problems, why);
                }
                in.reset();
                byte[] head = in.readNBytes(3);
                bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
                cs = bom || isUtf8(head, in) ? StandardCharsets.UTF_8 : GB18030;
            }
            InputStream in = new BufferedInputStream(opener.open(), 1 << 16);
            if (bom) {
                in.skipNBytes(3);
            }
            return new CsvStream(file, new InputStreamReader(in, cs), cs, problems, headerName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static boolean isUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate((1 << 16) + 8);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        in.put(head);
        byte[] chunk = new byte[1 << 16];
        while (true) {
            int n = rest.read(chunk);
            boolean end = n < 0;
            if (!end) {
                in.put(chunk, 0, n);
            }
            in.flip();
            CoderResult r = dec.decode(in, out, end);
            if (r.isError()) {
                return false;
            }
            out.clear();
            in.compact();
            if (end) {
                return !dec.flush(out).isError() && in.position() == 0;
            }
        }
    }

    public String file() {
        return file;
    }

    public Charset charset() {
        return charset;
    }

    public List<String> headers() {
        return headers;
    }

    /** Reports every required column the header lacks; returns whether all are present. */
    public boolean requireColumns(String... columns) {
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

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (eof) {
            return false;
        }
        try {
            while (true) {
                int[] at = new int[1];
                List<String> cells = readRecord(at);
                if (cells == null) {
                    eof = true;
                    return false;
                }
                if (cells.size() == 1 && cells.getFirst().isBlank()) {
                    continue;
                }
                for (long[] o : overlong) {
                    problems.add(file, at[0], o[0] < headers.size() ? headers.get((int) o[0]) : null, FileChecks.tooLong(o[1]));
                }
                if (cells.size() != headers.size()) {
                    problems.add(file, at[0], null, "has " + cells.size() + " cells, the header has " + headers.size());
                    continue;
                }
                Map<String, String> map = new LinkedHashMap<>(headers.size() * 2);
                for (int c = 0; c < headers.size(); c++) {
                    map.put(headers.get(c), cells.get(c));
                }
                next = new CsvTable.Row(file, at[0], map);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
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

    private int read() throws IOException {
        if (pos == len) {
            len = reader.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    /** The next record's cells, or null at end of file; {@code at[0]} is the line it starts on. */
    private List<String> readRecord(int[] at) throws IOException {
        List<String> record = new ArrayList<>();
        Cell cell = new Cell(FileChecks.maxFieldLength());
        overlong.clear();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean any = false;
        int quoteLine = 0;
        at[0] = line;
        while (true) {
            int ch = read();
            if (ch < 0) {
                if (quoted) {
                    problems.add(file, quoteLine, null, "quoted cell is never closed");
                }
                if (!any) {
                    return null;
                }
                record.add(cell.end(record.size(), overlong));
                return record;
            }
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append((char) ch);
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
                        cell.append('"');
                    }
                }
                case ',' -> {
                    record.add(cell.end(record.size(), overlong));
                    afterQuote = false;
                }
                case '\r' -> {
                    // CRLF or lone CR: the '\n' (if any) ends the record
                }
                case '\n' -> {
                    record.add(cell.end(record.size(), overlong));
                    line++;
                    return record;
                }
                default -> {
                    if (afterQuote) {
                        problems.add(file, line, null, "text after a closing quote");
                        afterQuote = false;
                    }
                    cell.append((char) ch);
                }
            }
        }
    }

    /** A cell being read: kept up to the length limit, its whole length counted (an overlong cell never fills the heap). */
    private static final class Cell {
        private final StringBuilder text = new StringBuilder();
        private final int max;
        private long length;

        Cell(int max) {
            this.max = max;
        }

        void append(char c) {
            length++;
            if (length <= max) {
                text.append(c);
            }
        }

        boolean isEmpty() {
            return length == 0;
        }

        /** The cell's text; an overlong one is recorded as {column, length}; the cell is empty again. */
        String end(int column, List<long[]> overlong) {
            if (length > max) {
                overlong.add(new long[]{column, length});
            }
            String s = text.toString();
            text.setLength(0);
            length = 0;
            return s;
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
