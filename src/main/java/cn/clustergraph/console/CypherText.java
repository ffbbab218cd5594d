package cn.clustergraph.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the analyst's query text without executing it: finds a leading {@code EXPLAIN}/{@code PROFILE} and the
 * {@code LOAD CSV} clause, looking past comments, string literals and backtick-quoted names.
 */
final class CypherText {

    private static final Pattern LOAD_CSV = Pattern.compile("\\bLOAD\\s+CSV\\b");
    private static final Pattern USE_SYSTEM = Pattern.compile("\\bUSE\\s+SYSTEM\\b");

    private CypherText() {
    }

    /** An execution keyword at the start of the query: where it is and which it is ({@code EXPLAIN} or {@code PROFILE}). */
    record Keyword(int start, String word) {
    }

    /**
     * The query with every comment turned into a space and every string literal and quoted name into an empty
     * placeholder, so that keyword checks see only Cypher syntax. An unterminated literal blanks the rest.
     */
    static String codeOnly(String query) {
        return scan(query, false);
    }

    /** True when the query text addresses the {@code system} database with a {@code USE} clause. */
    static boolean usesSystemDatabase(String query) {
        return USE_SYSTEM.matcher(scan(query, true).toUpperCase(Locale.ROOT)).find();
    }

    /** Comments become a space, literals an empty placeholder; quoted names are kept (unquoted) when {@code keepNames}. */
    private static String scan(String query, boolean keepNames) {
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
                int end = query.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
                int end = query.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                i = skipLiteral(query, i, c);
                out.append(c).append(c);
            } else if (c == '`') {
                int end = skipQuotedName(query, i);
                out.append(keepNames ? " " + query.substring(i + 1, Math.max(i + 1, end - 1)).replace("``", "`") + " " : "``");
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** True when the query uses {@code LOAD CSV} anywhere outside comments, strings and quoted names. */
    static boolean usesLoadCsv(String query) {
        return LOAD_CSV.matcher(codeOnly(query).toUpperCase(Locale.ROOT)).find();
    }

    /** A leading {@code EXPLAIN} or {@code PROFILE} (after whitespace and comments), if the query starts with one. */
    static Optional<Keyword> leadingExecutionKeyword(String query) {
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (query.startsWith("//", i)) {
                int end = query.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (query.startsWith("/*", i)) {
                int end = query.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        for (String word : new String[] {"EXPLAIN", "PROFILE"}) {
            if (query.regionMatches(true, i, word, 0, word.length())
                    && (i + word.length() == n || !Character.isJavaIdentifierPart(query.charAt(i + word.length())))) {
                return Optional.of(new Keyword(i, word));
            }
        }
        return Optional.empty();
    }

    private static int skipLiteral(String query, int start, char quote) {
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return query.length();
    }

    private static int skipQuotedName(String query, int start) {
        int i = start + 1;
        while (i < query.length()) {
            if (query.charAt(i) == '`') {
                if (i + 1 < query.length() && query.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return query.length();
    }
}
