package cn.clustergraph.web;

import org.springframework.util.unit.DataSize;

import java.util.Collection;
import java.util.Map;

/**
 * The one rule for how large an answer of rows may grow, for the console ({@code clustergraph.console.max-response-size})
 * and reports ({@code clustergraph.reports.max-response-size}): rows are taken while their size, estimated as UTF-8 JSON,
 * stays within the limit; the first row that would pass it and every later one are left out, and the answer says
 * {@code truncated: true} with {@code truncatedBy: "size"} (or {@code "rows"} when the row cap cut it first).
 * One instance counts one answer.
 */
public final class ResponseSize {

    /** {@code truncatedBy} when the row cap cut the answer. */
    public static final String BY_ROWS = "rows";
    /** {@code truncatedBy} when the size limit cut the answer. */
    public static final String BY_SIZE = "size";

    private final long maxBytes;
    private long bytes;
    private boolean exceeded;

    public ResponseSize(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    /** Counts {@code row} (plain values: maps, lists, text, numbers); false, and nothing counted, when it would pass the limit. */
    public boolean admits(Object row) {
        if (exceeded) {
            return false;
        }
        long next = bytes + estimatedBytes(row);
        if (next > maxBytes) {
            exceeded = true;
            return false;
        }
        bytes = next;
        return true;
    }

    /** True once a row was refused. */
    public boolean exceeded() {
        return exceeded;
    }

    /** {@code truncatedBy} of an answer: null when it is complete, {@value #BY_SIZE} when this limit cut it, else {@value #BY_ROWS}. */
    public String truncatedBy(boolean truncated) {
        return !truncated ? null : exceeded ? BY_SIZE : BY_ROWS;
    }

    /** An upper bound of the bytes {@code json} (a plain value: map, list, text, number, boolean) takes as UTF-8 JSON. */
    public static long estimatedBytes(Object json) {
        return switch (json) {
            case null -> 4;
            case CharSequence t -> 2 + 3L * t.length();  // UTF-8: at most 3 bytes a character (Chinese text)
            case Number n -> 24;
            case Boolean b -> 5;
            case Map<?, ?> m -> {
                long n = 2;
                for (var e : m.entrySet()) {
                    n += estimatedBytes(String.valueOf(e.getKey())) + 2 + estimatedBytes(e.getValue());
                }
                yield n;
            }
            case Collection<?> c -> {
                long n = 2;
                for (Object o : c) {
                    n += 1 + estimatedBytes(o);
                }
                yield n;
            }
            default -> 2 + 6L * String.valueOf(json).length();
        };
    }
}
