package cn.clustergraph.sample;

import cn.clustergraph.ClusterGraphApplication;
import cn.clustergraph.SampleFiles;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.register.CreditCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator is deterministic, writes valid registers, and import/sample/ is exactly its default output. */
class RegisterGeneratorTest {

    static final List<String> FILES = List.of("dataset.csv", "enterprises.csv", "figures.csv", "honours.csv", "supply_links.csv", "targets.csv");

    @Test
    void checkedInSampleIsExactlyWhatTheGenerateCommandWritesByDefault(@TempDir Path out) throws Exception {
        // the command word as documented, routed by main before any Spring context or database starts
        ClusterGraphApplication.main(new String[]{"generate", "--out=" + out});
        for (String f : FILES) {
            assertThat(Files.readString(out.resolve(f))).as(f + " differs from `generate --size=480 --seed=20230420`: regenerate import/sample/")
                    .isEqualTo(Files.readString(Path.of("import/sample").resolve(f)));
        }
    }

    @Test
    void sampleIsRealisticForACountyWithDeliberateGaps() {
        SampleFiles s = SampleFiles.load();
        var local = s.enterprises.values().stream().filter(SampleFiles.Enterprise::local).toList();
        assertThat(local).hasSize(420);
        assertThat(s.enterprises).hasSize(480);
        // every chain and every town has local enterprises
        assertThat(local.stream().flatMap(e -> s.chainsOf(e).stream()).collect(Collectors.toSet())).hasSize(8);
        assertThat(local.stream().map(SampleFiles.Enterprise::town).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("当湖街道", "经开区", "曹桥街道", "新埭镇", "新仓镇", "独山港区", "广陈镇", "林埭镇");
        // per chain: a segment with no local enterprise, and one with only one or two small ones
        Map<String, Integer> perSegment = new HashMap<>();
        local.forEach(e -> e.segments().forEach(seg -> perSegment.merge(seg, 1, Integer::sum)));
        for (String chain : Set.copyOf(s.segmentChain.values())) {
            var segs = s.segmentChain.entrySet().stream().filter(x -> x.getValue().equals(chain)).map(Map.Entry::getKey).toList();
            assertThat(segs).as(chain + " has an empty segment").anyMatch(seg -> perSegment.getOrDefault(seg, 0) == 0);
            assertThat(segs).as(chain + " has a thin segment").anyMatch(seg -> perSegment.getOrDefault(seg, 0) >= 1 && perSegment.getOrDefault(seg, 0) <= 2);
        }
        for (String thin : RegisterGenerator.THIN) {
            assertThat(perSegment.getOrDefault(thin, 0)).as(thin).isBetween(1, 2);
            local.stream().filter(e -> e.segments().contains(thin))
                    .forEach(e -> assertThat(s.latestOutput(e.id()) == null || s.latestOutput(e.id()) < 2000.0)
                            .as("small firm in thin segment " + thin).isTrue());
        }
        RegisterGenerator.GAPS.forEach(gap -> assertThat(perSegment.getOrDefault(gap, 0)).as(gap).isZero());
        // external candidates, supply links (~5 each), skewed output, sparse honours, one 链主 per chain but 电子化学品
        assertThat(s.enterprises.values().stream().filter(e -> !e.local()).toList()).hasSize(60).allMatch(e -> !e.region().isEmpty());
        assertThat(s.supplyLinks.size()).isBetween(4 * 480, 6 * 480);
        double total = s.scaleOutputTotal();
        double top10 = local.stream().map(e -> s.latestOutput(e.id())).filter(o -> o != null).sorted((a, b) -> Double.compare(b, a))
                .limit(10).mapToDouble(Double::doubleValue).sum();
        assertThat(top10 / total).as("output is skewed").isGreaterThan(0.4);
        assertThat(local.stream().filter(SampleFiles.Enterprise::leader).map(e -> s.chainsOf(e).iterator().next()).toList())
                .hasSize(7).doesNotContain("电子化学品");
        assertThat(s.localWithHonour("专精特新“小巨人”")).isBetween(3L, 19L);
    }

    @Test
    void generationIsDeterministicStreamsValidUniqueCodesAndScales(@TempDir Path a, @TempDir Path b) throws Exception {
        RegisterGenerator.Summary one = RegisterGenerator.generate(5000, 7, "bench-5k", a, ImportSource.of("import"));
        RegisterGenerator.generate(5000, 7, "bench-5k", b, ImportSource.of("import"));
        for (String f : FILES) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(one.enterprises()).isEqualTo(5000);
        List<String> lines = Files.readAllLines(a.resolve("enterprises.csv"));
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(CreditCode.problems(cells[0])).as(cells[0]).isEmpty();
            assertThat(codes.add(cells[0])).as("unique " + cells[0]).isTrue();
            assertThat(names.add(cells[1])).as("unique " + cells[1]).isTrue();
        }
        long links = Files.lines(a.resolve("supply_links.csv")).count() - 1;
        assertThat(links / 5000.0).isBetween(4.0, 6.5);
        assertThat(Files.readString(a.resolve("dataset.csv"))).contains("bench-5k").contains("true").contains(DataNotices.SAMPLE);
    }
}
