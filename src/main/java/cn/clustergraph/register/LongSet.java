package cn.clustergraph.register;

import java.util.Arrays;

/**
 * An open-addressing set of 64-bit keys (hashes of credit codes and row keys): a province-scale register's millions of
 * keys fit in tens of megabytes, so duplicates and references can be checked while streaming.
 */
final class LongSet {

    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** FNV-1a over the UTF-16 units of {@code s}, then a final mix; never used for security. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    boolean contains(String s) {
        return contains(hash(s));
    }

    /** Adds; returns false when already present. */
    boolean add(String s) {
        return add(hash(s));
    }

    boolean contains(long k) {
        if (k == EMPTY) {
            return hasZero;
        }
        int mask = table.length - 1;
        for (int i = (int) (k ^ (k >>> 32)) & mask; ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == EMPTY) {
                return false;
            }
            if (v == k) {
                return true;
            }
        }
    }

    boolean add(long k) {
        if (k == EMPTY) {
            boolean was = hasZero;
            hasZero = true;
            return !was;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int i = (int) (k ^ (k >>> 32)) & mask; ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == EMPTY) {
                table[i] = k;
                size++;
                return true;
            }
            if (v == k) {
                return false;
            }
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(v -> v != EMPTY).forEach(this::add);
    }
}
