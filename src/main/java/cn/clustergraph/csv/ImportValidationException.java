package cn.clustergraph.csv;

import java.util.List;
import java.util.stream.Collectors;

/** Import files failed validation: carries every problem (file, line, column, message); nothing was written. */
public class ImportValidationException extends RuntimeException {

    private final List<ImportProblems.Problem> problems;

    public ImportValidationException(String what, List<ImportProblems.Problem> problems) {
        super(what + ": " + problems.size() + " problem(s), nothing was written:\n  "
                + problems.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblems.Problem> problems() {
        return problems;
    }
}
