package cn.clustergraph.console;

import cn.clustergraph.console.CypherText.Kind;
import cn.clustergraph.console.CypherText.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds a {@code reduce} whose accumulator grows geometrically (used whole twice or more per step, as in {@code s + s}). */
final class GrowthCheck {

    /**
     * A growing {@code reduce}: its accumulator and where the {@code reduce} starts in the query text.
     *
     * @param accumulator the accumulator's name
     * @param offset      0-based character offset of {@code reduce}
     */
    record Finding(String accumulator, int offset) {
    }

    /** Functions whose result carries their argument whole (a doubled string stays doubled through {@code toUpper}). */
    private static final Set<String> PRESERVING = Set.of("toupper", "tolower", "trim", "ltrim", "rtrim", "btrim", "reverse",
            "coalesce", "tostring", "tostringornull", "replace", "upper", "lower", "normalize");
    /** Words that end one expression and start another at the same depth (conditions, CASE branches, predicates). */
    private static final Set<String> SEPARATING_WORDS = Set.of("when", "then", "else", "and", "or", "xor", "not", "where",
            "in", "is", "null", "starts", "ends", "contains", "with", "as", "distinct");
    private static final Set<String> SEPARATING_SYMBOLS = Set.of(",", "|", ":", "=", "<", ">", "<=", ">=", "<>", "!=", "=~", ";");
    /** Operators that combine their operands into something at least as large as each. */
    private static final Set<String> GROWING = Set.of("+", "*", "||");
    /** Operators after which the operand does not add to the size ({@code x - x}, {@code x / x}). */
    private static final Set<String> SHRINKING = Set.of("-", "/", "%", "^");

    private GrowthCheck() {
    }

    /** The first {@code reduce} in the query whose step uses its accumulator whole two or more times, combined by + or *. */
    static Optional<Finding> find(String query) {
        return find(CypherText.tokens(query));
    }

