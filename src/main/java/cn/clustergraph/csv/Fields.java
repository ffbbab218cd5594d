package cn.clustergraph.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Typed reads of CSV cells that record a problem (file, line, column) instead of throwing. */
public final class Fields {

    private Fields() {
    }

    public static String required(ImportProblems p, CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) {
            p.add(r, column, "required value is empty");
        }
        return v;
    }

    public static String optional(CsvTable.Row r, String column) {
        String v = r.get(column);
        return v.isEmpty() ? null : v;
    }

    public static Integer integer(ImportProblems p, CsvTable.Row r, String column, boolean required) {
        String v = r.get(column);
        if (v.isEmpty()) {
            if (required) {
                p.add(r, column, "required number is empty");
            }
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            p.add(r, column, "'" + v + "' is not a whole number");
            return null;
        }
    }

    public static Double number(ImportProblems p, CsvTable.Row r, String column, boolean required) {
        String v = r.get(column).replace(",", "");
        if (v.isEmpty()) {
            if (required) {
                p.add(r, column, "required number is empty");
            }
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            p.add(r, column, "'" + r.get(column) + "' is not a number");
            return null;
        }
    }

    public static boolean bool(ImportProblems p, CsvTable.Row r, String column, boolean defaultValue) {
        String v = r.get(column).toLowerCase();
        return switch (v) {
            case "" -> defaultValue;
            case "true", "yes", "y", "1", "是" -> true;
            case "false", "no", "n", "0", "否" -> false;
            default -> {
                p.add(r, column, "'" + r.get(column) + "' is not a boolean (true/false, 是/否)");
                yield defaultValue;
            }
        };
    }

    public static String oneOf(ImportProblems p, CsvTable.Row r, String column, Set<String> allowed, boolean required) {
        String v = r.get(column);
        if (v.isEmpty()) {
            if (required) {
                p.add(r, column, "required value is empty (one of " + allowed + ")");
            }
            return null;
        }
        if (!allowed.contains(v)) {
            p.add(r, column, "'" + v + "' is not one of " + allowed);
        }
        return v;
    }

    /** A {@code |}-separated cell as a list of trimmed, non-empty values. */
    public static List<String> list(CsvTable.Row r, String column) {
        String v = r.get(column);
        if (v.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(v.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
