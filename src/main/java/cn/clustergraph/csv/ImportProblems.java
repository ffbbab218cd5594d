package cn.clustergraph.csv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem found while validating import files; nothing is written while any exists. */
public final class ImportProblems {

    /** One problem: where (file, line, column) and what. */
    public record Problem(String file, int line, String column, String message) {

        @Override
        public String toString() {
            return file + ":" + line + (column == null ? "" : ":" + column) + ": " + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    public void add(String file, int line, String column, String message) {
        problems.add(new Problem(file, line, column, message));
    }

    public void add(CsvTable.Row row, String column, String message) {
        add(row.file(), row.line(), column, message);
    }

    public int size() {
        return problems.size();
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return problems.stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)).toList();
    }

    /** Throws {@link ImportValidationException} listing every problem, if there is any. */
    public void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new ImportValidationException(what, list());
        }
    }
}
