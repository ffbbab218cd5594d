package cn.clustergraph.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the analyst's query text without executing it: finds a leading {@code EXPLAIN}/{@code PROFILE} and the
 * {@code LOAD CSV} clause, looking past comments, string literals and backtick-quoted names; splits it into
 * {@link Token tokens} for the checks that read expressions ({@link GrowthCheck}, {@link LoopCheck}).
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
            if (Character.isWhitespace(query.charAt(i))) {
                i++;
            } else if (afterComment(query, i) > i) {
                i = afterComment(query, i);
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

    /** What a {@link Token} is. */
    enum Kind { WORD, NUMBER, STRING, PARAM, SYMBOL }

    /**
     * One token of a query: a name or keyword ({@code WORD}, backtick-quoted names unquoted), a number as written, a
     * string literal (its raw text), a parameter ({@code $name}: the name) or a symbol ({@code ( ) [ ] { } , | + * ..
     * || <= >= <> =~} and other single characters), with its character offset in the query.
     */
    record Token(Kind kind, String text, int offset) {

        /** A symbol with this text, or a word equal to it ignoring case (keywords and function names). */
        boolean is(String s) {
            return kind == Kind.SYMBOL ? text.equals(s) : kind == Kind.WORD && text.equalsIgnoreCase(s);
        }

        boolean opens() {
            return kind == Kind.SYMBOL && (text.equals("(") || text.equals("[") || text.equals("{"));
        }

        boolean closes() {
            return kind == Kind.SYMBOL && (text.equals(")") || text.equals("]") || text.equals("}"));
        }
    }

    private static final List<String> TWO_CHAR_SYMBOLS = List.of("..", "||", "<=", ">=", "<>", "=~", "!=", "+=", "::");

    /** The query as tokens; comments are dropped, an unterminated literal or name runs to the end of the text. */
    static List<Token> tokens(String query) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (afterComment(query, i) > i) {
                i = afterComment(query, i);
            } else if (c == '\'' || c == '"') {
                int end = skipLiteral(query, i, c);
                out.add(new Token(Kind.STRING, query.substring(i, end), i));
                i = end;
            } else if (c == '`') {
                int end = skipQuotedName(query, i);
                out.add(new Token(Kind.WORD, quotedName(query, i, end), i));
                i = end;
            } else if (c == '$') {
                int start = i + 1;
                if (start < n && query.charAt(start) == '`') {
                    int end = skipQuotedName(query, start);
                    out.add(new Token(Kind.PARAM, quotedName(query, start, end), i));
                    i = end;
                } else {
                    int end = start;
                    while (end < n && Character.isJavaIdentifierPart(query.charAt(end))) {
                        end++;
                    }
                    out.add(new Token(Kind.PARAM, query.substring(start, end), i));
                    i = end;
                }
            } else if (Character.isDigit(c)) {
                int end = number(query, i);
                out.add(new Token(Kind.NUMBER, query.substring(i, end), i));
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(query.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.WORD, query.substring(i, end), i));
                i = end;
            } else {
                int at = i;
                String two = i + 2 <= n ? query.substring(i, i + 2) : "";
                String symbol = TWO_CHAR_SYMBOLS.contains(two) ? two : String.valueOf(c);
                out.add(new Token(Kind.SYMBOL, symbol, at));
                i += symbol.length();
            }
        }
        return out;
    }

    /** Index of the token that closes the bracket opened at {@code open}, or the last index when it is never closed. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.opens()) {
                depth++;
            } else if (t.closes() && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** True when the word at {@code i} is a function call: followed by {@code (}, not a property ({@code n.range(}). */
    static boolean isCall(List<Token> tokens, int i, String function) {
        return tokens.get(i).kind() == Kind.WORD && tokens.get(i).is(function)
                && i + 1 < tokens.size() && tokens.get(i + 1).is("(")
                && (i == 0 || !tokens.get(i - 1).is("."));
    }

    /** End of a number literal: digits, hex/octal/exponent letters, underscores, a fraction (not the {@code ..} of a slice). */
    private static int number(String query, int start) {
        int i = start;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_') {
                i++;
            } else if (c == '.' && i + 1 < n && Character.isDigit(query.charAt(i + 1))) {
                i++;
            } else if ((c == '-' || c == '+') && (query.charAt(i - 1) == 'e' || query.charAt(i - 1) == 'E')
                    && !query.startsWith("0x", start) && !query.startsWith("0X", start)
                    && i + 1 < n && Character.isDigit(query.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Where a comment starting at {@code i} ends ({@code //} to the line's end, {@code /* ... *}{@code /}), else {@code i}. */
    private static int afterComment(String query, int i) {
        if (query.startsWith("//", i)) {
            int end = query.indexOf('\n', i);
            return end < 0 ? query.length() : end + 1;
        }
        if (query.startsWith("/*", i)) {
            int end = query.indexOf("*/", i + 2);
            return end < 0 ? query.length() : end + 2;
        }
        return i;
    }

    private static String quotedName(String query, int start, int end) {
        return query.substring(start + 1, Math.max(start + 1, end - 1)).replace("``", "`");
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
