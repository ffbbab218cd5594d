package cn.clustergraph.console;

import cn.clustergraph.console.CypherText.Kind;
import cn.clustergraph.console.CypherText.Token;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a {@code range()} that would be built in one expression with more than {@link #MAX_ELEMENTS} elements, or whose
 * size cannot be known before it runs. Neo4j builds such a list (and loops over it in {@code reduce}, a list comprehension,
 * {@code any()}/{@code all()}) inside one expression, where it checks neither the timeout nor the memory limit. A
 * {@code range} directly under {@code UNWIND} is left alone: its rows are produced one by one, under the timeout and the row
 * cap. Ranges iterated inside another range's loop ({@code [x IN range(..) | [y IN range(..) | ..]]}) multiply.
 */
final class LoopCheck {

    /** Most elements one expression may loop over (nested ranges multiplied). */
    static final long MAX_ELEMENTS = 10_000_000L;

    /**
     * A range that is refused.
     *
     * @param offset   0-based character offset of {@code range} in the query
     * @param elements elements it loops over (nested ranges multiplied), or null when a bound cannot be known
     * @param bound    the bound that cannot be known, as written, or null
     */
    record Finding(int offset, BigInteger elements, String bound) {
    }

    private LoopCheck() {
    }

    static Optional<Finding> find(String query, Map<String, Object> params) {
        return find(CypherText.tokens(query), params);
    }

    static Optional<Finding> find(List<Token> tokens, Map<String, Object> params) {
        // the loops a token lies in: [from, to) token spans with the element count of their range
        List<long[]> scopes = new ArrayList<>();
        List<BigInteger> scopeCounts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!CypherText.isCall(tokens, i, "range")) {
                continue;
            }
            if (i > 0 && tokens.get(i - 1).is("unwind")) {
                continue;
            }
            int close = CypherText.closing(tokens, i + 1);
            List<List<Token>> args = arguments(tokens.subList(i + 2, close));
            if (args.size() < 2 || args.size() > 3) {
                continue; // Neo4j answers a wrong number of arguments itself
            }
            BigInteger[] values = new BigInteger[args.size()];
            boolean missing = false;
            for (int a = 0; a < args.size(); a++) {
                Bound bound = bound(args.get(a), params);
                if (bound == Bound.MISSING) {
                    missing = true; // a parameter the request does not carry: Neo4j refuses the query itself
                } else if (bound.value() == null) {
                    return Optional.of(new Finding(tokens.get(i).offset(), null, text(args.get(a))));
                }
                values[a] = bound.value();
            }
            if (missing) {
                continue;
            }
            BigInteger own = count(values[0], values[1], values.length == 3 ? values[2] : BigInteger.ONE);
            BigInteger total = own;
            for (int s = 0; s < scopes.size(); s++) {
                if (scopes.get(s)[0] <= i && i < scopes.get(s)[1]) {
                    total = total.multiply(scopeCounts.get(s));
                }
            }
            if (total.compareTo(BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
                return Optional.of(new Finding(tokens.get(i).offset(), total, null));
            }
            if (i > 0 && tokens.get(i - 1).is("in")) {
                // iterated: everything after it up to the end of its enclosing bracket runs once per element
                scopes.add(new long[] {close + 1, enclosingEnd(tokens, i)});
                scopeCounts.add(own);
            }
        }
        return Optional.empty();
    }

    /** A bound's value: null when it is not an integer literal or integer parameter. */
    private record Bound(BigInteger value) {
        static final Bound MISSING = new Bound(null);
    }

    /** Elements of {@code range(start, end, step)}: 0 when the step points away from the end (Neo4j refuses step 0 itself). */
    static BigInteger count(BigInteger start, BigInteger end, BigInteger step) {
        if (step.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger n = end.subtract(start).divide(step).add(BigInteger.ONE);
        return n.signum() < 0 ? BigInteger.ZERO : n;
    }

    /**
     * The value of an integer literal (optionally signed) or of an integer parameter; no value when it is anything else;
     * {@link Bound#MISSING} when it is a parameter the request does not give.
     */
    private static Bound bound(List<Token> arg, Map<String, Object> params) {
        int i = 0;
        boolean negative = false;
        while (i < arg.size() - 1 && (arg.get(i).is("-") || arg.get(i).is("+"))) {
            negative ^= arg.get(i).is("-");
            i++;
        }
        if (arg.isEmpty() || i != arg.size() - 1) {
            return new Bound(null);
        }
        Token t = arg.get(i);
        BigInteger value;
        if (t.kind() == Kind.NUMBER) {
            value = literal(t.text());
        } else if (t.kind() == Kind.PARAM) {
            if (params == null || !params.containsKey(t.text())) {
                return Bound.MISSING;
            }
            value = switch (params.get(t.text())) {
                case Long l -> BigInteger.valueOf(l);
                case Integer n -> BigInteger.valueOf(n);
                case Short n -> BigInteger.valueOf(n);
                case Byte n -> BigInteger.valueOf(n);
                case BigInteger b -> b;
                case null, default -> null;
            };
        } else {
            value = null;
        }
        return new Bound(value == null ? null : negative ? value.negate() : value);
    }

    /** A Cypher integer literal ({@code 10_000}, {@code 0x1F}, {@code 0o17}), or null when it is not one (a float). */
    static BigInteger literal(String text) {
        String s = text.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("0x")) {
                return new BigInteger(s.substring(2), 16);
            }
            if (s.startsWith("0o")) {
                return new BigInteger(s.substring(2), 8);
            }
            return new BigInteger(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<List<Token>> arguments(List<Token> inner) {
        List<List<Token>> out = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i <= inner.size(); i++) {
            Token t = i < inner.size() ? inner.get(i) : null;
            if (t != null && t.opens()) {
                depth++;
            } else if (t != null && t.closes()) {
                depth--;
            } else if (t == null || depth == 0 && t.is(",")) {
                out.add(inner.subList(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** Index of the bracket that closes the innermost group around token {@code i}, or the end of the query. */
    private static int enclosingEnd(List<Token> tokens, int i) {
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (t.closes()) {
                depth++;
            } else if (t.opens() && depth-- == 0) {
                return CypherText.closing(tokens, j);
            }
        }
        return tokens.size();
    }

    private static String text(List<Token> arg) {
        StringBuilder out = new StringBuilder();
        for (Token t : arg) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(t.kind() == Kind.PARAM ? "$" + t.text() : t.text());
        }
        return out.toString();
    }
}
