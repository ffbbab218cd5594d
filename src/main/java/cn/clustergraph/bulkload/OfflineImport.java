package cn.clustergraph.bulkload;

import cn.clustergraph.csv.CsvStream;
import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.register.EnterpriseValues;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.rollup.RollupService;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * First load of a large register into an EMPTY embedded store with Neo4j's offline importer ({@code neo4j-admin database
 * import full}, run in this JVM through {@link AdminTool}), before the app opens the store.
 * <p>
 * From the register's CSV files (the layout {@code generate} writes and {@code import-register} reads) it writes the
 * admin-import files: enterprises (with the values the online importer maintains: {@code output}, {@code outputYear},
 * {@code outputRank}, {@code honourNames}, {@code aliasText}), figures, and {@code IN_SEGMENT} (with {@code primary} and
 * the split-rule {@code share}), {@code LOCATED_IN}, {@code ON_PLATFORM}, {@code HAS_HONOUR}, {@code REPORTED} and
 * {@code SUPPLIES}; the segments, towns, honours and platforms they point to are written as key-only nodes with the same
 * labels and business keys ({@code Segment.id}, {@code Town.name}, {@code Honour.name}, {@code Platform.id}), so when the
 * app then starts, the programme and rules importers MERGE onto those very nodes and fill in their properties. The app's
 * {@code offline-finish} step then creates constraints and indexes (schema migrations), loads the programme, the register's
 * dataset and chain targets, refreshes the rollups and fails if any key-only node was not claimed by the programme
 * (a reference the bundled chain map does not know).
 * <p>
 * What it does not do (the online importer does): validate every cell and credit code check character against the graph,
 * apply {@code -value} removals, or merge duplicate supply links. It is meant for the first load of a generated or already
 * validated register; later changes go through {@code import-register}.
 */
public final class OfflineImport {

    private final Path register;
    private final String dataset;
    private final Path home;
    private final ImportSource source;
    private final PrintStream out;
    private final Path csv;
    private boolean sample;
    private final Map<String, String> segmentChain = new HashMap<>();
    private final Set<String> towns = new TreeSet<>();
    private final Set<String> honours = new TreeSet<>();
    private final Set<String> platforms = new TreeSet<>();
    private final Set<String> segments = new TreeSet<>();
    private final EnterpriseValues facts = new EnterpriseValues();
    private long totalBytes;
    private long doneBytes;
    private long rows;
    private long started;
    private long lastProgress;

    private OfflineImport(Path register, String dataset, Path home, ImportSource source, PrintStream out) {
        this.register = register;
        this.dataset = dataset;
        this.home = home.toAbsolutePath().normalize();
        this.source = source;
        this.out = out;
        this.csv = this.home.resolve("offline-import-csv");
    }

    /** Writes the admin-import files and runs the offline importer; returns its exit code (0 = imported). */
    public static int run(Path register, String dataset, Path home, ImportSource source, PrintStream out) throws IOException {
        return new OfflineImport(register, dataset, home, source, out).run();
    }

