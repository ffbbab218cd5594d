package cn.clustergraph.sample;

import cn.clustergraph.csv.CsvTable;
import cn.clustergraph.csv.Fields;
import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.notice.DataNotices;
import cn.clustergraph.register.CreditCode;
import cn.clustergraph.register.RegisterImporter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a fictional enterprise register for the bundled chain map, deterministically from {@code (size, seed)}, as
 * the CSV files the register importer reads ({@code dataset}, {@code enterprises}, {@code figures}, {@code honours},
 * {@code supply_links}, {@code targets}). Rows are streamed to the files: every attribute of enterprise {@code i} is a
 * function of {@code (seed, i)} (its own {@link Random}), its primary segment a low-discrepancy function of {@code i},
 * so supply links pick customers by index without any table of enterprises — memory stays flat at 1M enterprises.
 * <p>
 * The first {@code size - size/8} enterprises are local (平湖, division 330482, spread over all chains and towns); the
 * rest are 招商 candidates elsewhere, drawn mostly to the segments Pinghu lacks. Deliberate gaps: in every chain one
 * segment has no local enterprise and one has only one or two small ones; 电子化学品 has no 链主. Output values are
 * log-normal (skewed), honours sparse and tied to size, credit codes valid per GB 32100. {@code import/sample/} is
 * exactly {@code generate --size=480 --seed=20230420}.
 */
public final class RegisterGenerator {

    public static final int DEFAULT_SIZE = 480;
    public static final long DEFAULT_SEED = 20230420L;
    public static final List<Integer> YEARS = List.of(2022, 2023, 2024);

    /** Segments with no local enterprise in the sample (one per chain): 卡脖子 gaps the 招商 candidates fill. */
    static final Set<String> GAPS = Set.of("OPT-U06", "NEV-U01", "CNC-U01", "C3C-D06", "BIO-U05", "AER-D01", "MEM-U01", "ECH-U02");
    /** Segments with only one or two small local enterprises (at the default size). */
    static final Set<String> THIN = Set.of("OPT-U01", "NEV-M07", "CNC-U02", "C3C-M03", "BIO-M02", "AER-M02", "MEM-M03", "ECH-M04");
    static final String NO_LEADER_CHAIN = "电子化学品";
    private static final double THIN_SHARE = 0.0032;

