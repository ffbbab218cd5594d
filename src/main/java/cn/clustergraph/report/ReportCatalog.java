package cn.clustergraph.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reports an analyst can run: the bundled {@code cypher/reports/*.cypher} plus those in the configured folder,
 * which is re-read on every call so a new or edited file shows up without a restart (an external file with a bundled
 * report's name replaces it).
 */
@Component
class ReportCatalog {

    private static final Logger log = LoggerFactory.getLogger(ReportCatalog.class);
    static final String BUNDLED_LOCATION = "classpath*:cypher/reports/*.cypher";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final List<Report> bundled;
    private final Path externalDir;
    private volatile String lastWarning;

    ReportCatalog(ReportsProperties props) {
        this.bundled = readBundled();
        this.externalDir = props.dir() == null || props.dir().isBlank() ? null : Path.of(props.dir()).toAbsolutePath();
        log.info("Reports: {} bundled{}", bundled.size(), externalDir == null ? "" : ", external folder " + externalDir);
        bundled.stream().filter(r -> !r.valid()).forEach(r -> log.warn("Bundled report {} is broken: {}", r.name(), r.errors()));
    }

    /** Every report, bundled and external, by name; broken ones included with their errors. */
    List<Report> list() {
        Map<String, Report> byName = new LinkedHashMap<>();
        bundled.forEach(r -> byName.put(r.name(), r));
        readExternal().forEach(r -> byName.put(r.name(), r));
        return byName.values().stream().sorted(Comparator.comparing(Report::name)).toList();
    }

    Optional<Report> find(String name) {
        return list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The external folder, or null when none is configured. */
    Path externalDir() {
        return externalDir;
    }

    private static List<Report> readBundled() {
        try {
            List<Report> list = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(BUNDLED_LOCATION)) {
                String file = r.getFilename();
                if (file == null || !file.endsWith(".cypher")) {
                    continue;
                }
                String text = decode(r.getInputStream().readAllBytes());
                list.add(ReportParser.parse(stem(file), Report.BUNDLED, "classpath:cypher/reports/" + file, text));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled reports " + BUNDLED_LOCATION, e);
        }
    }

    private List<Report> readExternal() {
        if (externalDir == null) {
            return List.of();
        }
        if (!Files.isDirectory(externalDir)) {
            warnOnce("Reports folder " + externalDir + " (clustergraph.reports.dir) does not exist; only bundled reports are listed");
            return List.of();
        }
        List<Report> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(externalDir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".cypher") && Files.isRegularFile(f)).sorted().toList()) {
                String name = stem(p.getFileName().toString());
                try {
                    list.add(ReportParser.parse(name, Report.EXTERNAL, p.toString(), decode(Files.readAllBytes(p))));
                } catch (IOException e) {
                    list.add(new Report(name, Report.EXTERNAL, p.toString(), null, null, null, List.of(), List.of(), "",
                            List.of("cannot read the file: " + e.getMessage())));
                }
            }
        } catch (IOException e) {
            warnOnce("Cannot list reports folder " + externalDir + ": " + e.getMessage());
            return List.of();
        }
        lastWarning = null;
        return list;
    }

    private void warnOnce(String message) {
        if (!message.equals(lastWarning)) {
            log.warn(message);
            lastWarning = message;
        }
    }

    private static String stem(String file) {
        return file.substring(0, file.length() - ".cypher".length());
    }

    /** UTF-8 (BOM dropped); a file that is not valid UTF-8 is read as GB18030, what Notepad on Chinese Windows saves. */
    static String decode(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }
}