    private int run() throws IOException {
        Path db = home.resolve("data/databases/neo4j");
        if (Files.isDirectory(db)) {
            try (Stream<Path> s = Files.list(db)) {
                if (s.findAny().isPresent()) {
                    out.println("offline-import: " + db + " is not empty; the offline importer only loads into an empty store"
                            + " (use import-register to add to an existing graph, or point --clustergraph.neo4j.embedded.data-dir at a new folder)");
                    return 2;
                }
            }
        }
        for (String f : List.of("enterprises.csv", "figures.csv", "honours.csv", "supply_links.csv")) {
            if (!Files.isRegularFile(register.resolve(f))) {
                out.println("offline-import: " + register.resolve(f) + " is missing (needs a folder of register CSV files)");
                return 2;
            }
            totalBytes += Files.size(register.resolve(f));
        }
        ImportProblems problems = new ImportProblems();
        for (CsvTable.Row r : CsvTable.parse("chains/segments.csv", source.read("chains/segments.csv"), problems).rows()) {
            segmentChain.put(r.get("id"), r.get("chain"));
        }
        Path ds = register.resolve("dataset.csv");
        if (Files.isRegularFile(ds)) {
            for (CsvTable.Row r : CsvTable.parse("dataset.csv", Files.readAllBytes(ds), problems).rows()) {
                sample = Boolean.parseBoolean(r.get("sample"));
            }
        }
        Files.createDirectories(csv);
        started = System.nanoTime();
        lastProgress = started;
        figures();
        honours();
        enterprises();
        supplyLinks();
        keyNodes();
        progress("CSV", true);
        long csvMs = (System.nanoTime() - started) / 1_000_000;
        out.printf(Locale.ROOT, "offline-import: admin-import CSV written in %d ms (%d rows) to %s%n", csvMs, rows, csv);

        List<String> args = new ArrayList<>(List.of("database", "import", "full", "neo4j", "--id-type=string", "--array-delimiter=|",
                "--skip-bad-relationships=false", "--bad-tolerance=0", "--high-parallel-io=on",
                "--report-file=" + home.resolve("offline-import-report.txt")));
        for (String n : List.of("Enterprise=enterprises.csv", "Figure=figures.csv", "Segment=segments.csv", "Town=towns.csv",
                "Honour=honours.csv", "Platform=platforms.csv", "RollupState=rollup_state.csv")) {
            args.add("--nodes=" + n.substring(0, n.indexOf('=')) + "=" + csv.resolve(n.substring(n.indexOf('=') + 1)));
        }
        for (String r : List.of("IN_SEGMENT=in_segment.csv", "LOCATED_IN=located_in.csv", "ON_PLATFORM=on_platform.csv",
                "HAS_HONOUR=has_honour.csv", "REPORTED=reported.csv", "SUPPLIES=supplies.csv")) {
            args.add("--relationships=" + r.substring(0, r.indexOf('=')) + "=" + csv.resolve(r.substring(r.indexOf('=') + 1)));
        }
        Files.createDirectories(home.resolve("conf"));
        long t = System.nanoTime();
        int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf"), out, out,
                new org.neo4j.io.fs.DefaultFileSystemAbstraction()), args.toArray(String[]::new));
        out.printf(Locale.ROOT, "offline-import: neo4j-admin database import full exited %d in %d ms%n", code, (System.nanoTime() - t) / 1_000_000);
        if (code == 0 && !Boolean.getBoolean("clustergraph.offline.keep-csv")) {
            try (Stream<Path> s = Files.list(csv)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(csv);
        }
        return code;
    }

    // ---- reading -----------------------------------------------------------------------------------------------------

    private interface RowHandler {
        void accept(CsvTable.Row r) throws IOException;
    }

    private void read(String file, RowHandler handler) throws IOException {
        Path p = register.resolve(file);
        long size = Files.size(p);
        ImportProblems problems = new ImportProblems();
        try (CountingOpener opener = new CountingOpener(p);
             var stream = CsvStream.open(file, opener, problems, RegisterSource.headers(file.replace(".csv", "")))) {
            while (stream.hasNext()) {
                handler.accept(stream.next());
                rows++;
                if ((rows & 0x3FFF) == 0) {
                    progressFile = opener.read();
                    progress(file, false);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("offline-import: " + problems.list());
        }
        doneBytes += size;
        progressFile = 0;
    }

    private long progressFile;

    private void progress(String what, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastProgress < 2_000_000_000L) {
            return;
        }
        lastProgress = now;
        double secs = Math.max(1e-3, (now - started) / 1e9);
        double fraction = Math.min(1.0, (doneBytes + progressFile) / (double) Math.max(1, totalBytes));
        double eta = fraction <= 0 ? Double.NaN : secs / fraction - secs;
        out.printf(Locale.ROOT, "offline-import progress: %s %,d rows done, %,.0f rows/s, %.0f%% of the input, ETA %.0f s%n",
                what, rows, rows / secs, fraction * 100, eta);
    }

    /** Re-opens the file for CsvStream (it opens twice: charset sniffing, then parsing) and counts bytes read. */
    private static final class CountingOpener implements CsvStream.Opener, AutoCloseable {
        private final Path path;
        private java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

        CountingOpener(Path path) {
            this.path = path;
        }

        @Override
        public InputStream open() throws IOException {
            count = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong c = count;
            return new java.io.FilterInputStream(Files.newInputStream(path)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        c.addAndGet(n);
                    }
                    return n;
                }
            };
        }

        long read() {
            return count.get();
        }

        @Override
        public void close() {
        }
    }

    // ---- writing -----------------------------------------------------------------------------------------------------

    private BufferedWriter writer(String name, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(csv.resolve(name), StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    private static String q(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String arr(List<String> values) {
        return values.isEmpty() ? "" : q(String.join("|", values));
    }

    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String v : cell.split("\\|")) {
            v = v.strip();
            if (!v.isEmpty() && !v.startsWith("-")) {
                out.add(v);
            }
        }
        return out;
    }

    private String common() {
        return q(dataset) + "," + sample;
    }

    private void figures() throws IOException {
        try (BufferedWriter nodes = writer("figures.csv", "id:ID(Figure),year:long,enterprise,output:double,revenue:double,unit,dataset,sample:boolean");
             BufferedWriter rels = writer("reported.csv", ":START_ID(Enterprise),:END_ID(Figure),dataset,sample:boolean")) {
            read("figures.csv", r -> {
                String id = r.get("credit_code");
                String year = r.get("year");
                String output = r.get("output");
                String fid = id + "-" + year;
                nodes.write(q(fid) + "," + year + "," + q(id) + "," + output + "," + r.get("revenue") + ",万元," + common() + "\n");
                rels.write(q(id) + "," + q(fid) + "," + common() + "\n");
                facts.figure(id, Integer.parseInt(year), output.isEmpty() ? null : Double.parseDouble(output));
            });
        }
    }

    private void honours() throws IOException {
        try (BufferedWriter rels = writer("has_honour.csv", ":START_ID(Enterprise),:END_ID(Honour),year:long,dataset,sample:boolean")) {
            read("honours.csv", r -> {
                String id = r.get("credit_code");
                String h = r.get("honour");
                honours.add(h);
                facts.honour(id, h);
                rels.write(q(id) + "," + q(h) + "," + r.get("year") + "," + common() + "\n");
            });
        }
    }

    private void enterprises() throws IOException {
        try (BufferedWriter nodes = writer("enterprises.csv", "id:ID(Enterprise),creditCode,name,aliases:string[],aliasText,local:boolean,"
                + "scale:boolean,chainLeader:boolean,region,output:double,outputYear:long,outputRank:double,honourNames:string[],dataset,sample:boolean,stated:boolean");
             BufferedWriter inSegment = writer("in_segment.csv", ":START_ID(Enterprise),:END_ID(Segment),primary:boolean,share:double,dataset,sample:boolean");
             BufferedWriter located = writer("located_in.csv", ":START_ID(Enterprise),:END_ID(Town),dataset,sample:boolean");
             BufferedWriter onPlatform = writer("on_platform.csv", ":START_ID(Enterprise),:END_ID(Platform),dataset,sample:boolean")) {
            read("enterprises.csv", r -> {
                String id = r.get("credit_code");
                boolean local = Boolean.parseBoolean(r.get("local"));
                List<String> aliases = list(r.get("aliases"));
                EnterpriseValues.Derived d = facts.derived(id, aliases);
                nodes.write(q(id) + "," + q(id) + "," + q(r.get("name")) + "," + arr(aliases) + "," + q(d.aliasText()) + ","
                        + local + "," + Boolean.parseBoolean(r.get("scale")) + "," + Boolean.parseBoolean(r.get("chain_leader")) + ","
                        + (local ? "" : q(r.get("region"))) + "," + (d.output() == null ? "" : String.valueOf(d.output())) + ","
                        + (d.outputYear() == null ? "" : String.valueOf(d.outputYear())) + "," + d.outputRank() + ","
                        + arr(d.honourNames()) + "," + common() + ",false\n");
                if (local && !r.get("town").isEmpty()) {
                    towns.add(r.get("town"));
                    located.write(q(id) + "," + q(r.get("town")) + "," + common() + "\n");
                }
                for (String p : new LinkedHashSet<>(list(r.get("platforms")))) {
                    platforms.add(p);
                    onPlatform.write(q(id) + "," + q(p) + "," + common() + "\n");
                }
                // split rule: 1 / (chains of the enterprise) / (its segments in that chain)
                List<String> segs = new ArrayList<>(new LinkedHashSet<>(list(r.get("segments"))));
                for (String s : segs) {
                    if (segmentChain.get(s) == null) {
                        throw new IllegalArgumentException("offline-import: enterprises.csv line " + r.line() + ": unknown segment '" + s
                                + "' (the offline path takes segment ids of the chain map; names go through import-register)");
                    }
                }
                double[] shares = EnterpriseValues.shares(segs, segmentChain::get);
                for (int i = 0; i < segs.size(); i++) {
                    String s = segs.get(i);
                    segments.add(s);
                    inSegment.write(q(id) + "," + q(s) + "," + (i == 0) + "," + shares[i] + "," + common() + "\n");
                }
            });
        }
        facts.clear();
    }

    private void supplyLinks() throws IOException {
        try (BufferedWriter rels = writer("supplies.csv", ":START_ID(Enterprise),:END_ID(Enterprise),key,segment,product,dataset,sample:boolean")) {
            read("supply_links.csv", r -> {
                String seg = r.get("segment");
                String product = r.get("product");
                rels.write(q(r.get("supplier")) + "," + q(r.get("customer")) + "," + q(seg + "|" + product) + "," + q(seg) + ","
                        + q(product) + "," + common() + "\n");
            });
        }
    }

    private void keyNodes() throws IOException {
        keyNodes("segments.csv", "id:ID(Segment)", segments);
        keyNodes("towns.csv", "name:ID(Town)", towns);
        keyNodes("honours.csv", "name:ID(Honour)", honours);
        keyNodes("platforms.csv", "id:ID(Platform)", platforms);
        // the shares above were computed from this segment → chain map: the programme import at the first start, which
        // writes the same map, then leaves them valid instead of recomputing every enterprise (RollupService.markChainMapChanged)
        try (BufferedWriter w = writer("rollup_state.csv", "id:ID(RollupState),sharesGeneration:long,sharesDoneGeneration:long,sharesSegmentChains:string[]")) {
            w.write(q("rollups") + ",0,0," + arr(RollupService.segmentChains(segmentChain)) + "\n");
        }
    }

    private void keyNodes(String file, String header, Set<String> keys) throws IOException {
        try (BufferedWriter w = writer(file, header)) {
            for (String k : keys) {
                w.write(q(k) + "\n");
            }
        }
    }

}