    private static final Map<String, Integer> CHAIN_WEIGHTS = Map.of("新能源汽车", 22, "高档数控机床", 20, "光电通信", 14,
            "功能性膜材料", 12, "C3及关联产品", 8, "电子化学品", 8, "生物医药", 8, "航空航天", 8);
    private static final Map<String, List<String>> WORDS = Map.of(
            "光电通信", List.of("光电", "光通信", "光电子", "通信技术", "光学"),
            "新能源汽车", List.of("汽车部件", "新能源", "电驱", "汽车电子", "动力"),
            "高档数控机床", List.of("精密机械", "数控", "机床", "智能装备", "精工"),
            "C3及关联产品", List.of("化工", "石化", "高分子", "新材料"),
            "生物医药", List.of("生物医药", "医药", "生物", "医疗器械"),
            "航空航天", List.of("航空", "航天", "航空部件", "精密制造"),
            "功能性膜材料", List.of("薄膜", "新材料", "膜材料", "光学膜"),
            "电子化学品", List.of("电子材料", "电子化学", "特种气体", "精细化工"));
    private static final String BRAND_CHARS = "晨华瑞恒信嘉禾鼎盛宏泰永安天成金源锐博远德润联创汇通佳达海川立兴众和明辉正阳思卓越云帆锦程伟宇精福长青宝利东升南辰致康美星乐丰顺沃腾飞凯诚弘杰泽睿欣铭峰";
    /** Where candidates elsewhere are: region text, division code, city prefix of the name. */
    private static final String[][] REGIONS = {
            {"上海市嘉定区", "310114", "上海"}, {"上海市松江区", "310117", "上海"}, {"上海市浦东新区", "310115", "上海"},
            {"江苏省苏州市吴江区", "320509", "苏州"}, {"浙江省嘉兴市南湖区", "330402", "嘉兴"}, {"浙江省宁波市北仑区", "330206", "宁波"},
            {"浙江省杭州市滨江区", "330108", "杭州"}, {"广东省深圳市南山区", "440305", "深圳"}, {"江苏省无锡市新吴区", "320214", "无锡"},
            {"北京市海淀区", "110108", "北京"}, {"江苏省常州市武进区", "320412", "常州"}, {"安徽省合肥市蜀山区", "340104", "合肥"}};
    private static final Map<String, Integer> TOWN_BASE = Map.of("当湖街道", 10, "经开区", 26, "曹桥街道", 10, "新埭镇", 12,
            "新仓镇", 9, "独山港区", 14, "广陈镇", 8, "林埭镇", 9);
    private static final Map<String, Map<String, Integer>> TOWN_BONUS = Map.of(
            "C3及关联产品", Map.of("独山港区", 120), "电子化学品", Map.of("独山港区", 80, "经开区", 10),
            "功能性膜材料", Map.of("独山港区", 30, "经开区", 15), "新能源汽车", Map.of("经开区", 40),
            "高档数控机床", Map.of("新埭镇", 20, "曹桥街道", 15, "经开区", 10), "光电通信", Map.of("经开区", 20, "当湖街道", 8),
            "生物医药", Map.of("经开区", 15, "当湖街道", 10), "航空航天", Map.of("经开区", 10, "曹桥街道", 10));
    private static final String[] HONOURS = {"高新技术企业", "省级专精特新中小企业", "专精特新“小巨人”", "制造业单项冠军", "科技小巨人",
            "上市企业", "百亿级企业", "世界500强投资企业", "品字标浙江制造", "省级智能工厂（数字化车间）", "国家级绿色工厂", "未来工厂"};
    /** Probability of each honour (order of {@link #HONOURS}) by size class: giant, large, mid, small, micro. */
    private static final double[][] HONOUR_P = {
            {0.70, 0.60, 0.45, 0.25, 0.06},
            {0.00, 0.10, 0.25, 0.15, 0.03},
            {0.00, 0.08, 0.07, 0.02, 0.00},
            {0.25, 0.05, 0.00, 0.00, 0.00},
            {0.00, 0.04, 0.05, 0.02, 0.00},
            {0.60, 0.08, 0.005, 0.00, 0.00},
            {0.00, 0.00, 0.00, 0.00, 0.00},
            {0.10, 0.12, 0.08, 0.05, 0.00},
            {0.10, 0.12, 0.12, 0.05, 0.00},
            {0.30, 0.12, 0.05, 0.00, 0.00},
            {0.30, 0.03, 0.00, 0.00, 0.00},
            {0.15, 0.01, 0.00, 0.00, 0.00}};
    private static final int[][] HONOUR_YEARS = {{2015, 2024}, {2019, 2024}, {2019, 2024}, {2017, 2024}, {2018, 2024}, {2008, 2024},
            {2022, 2024}, {2005, 2024}, {2018, 2024}, {2019, 2024}, {2018, 2024}, {2022, 2024}};
    private static final double PHI = (Math.sqrt(5) - 1) / 2;
    private static final long ORG_SPACE = 852_891_037_441L; // 31^8

    /** What was written. */
    public record Summary(Path out, int enterprises, int local, int external, long figures, long honours, long supplyLinks, long targets) {
        @Override
        public String toString() {
            return enterprises + " enterprises (" + local + " local, " + external + " candidates elsewhere), " + figures + " figures, "
                    + honours + " honours, " + supplyLinks + " supply links, " + targets + " chain targets → " + out.toAbsolutePath();
        }
    }

    private record Segment(int index, String id, String chain, String name, String stage, List<String> keywords) {
    }

