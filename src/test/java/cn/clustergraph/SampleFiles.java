package cn.clustergraph;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.ImportProblems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checked-in sample register and chain map read straight from the files, so tests compute expected values
 * independently of the graph and its rollups.
 */
public final class SampleFiles {

    public record Enterprise(String id, String name, List<String> aliases, boolean local, String town, String region, boolean scale,
                             boolean leader, List<String> segments, List<String> platforms) {
    }

    public final Map<String, Enterprise> enterprises = new java.util.LinkedHashMap<>();
    /** credit code → year → output (万元). */
    public final Map<String, Map<Integer, Double>> output = new HashMap<>();
    /** credit code → honour → year. */
    public final Map<String, Map<String, Integer>> honours = new HashMap<>();
    public final List<String[]> supplyLinks = new ArrayList<>();
    /** segment id → chain. */
    public final Map<String, String> segmentChain = new java.util.LinkedHashMap<>();
    /** chain → cluster. */
    public final Map<String, String> chainCluster = new HashMap<>();

    public static SampleFiles load() {
        return new SampleFiles(Path.of("import"));
    }

    private SampleFiles(Path root) {
        for (var r : table(root.resolve("sample/enterprises.csv")).rows()) {
            enterprises.put(r.get("credit_code"), new Enterprise(r.get("credit_code"), r.get("name"), split(r.get("aliases")),
                    Boolean.parseBoolean(r.get("local")), r.get("town"), r.get("region"), Boolean.parseBoolean(r.get("scale")),
                    Boolean.parseBoolean(r.get("chain_leader")), split(r.get("segments")), split(r.get("platforms"))));
        }
        for (var r : table(root.resolve("sample/figures.csv")).rows()) {
            if (!r.get("output").isEmpty()) {
                output.computeIfAbsent(r.get("credit_code"), k -> new HashMap<>()).put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("output")));
            }
        }
        for (var r : table(root.resolve("sample/honours.csv")).rows()) {
            honours.computeIfAbsent(r.get("credit_code"), k -> new HashMap<>()).put(r.get("honour"), Integer.parseInt(r.get("year")));
        }
        for (var r : table(root.resolve("sample/supply_links.csv")).rows()) {
            supplyLinks.add(new String[]{r.get("supplier"), r.get("customer"), r.get("segment"), r.get("product")});
        }
        for (var r : table(root.resolve("chains/segments.csv")).rows()) {
            segmentChain.put(r.get("id"), r.get("chain"));
        }
        for (var r : table(root.resolve("chains/chains.csv")).rows()) {
            chainCluster.put(r.get("name"), r.get("cluster"));
        }
    }

    private static CsvTable table(Path p) {
        try {
            ImportProblems problems = new ImportProblems();
            CsvTable t = CsvTable.parse(p.getFileName().toString(), Files.readAllBytes(p), problems);
            problems.throwIfAny(p.toString());
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split("\\|"));
    }

    /** Latest year's output, or null. */
    public Double latestOutput(String id) {
        Map<Integer, Double> m = output.get(id);
        return m == null || m.isEmpty() ? null : m.get(m.keySet().stream().max(Integer::compare).orElseThrow());
    }

    public Set<String> chainsOf(Enterprise e) {
        Set<String> out = new LinkedHashSet<>();
        e.segments().forEach(s -> out.add(segmentChain.get(s)));
        return out;
    }

    /**
     * Output (万元) a local 规上 enterprise adds to {@code chain} under the split rule: its latest output divided equally among
     * the chains it is in (counted once per chain however many segments it has there).
     */
    public double chainShare(Enterprise e, String chain) {
        Double out = latestOutput(e.id());
        Set<String> chains = chainsOf(e);
        if (!e.local() || !e.scale() || out == null || !chains.contains(chain)) {
            return 0;
        }
        return out / chains.size();
    }

    /** Sum of local 规上 enterprises' latest output (万元): the A1-02 measure. */
    public double scaleOutputTotal() {
        return enterprises.values().stream().filter(e -> e.local() && e.scale() && !e.segments().isEmpty())
                .mapToDouble(e -> latestOutput(e.id()) == null ? 0 : latestOutput(e.id())).sum();
    }

    public long localWithHonour(String honour) {
        return enterprises.values().stream().filter(e -> e.local() && honours.getOrDefault(e.id(), Map.of()).containsKey(honour)).count();
    }
}