    static Optional<Finding> find(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!CypherText.isCall(tokens, i, "reduce") || i + 3 >= tokens.size()) {
                continue;
            }
            Token acc = tokens.get(i + 2);
            if (acc.kind() != Kind.WORD || !tokens.get(i + 3).is("=")) {
                continue;
            }
            int close = CypherText.closing(tokens, i + 1);
            int bar = -1;
            int depth = 0;
            for (int j = i + 2; j < close; j++) {
                Token t = tokens.get(j);
                if (t.opens()) {
                    depth++;
                } else if (t.closes()) {
                    depth--;
                } else if (depth == 0 && t.is("|")) {
                    bar = j;
                    break;
                }
            }
            if (bar > 0 && grows(tokens.subList(bar + 1, close), acc.text())) {
                return Optional.of(new Finding(acc.text(), tokens.get(i).offset()));
            }
        }
        return Optional.empty();
    }

    /** True when some expression within {@code expr}, at any depth, combines two or more whole uses of {@code acc}. */
    private static boolean grows(List<Token> expr, String acc) {
        for (List<Token> piece : pieces(expr)) {
            if (wholeUses(piece, acc) >= 2) {
                return true;
            }
            for (int i = 0; i < piece.size(); i++) {
                int close = groupEnd(piece, i);
                if (close > i) {
                    if (grows(piece.subList(i + 1, close), acc)) {
                        return true;
                    }
                    i = close;
                }
            }
        }
        return false;
    }

    /**
     * How many times {@code acc} is carried whole into the value of {@code expr}: the sum over the operands of its
     * {@code +}, {@code *} and {@code ||} chain (an operand after {@code -}, {@code /}, {@code %} or {@code ^} counts 0).
     */
    private static int wholeUses(List<Token> expr, String acc) {
        int count = 0;
        int start = 0;
        boolean counts = true;
        for (int i = 0; i <= expr.size(); i++) {
            int close = i < expr.size() ? groupEnd(expr, i) : -1;
            if (close > i) {
                i = close;
                continue;
            }
            Token t = i < expr.size() ? expr.get(i) : null;
            boolean growing = t != null && t.kind() == Kind.SYMBOL && GROWING.contains(t.text());
            boolean shrinking = t != null && t.kind() == Kind.SYMBOL && SHRINKING.contains(t.text());
            if (t == null || growing || shrinking) {
                if (counts) {
                    count += operandUses(expr.subList(start, i), acc);
                }
                counts = !shrinking;
                start = i + 1;
            }
        }
        return count;
    }

    /** Whole uses of {@code acc} in one operand: the name itself, a bracketed chain, a CASE branch, a list or map element. */
    private static int operandUses(List<Token> operand, String acc) {
        if (operand.isEmpty()) {
            return 0;
        }
        Token first = operand.getFirst();
        int last = operand.size() - 1;
        if (operand.size() == 1) {
            return first.kind() == Kind.WORD && first.text().equals(acc) ? 1 : 0;
        }
        if (groupEnd(operand, 0) == last) {
            List<Token> inner = operand.subList(1, last);
            if (first.is("(")) {
                return maxOverPieces(inner, acc, false);
            }
            if (first.is("[")) {
                return isComprehension(inner) ? 0 : sumOverElements(inner, acc);
            }
            if (first.is("{")) {
                return sumOverElements(inner, acc);
            }
            if (first.is("case")) {
                return maxOverPieces(inner, acc, true);
            }
        }
        if (first.kind() == Kind.WORD && operand.get(1).is("(") && groupEnd(operand, 1) == last
                && PRESERVING.contains(first.text().toLowerCase(java.util.Locale.ROOT))) {
            return maxOverPieces(operand.subList(2, last), acc, false);
        }
        return 0;
    }

    /** The most whole uses in one of the pieces ({@code caseBranches}: only the pieces after THEN or ELSE). */
    private static int maxOverPieces(List<Token> inner, String acc, boolean caseBranches) {
        int max = 0;
        List<List<Token>> pieces = pieces(inner);
        for (List<Token> piece : pieces) {
            if (caseBranches) {
                int at = piece.isEmpty() ? -1 : inner.indexOf(piece.getFirst());
                Token before = at > 0 ? inner.get(at - 1) : null;
                if (before == null || !(before.is("then") || before.is("else"))) {
                    continue;
                }
            }
            max = Math.max(max, wholeUses(piece, acc));
        }
        return max;
    }

    /** List or map literal: the elements (a map's values) together, as {@code [s, s]} carries s twice. */
    private static int sumOverElements(List<Token> inner, String acc) {
        int sum = 0;
        for (List<Token> element : split(inner, i -> inner.get(i).is(","), true)) {
            int colon = -1;
            for (int i = 0; i < element.size(); i++) {
                int close = groupEnd(element, i);
                if (close > i) {
                    i = close;
                } else if (element.get(i).is(":")) {
                    colon = i;
                    break;
                }
            }
            sum += wholeUses(element.subList(colon + 1, element.size()), acc);
        }
        return sum;
    }

    private static boolean isComprehension(List<Token> inner) {
        for (int i = 0; i < inner.size(); i++) {
            int close = groupEnd(inner, i);
            if (close > i) {
                i = close;
            } else if (inner.get(i).is("|") || inner.get(i).is("in") || inner.get(i).is("where")) {
                return true;
            }
        }
        return false;
    }

    /** The expression split at its own depth by commas, comparisons, {@code |}, {@code :} and keywords such as WHEN, AND, IN. */
    private static List<List<Token>> pieces(List<Token> expr) {
        return split(expr, i -> separates(expr, i), false);
    }

    private static boolean separates(List<Token> expr, int i) {
        Token t = expr.get(i);
        if (t.kind() == Kind.SYMBOL) {
            return SEPARATING_SYMBOLS.contains(t.text());
        }
        return t.kind() == Kind.WORD && SEPARATING_WORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT)) && !property(expr, i);
    }

    /** The expression split where {@code at} says, at its own depth (groups are skipped); empty parts kept when {@code keepEmpty}. */
    private static List<List<Token>> split(List<Token> expr, java.util.function.IntPredicate at, boolean keepEmpty) {
        List<List<Token>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= expr.size(); i++) {
            int close = i < expr.size() ? groupEnd(expr, i) : -1;
            if (close > i) {
                i = close;
                continue;
            }
            if (i == expr.size() || at.test(i)) {
                if (keepEmpty || i > start) {
                    out.add(expr.subList(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Where the group opened at {@code i} ends — a bracket, or {@code CASE ... END} — or {@code -1} when {@code i} opens
     * none. An unclosed group runs to the end.
     */
    private static int groupEnd(List<Token> expr, int i) {
        if (!opens(expr, i)) {
            return -1;
        }
        int depth = 0;
        for (int j = i; j < expr.size(); j++) {
            if (opens(expr, j)) {
                depth++;
            } else if (closes(expr, j) && --depth == 0) {
                return j;
            }
        }
        return expr.size() - 1;
    }

    private static boolean opens(List<Token> expr, int i) {
        Token t = expr.get(i);
        return t.opens() || t.is("case") && !property(expr, i);
    }

    private static boolean closes(List<Token> expr, int i) {
        Token t = expr.get(i);
        return t.closes() || t.is("end") && !property(expr, i);
    }

    /** A word used as a property or map key ({@code n.end}, {@code {end: 1}}), not as a keyword. */
    private static boolean property(List<Token> expr, int i) {
        return i > 0 && expr.get(i - 1).is(".") || i + 1 < expr.size() && expr.get(i + 1).is(":");
    }
}