    private final int size;
    private final long seed;
    private final int local;
    private final String dataset;
    private final List<Segment> segments = new ArrayList<>();
    private final List<String> chains = new ArrayList<>();
    private final List<String> towns = new ArrayList<>();
    private final Map<String, String> platformTown = new LinkedHashMap<>();
    private final List<List<Integer>> downstream = new ArrayList<>();
    private final List<List<Integer>> neighbours = new ArrayList<>();
    private final boolean[] gap;
    private final boolean[] thin;
    private final double[] cumulative;
    private final double offset;
    private final int brandLength;
    private final long brandSpace;
    private final long brandA;
    private final long brandB;
    private final long orgB;
    private final Map<String, Integer> leaders = new LinkedHashMap<>();

    private RegisterGenerator(int size, long seed, String dataset, ImportSource source) {
        if (size < 16) {
            throw new IllegalArgumentException("size must be at least 16");
        }
        this.size = size;
        this.seed = seed;
        this.dataset = dataset;
        this.local = size - size / 8;
        ImportProblems problems = new ImportProblems();
        for (var r : table(source, "chains/chains.csv", problems).rows()) {
            chains.add(r.get("name"));
        }
        for (var r : table(source, "chains/segments.csv", problems).rows()) {
            segments.add(new Segment(segments.size(), r.get("id"), r.get("chain"), r.get("name"), r.get("stage"), Fields.list(r, "keywords")));
        }
        for (var r : table(source, "programme/towns.csv", problems).rows()) {
            towns.add(r.get("name"));
        }
        for (var r : table(source, "programme/platforms.csv", problems).rows()) {
            platformTown.put(r.get("id"), r.get("town"));
        }
        problems.throwIfAny("Generator input (" + source.describe() + ")");
        Map<String, Integer> byId = new LinkedHashMap<>();
        segments.forEach(s -> {
            byId.put(s.id(), s.index());
            downstream.add(new ArrayList<>());
            neighbours.add(new ArrayList<>());
        });
        for (var r : table(source, "chains/segment_links.csv", problems).rows()) {
            Integer a = byId.get(r.get("from"));
            Integer b = byId.get(r.get("to"));
            if (a != null && b != null) {
                downstream.get(a).add(b);
                neighbours.get(a).add(b);
                neighbours.get(b).add(a);
            }
        }
        gap = new boolean[segments.size()];
        thin = new boolean[segments.size()];
        for (String chain : chains) {
            List<Segment> in = segments.stream().filter(s -> s.chain().equals(chain)).toList();
            if (in.isEmpty()) {
                continue;
            }
            Segment g = in.stream().filter(s -> GAPS.contains(s.id())).findFirst().orElse(in.getLast());
            gap[g.index()] = true;
            in.stream().filter(s -> THIN.contains(s.id()) && !gap[s.index()]).findFirst()
                    .or(() -> in.stream().filter(s -> !gap[s.index()]).findFirst()).ifPresent(s -> thin[s.index()] = true);
        }
        // segment weights: chain weight spread over its ordinary segments by stage and a seeded factor
        Random w = new Random(seed);
        double[] weight = new double[segments.size()];
        double total = 0;
        for (String chain : chains) {
            List<Segment> ordinary = segments.stream().filter(s -> s.chain().equals(chain) && !gap[s.index()] && !thin[s.index()]).toList();
            double[] raw = new double[ordinary.size()];
            double sum = 0;
            for (int k = 0; k < raw.length; k++) {
                double stage = switch (ordinary.get(k).stage()) {
                    case "上游" -> 0.8;
                    case "中游" -> 1.3;
                    case "下游" -> 0.7;
                    default -> 1.0;
                };
                raw[k] = stage * (0.6 + 0.8 * w.nextDouble());
                sum += raw[k];
            }
            for (int k = 0; k < raw.length; k++) {
                weight[ordinary.get(k).index()] = CHAIN_WEIGHTS.getOrDefault(chain, 8) * raw[k] / sum;
                total += weight[ordinary.get(k).index()];
            }
        }
        long thinCount = java.util.stream.IntStream.range(0, thin.length).filter(i -> thin[i]).count();
        double thinWeight = total * THIN_SHARE / (1 - THIN_SHARE * thinCount);
        cumulative = new double[segments.size()];
        double acc = 0;
        for (int i = 0; i < segments.size(); i++) {
            acc += thin[i] ? thinWeight : weight[i];
            cumulative[i] = acc;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= acc;
        }
        offset = frac(seed * PHI);
        int len = 2;
        long space = (long) BRAND_CHARS.length() * BRAND_CHARS.length();
        while (space < size) {
            space *= BRAND_CHARS.length();
            len++;
        }
        brandLength = len;
        brandSpace = space;
        long a = Math.floorMod(seed * 0x9E3779B97F4A7C15L, space) | 1L;
        while (java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(space)).longValue() != 1) {
            a = (a + 2) % space;
        }
        brandA = a;
        brandB = Math.floorMod(seed * 31L + 7L, space);
        orgB = Math.floorMod(seed * 0x2545F4914F6CDD1DL, ORG_SPACE);
        for (String chain : chains) {
            if (chain.equals(NO_LEADER_CHAIN)) {
                continue;
            }
            for (int i = 0; i < local; i++) {
                Segment s = segments.get(primary(i));
                if (s.chain().equals(chain)) {
                    leaders.put(chain, i);
                    break;
                }
            }
        }
        if (BRAND_CHARS.codePoints().distinct().count() != BRAND_CHARS.length()) {
            throw new IllegalStateException("brand characters must be distinct");
        }
    }

    private static CsvTable table(ImportSource source, String file, ImportProblems problems) {
        byte[] bytes = source.read(file);
        if (bytes == null) {
            problems.add(file, 0, null, "file is missing");
            return new CsvTable(file, null, List.of(), List.of());
        }
        return CsvTable.parse(file, bytes, problems);
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    /** Primary segment of local enterprise {@code i}: a golden-ratio sequence over the cumulative weights. */
    private int primary(int i) {
        double u = frac(offset + (i + 1) * PHI);
        int k = Arrays.binarySearch(cumulative, u);
        k = k >= 0 ? k + 1 : -k - 1;
        return Math.min(k, cumulative.length - 1);
    }

    private Random random(int i, int stream) {
        long x = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return new Random(x ^ (x >>> 31));
    }

    /** Valid 统一社会信用代码 of enterprise {@code i}: a bijection of {@code i} into the organisation-code space. */
    String creditCode(int i, String division) {
        long v = Math.floorMod(2_654_435_761L * i + orgB, ORG_SPACE);
        char[] body = new char[8];
        for (int k = 7; k >= 0; k--) {
            body[k] = CreditCode.CHARS.charAt((int) (v % 31));
            v /= 31;
        }
        return CreditCode.of('9', '1', division, new String(body));
    }

    private String brand(int i) {
        long v = Math.floorMod(brandA * i + brandB, brandSpace);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < brandLength; k++) {
            b.append(BRAND_CHARS.charAt((int) (v % BRAND_CHARS.length())));
            v /= BRAND_CHARS.length();
        }
        return b.toString();
    }

    /** Writes the register to {@code out} (created if needed). */
    public static Summary generate(int size, long seed, String dataset, Path out, ImportSource source) {
        try {
            return new RegisterGenerator(size, seed, dataset, source).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the register to " + out, e);
        }
    }

    private Summary write(Path out) throws IOException {
        Files.createDirectories(out);
        long figures = 0;
        long honours = 0;
        long links = 0;
        double[] chainOutput = new double[chains.size()];
        try (var ds = writer(out, "dataset"); var ent = writer(out, "enterprises"); var fig = writer(out, "figures");
             var hon = writer(out, "honours"); var sup = writer(out, "supply_links")) {
            row(ds, "name", "title", "sample", "notice", "description", "generated_by");
            row(ds, dataset, "平湖市先进制造业企业名录（样例，虚构）", "true", DataNotices.SAMPLE,
                    "虚构的样例企业名录：企业、信用代码、产值、荣誉和供应关系均由 RegisterGenerator 按固定种子生成，不是真实企业数据；"
                            + "用于演示和测试，任何页面和接口都带“样例数据”标记。",
                    "generate --size=" + size + " --seed=" + seed);
            row(ent, "credit_code", "name", "aliases", "local", "town", "region", "platforms", "scale", "chain_leader", "segments");
            row(fig, "credit_code", "year", "output", "revenue");
            row(hon, "credit_code", "honour", "year");
            row(sup, "supplier", "customer", "segment", "product");
            for (int i = 0; i < size; i++) {
                Enterprise e = enterprise(i);
                row(ent, e.code, e.name, String.join("|", e.aliases), String.valueOf(e.local), e.town, e.region,
                        String.join("|", e.platforms), String.valueOf(e.scale), String.valueOf(e.leader), String.join("|", e.segmentIds));
                for (int y = 0; y < YEARS.size(); y++) {
                    if (e.output[y] != null || e.revenue[y] != null) {
                        row(fig, e.code, String.valueOf(YEARS.get(y)), num(e.output[y]), num(e.revenue[y]));
                        figures++;
                    }
                }
                for (var h : e.honours.entrySet()) {
                    row(hon, e.code, h.getKey(), String.valueOf(h.getValue()));
                    honours++;
                }
                for (String[] link : links(i, e)) {
                    row(sup, link);
                    links++;
                }
                if (e.local && e.scale && e.output[YEARS.size() - 1] != null) {
                    Set<String> in = new LinkedHashSet<>();
                    e.segmentIds.forEach(id -> in.add(segments.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().chain()));
                    for (String c : in) {
                        chainOutput[chains.indexOf(c)] += e.output[YEARS.size() - 1] / in.size();
                    }
                }
            }
        }
        long targets = 0;
        try (var t = writer(out, "targets")) {
            row(t, "indicator_id", "chain", "name", "unit", "year", "value", "comparator", "period", "scale_only", "text");
            for (int c = 0; c < chains.size(); c++) {
                String chain = chains.get(c);
                String prefix = segments.stream().filter(s -> s.chain().equals(chain)).findFirst().map(s -> s.id().split("-")[0]).orElse("C" + c);
                String name = chain + "产业链规上企业产值（链规划样例）";
                double now = chainOutput[c] / 10000;
                for (int[] yf : new int[][]{{2025, 120}, {2027, 160}}) {
                    long value = Math.max(5, (long) Math.ceil(now * yf[1] / 100 / 5) * 5);
                    row(t, indicatorPrefix() + prefix + "-OUTPUT", chain, name, "亿元", String.valueOf(yf[0]), String.valueOf(value), ">=", "年度", "true",
                            "（样例，虚构）到" + yf[0] + "年" + chain + "产业链规上企业产值达到" + value + "亿元以上");
                    targets++;
                }
            }
        }
        return new Summary(out, size, local, size - local, figures, honours, links, targets);
    }

    /** {@code S-} for the sample; other generated registers get their own ids ({@code S-BENCH-100K-…}). */
    private String indicatorPrefix() {
        return dataset.equals(RegisterImporter.SAMPLE) ? "S-" : "S-" + dataset.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-") + "-";
    }

    private static final class Enterprise {
        String code;
        String name;
        List<String> aliases = new ArrayList<>();
        boolean local;
        String town = "";
        String region = "";
        List<String> platforms = new ArrayList<>();
        boolean scale;
        boolean leader;
        List<String> segmentIds = new ArrayList<>();
        int primary;
        Double[] output = new Double[YEARS.size()];
        Double[] revenue = new Double[YEARS.size()];
        Map<String, Integer> honours = new LinkedHashMap<>();
    }

    private Enterprise enterprise(int i) {
        Random r = random(i, 1);
        Enterprise e = new Enterprise();
        e.local = i < local;
        // segment(s)
        if (e.local) {
            e.primary = primary(i);
        } else if (r.nextDouble() < 0.55) {
            int[] wanted = java.util.stream.IntStream.range(0, segments.size()).filter(k -> gap[k] || thin[k]).toArray();
            e.primary = wanted[r.nextInt(wanted.length)];
        } else {
            e.primary = primary(r.nextInt(Math.max(local, 1)));
        }
        Segment seg = segments.get(e.primary);
        e.segmentIds.add(seg.id());
        if (e.local && !thin[e.primary] && r.nextDouble() < 0.15) {
            List<Integer> options = neighbours.get(e.primary).stream().filter(k -> !gap[k] && !thin[k] && k != e.primary).distinct().toList();
            if (options.isEmpty()) {
                options = segments.stream().filter(s -> s.chain().equals(seg.chain()) && !gap[s.index()] && !thin[s.index()]
                        && s.index() != e.primary).map(Segment::index).toList();
            }
            if (!options.isEmpty()) {
                e.segmentIds.add(segments.get(options.get(r.nextInt(options.size()))).id());
            }
        }
        e.leader = e.local && Integer.valueOf(i).equals(leaders.get(seg.chain()));
        // size: log-normal output (万元) for the latest year
        double latest;
        if (e.leader) {
            latest = 900_000 + r.nextDouble() * 1_700_000;
        } else if (e.local && thin[e.primary]) {
            latest = 300 + r.nextDouble() * 1500;
        } else {
            latest = Math.exp(Math.log(e.local ? 8000 : 30000) + 1.6 * r.nextGaussian());
        }
        latest = Math.min(latest, 3_000_000);
        int sizeClass = latest >= 500_000 ? 0 : latest >= 100_000 ? 1 : latest >= 20_000 ? 2 : latest >= 2000 ? 3 : 4;
        // figures: three years, some founded later, some micro firms without figures, a few with revenue only
        double founded = r.nextDouble();
        int firstYear = founded < 0.03 ? 2 : founded < 0.09 ? 1 : 0;
        boolean noFigures = sizeClass == 4 && !e.leader && r.nextDouble() < 0.30;
        boolean revenueOnly = !noFigures && r.nextDouble() < 0.02;
        double value = latest;
        for (int y = YEARS.size() - 1; y >= firstYear; y--) {
            if (!noFigures) {
                double out = round1(value);
                e.output[y] = revenueOnly ? null : out;
                e.revenue[y] = round1(value * (0.85 + 0.35 * r.nextDouble()));
            }
            double growth = Math.max(-0.3, Math.min(0.6, 0.08 + 0.12 * r.nextGaussian()));
            value = value / (1 + growth);
        }
        Double lastRevenue = e.revenue[YEARS.size() - 1];
        e.scale = lastRevenue != null && lastRevenue >= 2000;
        // names: a unique brand per index
        String brand = brand(i);
        List<String> words = WORDS.getOrDefault(seg.chain(), List.of("科技"));
        String word = words.get(r.nextInt(words.size()));
        String city;
        if (e.local) {
            city = sizeClass <= 1 && r.nextBoolean() ? "浙江" : "平湖";
        } else {
            String[] region = REGIONS[r.nextInt(REGIONS.length)];
            e.region = region[0];
            city = region[2];
            e.code = creditCode(i, region[1]);
        }
        if (e.local) {
            e.code = creditCode(i, "330482");
        }
        boolean listedLike = sizeClass <= 1;
        e.name = city + brand + word + (r.nextDouble() < 0.4 ? "科技" : "") + (listedLike ? "股份有限公司" : "有限公司");
        e.aliases.add(brand + word);
        if (sizeClass <= 1 && r.nextDouble() < 0.5) {
            e.aliases.add(brand + "集团");
        }
        // town and platforms
        if (e.local) {
            e.town = pickTown(seg.chain(), r);
            String chain = seg.chain();
            for (var p : platformTown.entrySet()) {
                boolean on = switch (p.getKey()) {
                    case "P-PHETDZ" -> e.town.equals("经开区") && r.nextDouble() < 0.8;
                    case "P-DSGEDZ" -> e.town.equals("独山港区") && r.nextDouble() < 0.8;
                    case "P-AUTOPARK" -> chain.equals("新能源汽车") && e.town.equals("经开区") && r.nextDouble() < 0.5;
                    case "P-ZHNMPARK" -> Set.of("C3及关联产品", "功能性膜材料", "电子化学品").contains(chain)
                            && e.town.equals("独山港区") && r.nextDouble() < 0.35;
                    case "P-AEROBASE" -> chain.equals("航空航天") && r.nextDouble() < 0.5;
                    case "P-ZJSTC-PH" -> Set.of("光电通信", "生物医药").contains(chain) && r.nextDouble() < 0.25;
                    default -> false;
                };
                if (on) {
                    e.platforms.add(p.getKey());
                }
            }
        }
        // honours, sparse and tied to size
        for (int h = 0; h < HONOURS.length; h++) {
            double p = HONOUR_P[h][sizeClass];
            if (h == 7 && e.local && sizeClass <= 3) {
                p = Math.max(p, 0.05); // 世界500强 investment: spread over mid and small firms too
            }
            boolean has = HONOURS[h].equals("百亿级企业") ? lastRevenue != null && lastRevenue >= 1_000_000 : r.nextDouble() < p;
            if (e.leader && (h == 0 || h == 5)) {
                has = true;
            }
            if (has) {
                int[] span = HONOUR_YEARS[h];
                int year = HONOURS[h].equals("百亿级企业") ? firstHundredYear(e) : span[0] + r.nextInt(span[1] - span[0] + 1);
                e.honours.put(HONOURS[h], year);
            }
        }
        if (e.honours.containsKey("专精特新“小巨人”") && !e.honours.containsKey("省级专精特新中小企业")) {
            e.honours.put("省级专精特新中小企业", Math.max(2019, e.honours.get("专精特新“小巨人”") - 1));
        }
        return e;
    }

    private static int firstHundredYear(Enterprise e) {
        for (int y = 0; y < YEARS.size(); y++) {
            if (e.revenue[y] != null && e.revenue[y] >= 1_000_000) {
                return YEARS.get(y);
            }
        }
        return YEARS.getLast();
    }

    private String pickTown(String chain, Random r) {
        Map<String, Integer> bonus = TOWN_BONUS.getOrDefault(chain, Map.of());
        int total = 0;
        for (String t : towns) {
            total += TOWN_BASE.getOrDefault(t, 8) + bonus.getOrDefault(t, 0);
        }
        int x = r.nextInt(total);
        for (String t : towns) {
            x -= TOWN_BASE.getOrDefault(t, 8) + bonus.getOrDefault(t, 0);
            if (x < 0) {
                return t;
            }
        }
        return towns.getLast();
    }

    /** Supply links of supplier {@code i}: local customers in the segments its segment supplies (by rejection sampling). */
    private List<String[]> links(int i, Enterprise e) {
        Random r = random(i, 2);
        Segment seg = segments.get(e.primary);
        int count = !e.local ? 3 + r.nextInt(6) : seg.stage().equals("下游") ? r.nextInt(3) : 5 + r.nextInt(5);
        boolean[] wanted = new boolean[segments.size()];
        boolean any = false;
        for (int k : downstream.get(e.primary)) {
            if (!gap[k]) {
                wanted[k] = true;
                any = true;
            }
        }
        if (!any) {
            for (Segment s : segments) {
                if (s.chain().equals(seg.chain()) && !gap[s.index()] && s.index() != e.primary) {
                    wanted[s.index()] = true;
                }
            }
        }
        List<String[]> out = new ArrayList<>();
        List<Integer> customers = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            for (int tries = 0; tries < 300; tries++) {
                int j = r.nextInt(local);
                if (j != i && wanted[primary(j)] && !customers.contains(j)) {
                    customers.add(j);
                    String product = seg.keywords().isEmpty() ? seg.name() : seg.keywords().get(r.nextInt(seg.keywords().size()));
                    out.add(new String[]{e.code, creditCode(j, "330482"), seg.id(), product});
                    break;
                }
            }
        }
        return out;
    }

    private static Double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Writer writer(Path out, String name) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(out.resolve(name + ".csv"), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                w.write(',');
            }
            String v = cells[c] == null ? "" : cells[c];
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                w.write('"');
                w.write(v.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(v);
            }
        }
        w.write('\n');
    }
}
