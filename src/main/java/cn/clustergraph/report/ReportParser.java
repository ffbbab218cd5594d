package cn.clustergraph.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header comment block of a report file (format in docs/reports.md) and checks the query against it, so a
 * typo in a header or a parameter the query uses but does not declare shows up in the report list, not at 2 a.m.
 */
final class ReportParser {

    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TAG = Pattern.compile("@([A-Za-z]+)\\s*(.*)");
    private static final Pattern PARAM = Pattern.compile(
            "(\\S+)\\s+(\\S+)(?:\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+))?(?:\\s+(.*))?");
    private static final Pattern COLUMN = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s+(.*))?");
    private static final Set<String> COLUMN_TYPES = Set.of("String", "Integer", "Float", "Number", "Boolean", "Date",
            "DateTime", "List", "List<String>", "List<Integer>", "List<Float>", "List<Any>", "Map", "Node", "Relationship",
            "Path", "Any");
    /** Used by {@code GET /api/reports/{name}/run} for the output format. */
    static final Set<String> RESERVED_PARAMS = Set.of("format");

    private ReportParser() {
    }

    static Report parse(String name, String origin, String location, String text) {
        List<String> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add("file name '" + name + ".cypher': use letters, digits, '-' and '_' only");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        String title = null;
        String titleEn = null;
        List<String> description = new ArrayList<>();
        List<Report.Param> params = new ArrayList<>();
        List<Report.Column> columns = new ArrayList<>();
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("//")) {
                break;
            }
            String comment = line.substring(2).strip();
            if (!comment.startsWith("@")) {
                continue; // free comment line
            }
            int no = i + 1;
            Matcher tag = TAG.matcher(comment);
            if (!tag.matches()) {
                errors.add("line " + no + ": '" + comment + "' is not a header tag (@title, @description, @param, @column)");
                continue;
            }
            String value = tag.group(2).strip();
            switch (tag.group(1)) {
                case "title" -> {
                    if (title != null) {
                        errors.add("line " + no + ": second @title");
                        continue;
                    }
                    int bar = value.indexOf('|');
                    String zh = bar < 0 ? value : value.substring(0, bar).strip();
                    String en = bar < 0 ? "" : value.substring(bar + 1).strip();
                    if (zh.isEmpty() || en.isEmpty()) {
                        errors.add("line " + no + ": @title needs '中文标题 | English title'");
                    }
                    title = zh;
                    titleEn = en;
                }
                case "description" -> {
                    if (value.isEmpty()) {
                        errors.add("line " + no + ": empty @description");
                    } else {
                        description.add(value);
                    }
                }
                case "param" -> parseParam(no, value, params, errors);
                case "column" -> parseColumn(no, value, columns, errors);
                default -> errors.add("line " + no + ": unknown tag @" + tag.group(1)
                        + " (known: @title, @description, @param, @column)");
            }
        }
        if (title == null) {
            errors.add("header: missing '// @title 中文标题 | English title'");
        }
        if (description.isEmpty()) {
            errors.add("header: missing '// @description ...'");
        }
        if (columns.isEmpty()) {
            errors.add("header: no '// @column name Type description' line");
        }
        StringBuilder body = new StringBuilder();
        for (int k = i; k < lines.length; k++) {
            body.append(lines[k]).append('\n');
        }
        String query = checkQuery(body.toString(), params, errors);
        return new Report(name, origin, location, title, titleEn, String.join("\n", description), params, columns, query, errors);
    }

    private static void parseParam(int no, String value, List<Report.Param> params, List<String> errors) {
        Matcher m = PARAM.matcher(value);
        if (!m.matches()) {
            errors.add("line " + no + ": @param needs 'name Type [= default] description'");
            return;
        }
        String pname = m.group(1);
        if (!IDENT.matcher(pname).matches()) {
            errors.add("line " + no + ": parameter name '" + pname + "' must be a Cypher identifier (letters, digits, _)");
            return;
        }
        if (RESERVED_PARAMS.contains(pname)) {
            errors.add("line " + no + ": parameter name '" + pname + "' is reserved");
            return;
        }
        if (params.stream().anyMatch(p -> p.name().equals(pname))) {
            errors.add("line " + no + ": parameter '" + pname + "' declared twice");
            return;
        }
        ParamType type = ParamType.of(m.group(2));
        if (type == null) {
            errors.add("line " + no + ": parameter '" + pname + "' has unknown type '" + m.group(2) + "' (one of " + ParamType.labels() + ")");
            return;
        }
        String rawDefault = m.group(3);
        boolean required = rawDefault == null;
        Object def = null;
        if (rawDefault != null && !rawDefault.equals("null")) {
            String literal = rawDefault.startsWith("\"") ? unquote(rawDefault) : rawDefault;
            try {
                def = type.convert(literal);
            } catch (IllegalArgumentException e) {
                errors.add("line " + no + ": default of '" + pname + "': " + e.getMessage());
                return;
            }
        }
        params.add(new Report.Param(pname, type, required, def, m.group(4) == null ? "" : m.group(4).strip()));
    }

    private static void parseColumn(int no, String value, List<Report.Column> columns, List<String> errors) {
        Matcher m = COLUMN.matcher(value);
        if (!m.matches() || !IDENT.matcher(m.group(1)).matches()) {
            errors.add("line " + no + ": @column needs 'name Type description' with a Cypher identifier as name");
            return;
        }
        if (columns.stream().anyMatch(c -> c.name().equals(m.group(1)))) {
            errors.add("line " + no + ": column '" + m.group(1) + "' declared twice");
            return;
        }
        if (!COLUMN_TYPES.contains(m.group(2))) {
            errors.add("line " + no + ": column '" + m.group(1) + "' has unknown type '" + m.group(2) + "' (one of "
                    + String.join(", ", COLUMN_TYPES.stream().sorted().toList()) + ")");
            return;
        }
        columns.add(new Report.Column(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3).strip()));
    }

    private static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k < quoted.length() - 1; k++) {
            char c = quoted.charAt(k);
            if (c == '\\' && k + 1 < quoted.length() - 1) {
                c = quoted.charAt(++k);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Checks the body: one statement, no EXPLAIN/PROFILE, every {@code $param} declared and every declared one used. */
    private static String checkQuery(String body, List<Report.Param> params, List<String> errors) {
        String code = codeOnly(body);
        String trimmed = code.strip();
        if (trimmed.isEmpty()) {
            errors.add("query: nothing after the header");
            return "";
        }
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.contains(";")) {
            errors.add("query: one statement per report (a ';' separates statements)");
        }
        String first = trimmed.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (first.equals("EXPLAIN") || first.equals("PROFILE")) {
            errors.add("query: must not start with " + first + " (the app plans the query itself)");
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)").matcher(code);
        while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        for (String u : used) {
            if (params.stream().noneMatch(p -> p.name().equals(u))) {
                errors.add("query: uses $" + u + " but the header declares no '// @param " + u + " Type ...'");
            }
        }
        for (Report.Param p : params) {
            if (!used.contains(p.name())) {
                errors.add("query: parameter '" + p.name() + "' is declared but never used as $" + p.name());
            }
        }
        // Keep the author's text (comments and all) but drop a final ';', which the driver does not accept.
        int semicolon = code.lastIndexOf(';');
        String query = semicolon >= 0 && code.substring(semicolon + 1).isBlank()
                ? body.substring(0, semicolon) + body.substring(semicolon + 1) : body;
        return query.strip();
    }

    /**
     * The query with comments and the insides of string literals and backquoted names blanked out (same length, line
     * breaks kept), so {@code $x}, {@code ;} and keywords are only found in code.
     */
    static String codeOnly(String q) {
        StringBuilder out = new StringBuilder(q.length());
        int n = q.length();
        int i = 0;
        while (i < n) {
            char c = q.charAt(i);
            if (c == '/' && i + 1 < n && q.charAt(i + 1) == '/') {
                while (i < n && q.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && q.charAt(i + 1) == '*') {
                int end = q.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(q.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '\'' || c == '"') {
                out.append(c);
                i++;
                while (i < n && q.charAt(i) != c) {
                    if (q.charAt(i) == '\\' && i + 1 < n) {
                        out.append(' ');
                        i++;
                    }
                    out.append(q.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < n) {
                    out.append(c);
                    i++;
                }
            } else if (c == '`') {
                // A backquoted name keeps its text only after '$' (a parameter such as $`my param`).
                boolean param = i > 0 && q.charAt(i - 1) == '$';
                out.append(c);
                i++;
                while (i < n && q.charAt(i) != '`') {
                    out.append(param ? q.charAt(i) : ' ');
                    i++;
                }
                if (i < n) {
                    out.append('`');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
