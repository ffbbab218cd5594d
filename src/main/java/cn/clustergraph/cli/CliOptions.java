package cn.clustergraph.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name=value} (or bare {@code --flag}, read as "true") options of a command line, one parser for every command. */
public final class CliOptions {

    private CliOptions() {
    }

    /** The options among {@code args} in order; words without {@code --} are skipped. */
    public static Map<String, String> parse(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                m.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
            }
        }
        return m;
    }

    /** An option, else the environment variable {@code env}, else {@code fallback}: settings read before Spring starts. */
    public static String setting(Map<String, String> options, String name, String env, String fallback) {
        String v = options.get(name);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null ? fallback : v;
    }
}
