package cn.clustergraph.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** What an enterprise's register rows decide about it before it is written: latest output, honour names, shares, alias text. */
public final class EnterpriseValues {

    private final Map<String, double[]> latest = new HashMap<>();
    private final Map<String, List<String>> honours = new HashMap<>();

    /** A figure row; the latest year with an output is the enterprise's {@code output} / {@code outputYear}. */
    public void figure(String id, int year, Double output) {
        if (output == null) {
            return;
        }
        double[] l = latest.get(id);
        if (l == null || year > l[0]) {
            latest.put(id, new double[]{year, output});
        }
    }

    public void honour(String id, String name) {
        honours.computeIfAbsent(id, k -> new ArrayList<>(2)).add(name);
    }

    /** {year, output} of the latest figure with an output, or null. */
    public double[] latest(String id) {
        return latest.get(id);
    }

    /** The enterprise's honour names, distinct and sorted (as {@code honourNames} is kept). */
    public List<String> honourNames(String id) {
        List<String> names = honours.get(id);
        return names == null ? List.of() : new ArrayList<>(new TreeSet<>(names));
    }

    public void clear() {
        latest.clear();
        honours.clear();
    }

    /**
     * The split rule on one enterprise's segments (distinct, in order): 1 / (chains of the enterprise) / (its segments in
     * that chain), one share per segment.
     */
    public static double[] shares(List<String> segments, Function<String, String> chainOf) {
        Map<String, Integer> perChain = new LinkedHashMap<>();
        for (String s : segments) {
            perChain.merge(chainOf.apply(s), 1, Integer::sum);
        }
        double[] out = new double[segments.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1.0 / perChain.size() / perChain.get(chainOf.apply(segments.get(i)));
        }
        return out;
    }

    /** The aliases as one space-separated text for the full-text index ({@code aliasText}). */
    public static String aliasText(List<String> aliases) {
        return String.join(" ", aliases);
    }
}
