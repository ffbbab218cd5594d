package cn.clustergraph.register;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import org.neo4j.driver.Driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The first, read-only pass over a register: every row of every sheet is converted (which checks its cells) and
 * checked against the rest of the file and the graph — duplicate keys, references to enterprises that are neither in
 * the file nor in the graph, removals of enterprises that are not this register's, and sample and official data mixed
 * on one enterprise. Memory stays small: keys are kept as 64-bit hashes, graph look-ups go in batches. On the way it
 * notes which listed enterprises are new to the graph ({@link #isNew}) and their latest output and honours
 * ({@link #facts()}), so the writer can create them complete in one step.
 */
final class RegisterValidation {

    /** Stop collecting after this many problems (the first ones are the useful ones). */
    static final int MAX_PROBLEMS = 1000;
    private static final int LOOKUP_BATCH = 10_000;

    private enum Check { LISTED, REMOVED, REFERENCE }

    private record Pending(String id, CsvTable.Row row, String column, Check check) {
    }

    private record Existing(String dataset, boolean sample) {
    }

    private final Driver driver;
    private final RegisterRows.Vocabulary vocabulary;
    private final RegisterSource source;
    private final String defaultDataset;
    private final ImportProblems problems = new ImportProblems();
    private final LongSet listed = new LongSet();
    private final LongSet removed = new LongSet();
    private final LongSet existing = new LongSet();
    private final EnterpriseValues facts = new EnterpriseValues();
    private final List<Pending> pending = new ArrayList<>();
    private RegisterRows.DatasetInfo dataset;
    private java.util.function.BiConsumer<String, Map<String, Object>> rowListener = (sheet, row) -> { };
    private long totalRows;
    private boolean stopped;
    private boolean datasetGiven;

    RegisterValidation(Driver driver, RegisterRows.Vocabulary vocabulary, RegisterSource source, String defaultDataset) {
        this.driver = driver;
        this.vocabulary = vocabulary;
        this.source = source;
        this.defaultDataset = defaultDataset;
    }

    /** The dataset name was given by the caller (--dataset, the upload form): a dataset sheet naming another is an error. */
    RegisterValidation datasetGiven(boolean given) {
        this.datasetGiven = given;
        return this;
    }

    ImportProblems problems() {
        return problems;
    }

    /** Also hands every converted row (sheet name, the writer's parameter map) to {@code listener}, in file order. */
    RegisterValidation onRow(java.util.function.BiConsumer<String, Map<String, Object>> listener) {
        this.rowListener = listener;
        return this;
    }

    long totalRows() {
        return totalRows;
    }

    /**
     * True when {@code id} is listed (not removed) in the enterprises sheet and was not in the graph: nothing of it exists
     * yet but what this register writes (by 64-bit key hashes, like every check here).
     */
    boolean isNew(String id) {
        return listed.contains(id) && !existing.contains(id);
    }

    /** Latest output and honours, from the figures and honours sheets, of the enterprises listed in the file. */
    EnterpriseValues facts() {
        return facts;
    }

    RegisterRows.DatasetInfo run() {
        dataset = readDataset();
        RegisterRows rows = new RegisterRows(vocabulary, dataset);
        boolean any = false;
        any |= sheet("enterprises", new String[]{"credit_code", "name", "local", "segments"}, rows::enterprise, (r, m) -> {
            String id = (String) m.get("id");
            if (Boolean.TRUE.equals(m.get("remove"))) {
                if (listed.contains(id)) {
                    problems.add(r, "remove", "enterprise " + id + " is listed above and removed here");
                } else if (!removed.add(id)) {
                    problems.add(r, "credit_code", "enterprise " + id + " is removed twice");
                }
                lookup(new Pending(id, r, "credit_code", Check.REMOVED));
            } else {
                if (removed.contains(id)) {
                    problems.add(r, "credit_code", "enterprise " + id + " is removed above (remove = true) and listed here");
                } else if (!listed.add(id)) {
                    problems.add(r, "credit_code", "duplicate 统一社会信用代码 " + id + ": the enterprise is listed earlier in this file");
                }
                lookup(new Pending(id, r, "credit_code", Check.LISTED));
            }
        });
        LongSet keys = new LongSet();
        any |= sheet("figures", new String[]{"credit_code", "year"}, rows::figure, (r, m) -> {
            reference((String) m.get("id"), r, "credit_code", m);
            if (!Boolean.TRUE.equals(m.get("remove")) && listed.contains((String) m.get("id"))) {
                facts.figure((String) m.get("id"), (Integer) m.get("year"), (Double) m.get("output"));
            }
            if (!keys.add("F|" + m.get("id") + "|" + m.get("year"))) {
                problems.add(r, "year", "duplicate: " + m.get("id") + " already has a row for " + m.get("year") + " in this file");
            }
        });
        any |= sheet("honours", new String[]{"credit_code", "honour", "year"}, rows::honour, (r, m) -> {
            reference((String) m.get("id"), r, "credit_code", m);
            if (!Boolean.TRUE.equals(m.get("remove")) && listed.contains((String) m.get("id"))) {
                facts.honour((String) m.get("id"), (String) m.get("honour"));
            }
            if (!keys.add("H|" + m.get("id") + "|" + m.get("honour"))) {
                problems.add(r, "honour", "duplicate: " + m.get("id") + " already has " + m.get("honour") + " in this file");
            }
        });
        any |= sheet("supply_links", new String[]{"supplier", "customer"}, rows::supply, (r, m) -> {
            reference((String) m.get("supplier"), r, "supplier", m);
            reference((String) m.get("customer"), r, "customer", m);
        });
        Map<String, Map<String, Object>> indicators = new HashMap<>();
        any |= sheet("targets", new String[]{"indicator_id", "chain", "name", "year", "value"}, rows::target, (r, m) -> {
            if (Boolean.TRUE.equals(m.get("remove"))) {
                return;
            }
            Map<String, Object> first = indicators.putIfAbsent((String) m.get("indicator"), m);
            if (first != null) {
                for (String k : List.of("chain", "name", "unit", "scaleOnly")) {
                    if (!String.valueOf(first.get(k)).equals(String.valueOf(m.get(k)))) {
                        problems.add(r, k.equals("scaleOnly") ? "scale_only" : k, "indicator " + m.get("indicator") + " has "
                                + k + " '" + first.get(k) + "' on an earlier row and '" + m.get(k) + "' here");
                    }
                }
                if (!keys.add("T|" + m.get("indicator") + "|" + m.get("year"))) {
                    problems.add(r, "year", "duplicate: indicator " + m.get("indicator") + " already has a target for " + m.get("year"));
                }
            } else {
                keys.add("T|" + m.get("indicator") + "|" + m.get("year"));
            }
        });
        flushLookups();
        if (!any) {
            problems.add(source.describe(), 0, null, "no register sheet found: expected enterprises, figures, honours, supply_links or targets");
        }
        return dataset;
    }

    private RegisterRows.DatasetInfo readDataset() {
        var rows = source.open("dataset", problems, RegisterRows.headers("dataset"));
        if (rows == null) {
            return new RegisterRows.DatasetInfo(defaultDataset, null, false, null, null, null);
        }
        try (rows) {
            if (rows.headers().isEmpty()) {
                return new RegisterRows.DatasetInfo(defaultDataset, null, false, null, null, null);  // empty or unreadable: reported
            }
            if (!rows.headers().contains("name")) {
                problems.add(rows.file(), 1, "name", "required column is missing from the header");
                return new RegisterRows.DatasetInfo(defaultDataset, null, false, null, null, null);
            }
            RegisterRows.DatasetInfo info = null;
            while (rows.hasNext()) {
                CsvTable.Row r = rows.next();
                if (info != null) {
                    problems.add(r, null, "the dataset sheet has exactly one row");
                    break;
                }
                info = RegisterRows.dataset(r, problems);
                if (datasetGiven && defaultDataset != null && info.name() != null && !info.name().equals(defaultDataset)) {
                    problems.add(r, "name", "the register's dataset sheet names '" + info.name() + "' but the dataset given is '"
                            + defaultDataset + "' (--dataset or the upload form): they must agree — leave the given name out or change the sheet");
                }
            }
            if (info == null) {
                problems.add(rows.file(), 2, null, "the dataset sheet needs one row (name, title, sample, notice …)");
                return new RegisterRows.DatasetInfo(defaultDataset, null, false, null, null, null);
            }
            return info;
        }
    }

    /** Validates one sheet if the register has it; returns whether it was there. */
    private boolean sheet(String name, String[] required, BiFunction<CsvTable.Row, ImportProblems, Map<String, Object>> convert,
                          java.util.function.BiConsumer<CsvTable.Row, Map<String, Object>> check) {
        var rows = source.open(name, problems, RegisterRows.headers(name));
        if (rows == null) {
            return false;
        }
        try (rows) {
            if (rows.headers().isEmpty()) {
                return true;  // an empty or unreadable sheet: already reported, no column can be named missing
            }
            boolean ok = true;
            for (String c : required) {
                if (!rows.headers().contains(c)) {
                    problems.add(rows.file(), 1, c, "required column is missing from the header (found " + rows.headers() + ")");
                    ok = false;
                }
            }
            if (!ok) {
                return true;
            }
            while (rows.hasNext() && !stopped) {
                CsvTable.Row r = rows.next();
                totalRows++;
                Map<String, Object> m = convert.apply(r, problems);
                if (m != null) {
                    check.accept(r, m);
                    rowListener.accept(name, m);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    stopped = true;
                    problems.add(r.file(), r.line(), null, "validation stopped after " + MAX_PROBLEMS + " problems; fix these first");
                }
            }
        }
        return true;
    }

    private void reference(String id, CsvTable.Row r, String column, Map<String, Object> m) {
        if (Boolean.TRUE.equals(m.get("remove")) || listed.contains(id)) {
            return;
        }
        if (removed.contains(id)) {
            problems.add(r, column, "enterprise " + id + " is removed in enterprises (remove = true)");
            return;
        }
        lookup(new Pending(id, r, column, Check.REFERENCE));
    }

    private void lookup(Pending p) {
        pending.add(p);
        if (pending.size() >= LOOKUP_BATCH) {
            flushLookups();
        }
    }

    private void flushLookups() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = pending.stream().map(Pending::id).distinct().toList();
        Map<String, Existing> found = new HashMap<>();
        try (var s = driver.session()) {
            s.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id MATCH (e:Enterprise {id: id})
                    RETURN e.id AS id, coalesce(e.dataset, '') AS dataset, coalesce(e.sample, false) AS sample""", Map.of("ids", ids))
                    .list()).forEach(r -> found.put(r.get("id").asString(), new Existing(r.get("dataset").asString(), r.get("sample").asBoolean())));
        }
        for (Pending p : pending) {
            Existing e = found.get(p.id());
            switch (p.check()) {
                case LISTED -> {
                    if (e != null) {
                        existing.add(p.id());
                    }
                    if (e != null && e.sample() != dataset.sample()) {
                        problems.add(p.row(), p.column(), mixed(p.id(), e));
                    }
                }
                case REMOVED -> {
                    if (e == null) {
                        problems.add(p.row(), p.column(), "enterprise " + p.id() + " is not in the graph: nothing to remove");
                    } else if (!e.dataset().equals(dataset.name())) {
                        problems.add(p.row(), p.column(), "enterprise " + p.id() + " belongs to dataset '" + e.dataset()
                                + "'; a register removes only its own enterprises");
                    }
                }
                case REFERENCE -> {
                    if (e == null) {
                        problems.add(p.row(), p.column(), "unknown enterprise " + p.id() + ": not in enterprises and not in the graph");
                    } else if (e.sample() != dataset.sample()) {
                        problems.add(p.row(), p.column(), mixed(p.id(), e));
                    }
                }
            }
        }
        pending.clear();
    }

    private String mixed(String id, Existing e) {
        return "enterprise " + id + " is in the graph as " + (e.sample() ? "SAMPLE" : "official") + " data (dataset '" + e.dataset()
                + "') and this register is " + (dataset.sample() ? "a sample" : "official") + ": sample and official data are never"
                + " mixed — remove dataset '" + e.dataset() + "' first (remove-register --dataset=" + e.dataset() + ")";
    }
}
