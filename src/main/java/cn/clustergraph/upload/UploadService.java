package cn.clustergraph.upload;

import cn.clustergraph.csv.ImportProblems;
import cn.clustergraph.csv.ImportProperties;
import cn.clustergraph.csv.ImportSource;
import cn.clustergraph.csv.ImportValidationException;
import cn.clustergraph.programme.ProgrammeFiles;
import cn.clustergraph.programme.ProgrammeImporter;
import cn.clustergraph.register.RegisterImporter;
import cn.clustergraph.register.RegisterSource;
import cn.clustergraph.web.BadRequestException;
import cn.clustergraph.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Register, programme and chain-map uploads through the browser: a file is staged, validated by the same code the
 * command line uses (nothing is written), previewed against the graph, and written only when confirmed — by the same
 * importers, one upload at a time, in the background — or discarded.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** A state change the request cannot make (confirm twice, confirm a rejected upload …): answered 409. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** Who sent a request and from where (the principal is null while the app has no sign-in). */
    record Requester(String name, String address) {
    }

    private final Driver driver;
    private final RegisterImporter registers;
    private final ProgrammeImporter programme;
    private final ImportProperties imports;
    private final UploadProperties props;
    private final ApplicationEventPublisher events;
    private final Path dir;
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "upload-writer");
        t.setDaemon(true);
        return t;
    });

    UploadService(Driver driver, RegisterImporter registers, ProgrammeImporter programme, ImportProperties imports,
                  UploadProperties props, ApplicationEventPublisher events,
                  @Value("${clustergraph.neo4j.embedded.data-dir:data/neo4j}") Path dataDir) {
        this.driver = driver;
        this.registers = registers;
        this.programme = programme;
        this.imports = imports;
        this.props = props;
        this.events = events;
        this.dir = props.dir().isBlank() ? dataDir.toAbsolutePath().normalize().resolveSibling("uploads") : Path.of(props.dir());
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }

    /** The staging folder. */
    Path dir() {
        return dir;
    }

    /**
     * Stages and validates one file; the answer is {@code rejected} with every problem, or {@code validated} with the
     * preview. Writes nothing to the graph.
     */
    UploadRecords.UploadStatus upload(String kindName, String fileName, InputStream content, String dataset, Requester who) {
        UploadKind kind = UploadKind.of(kindName).orElseThrow(() -> new BadRequestException("kind",
                "kind must be one of " + UploadKind.names() + (kindName == null || kindName.isBlank() ? "" : ", not '" + kindName + "'")));
        if (content == null) {
            throw new BadRequestException("file", "no file: send it as the multipart part 'file'");
        }
        String name = StagedFile.safeName(fileName);
        String ext = StagedFile.extension(name);
        Set<String> allowed = kind == UploadKind.REGISTER ? Set.of("csv", "xlsx", "zip") : Set.of("csv", "zip");
        if (!allowed.contains(ext)) {
            throw new BadRequestException("file", "a " + kind.wire() + " upload is a " + String.join(", ", allowed.stream().sorted().toList())
                    + " file, not '" + fileName + "'");
        }
        String ds = dataset == null || dataset.isBlank() ? null : dataset.strip();
        if (kind != UploadKind.REGISTER && ds != null) {
            throw new BadRequestException("dataset", "only a register upload names a dataset; the " + kind.wire() + " data set is fixed");
        }
        if (ds != null && RegisterImporter.datasetNameProblem(ds) != null) {
            throw new BadRequestException("dataset", RegisterImporter.datasetNameProblem(ds));
        }
        String id = HexFormat.of().formatHex(randomBytes());
        Path folder = dir.resolve(id);
        StagedFile staged;
        try {
            staged = StagedFile.store(content, folder, name, props.maxSize().toBytes());
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("Cannot stage the upload in " + dir, e);
        } catch (StagedFile.TooLarge e) {
            delete(folder);
            throw e;
        }
        if (staged.size() == 0) {
            delete(folder);
            throw new BadRequestException("file", "the file '" + fileName + "' is empty");
        }
        Upload u = new Upload(id, kind, name, staged, kind == UploadKind.REGISTER ? (ds == null ? "register" : ds) : kind.wire());
        u.datasetGiven = ds != null;
        try {
            validate(u);
        } catch (StagedFile.TooLarge e) {
            delete(folder);
            throw e;
        }
        synchronized (uploads) {
            uploads.put(id, u);
            forgetOld();
        }
        log.info("Upload {} ({}, {}, {} bytes, sha256 {}): {}", id, kind.wire(), name, staged.size(), staged.sha256(), u.state);
        if (u.state.equals("rejected")) {
            events.publishEvent(new UploadRejectedEvent(id, kind.wire(), name, staged.size(), staged.sha256(), u.dataset, "validation",
                    u.problems.size(), u.problems.size() + " problem(s)", who.name(), who.address(), Instant.now()));
        }
        return u.status(true);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private void validate(Upload u) {
        ImportProblems problems = new ImportProblems();
        try {
            if (u.kind == UploadKind.REGISTER) {
                validateRegister(u, problems);
            } else {
                validateProgramme(u, problems);
            }
        } catch (StagedFile.TooLarge | org.neo4j.driver.exceptions.Neo4jException e) {
            throw e;
        } catch (ImportValidationException e) {
            // a file the reader refused as a whole (a zip bomb, not a workbook): its plain problem, named by the upload's file
            e.problems().forEach(p -> problems.add(p.file(), p.line(), p.column(), p.message()));
        } catch (IOException | RuntimeException e) {
            // an unreadable workbook or archive: the file's problem, not the server's
            log.debug("Upload {} could not be read", u.id, e);
            problems.add(u.fileName, 0, null, "cannot read the file (" + e.getClass().getSimpleName() + "): is it a valid "
                    + StagedFile.extension(u.fileName).toUpperCase(java.util.Locale.ROOT) + " file?");
        }
        u.validated(problems.list());
    }

    private void validateRegister(Upload u, ImportProblems problems) throws IOException {
        Path path = u.staged.file();
        if (StagedFile.extension(u.fileName).equals("zip")) {
            path = u.staged.unzip(props.maxSize().toBytes(), problems, (entry, p) -> "");
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.toList()) {
                    String sheet = RegisterSource.canonicalSheet(f.getFileName().toString());
                    if (!RegisterSource.SHEETS.contains(sheet)) {
                        problems.add(u.fileName + "!" + f.getFileName(), 0, null, "not a register sheet: name the files "
                                + String.join(", ", RegisterSource.SHEETS.stream().map(s -> s + ".csv").toList()));
                    } else if (!f.getFileName().toString().equals(sheet + ".csv")) {
                        Files.move(f, f.resolveSibling(sheet + ".csv"));
                    }
                }
            }
        }
        RegisterSource source = RegisterSource.of(path);
        RegisterPreview preview = new RegisterPreview(driver);
        RegisterImporter.Checked checked = registers.check(source, u.dataset, u.datasetGiven, preview);
        checked.problems().forEach(p -> problems.add(p.file(), p.line(), p.column(), p.message()));
        u.register = source;
        u.dataset = checked.dataset();
        u.sample = checked.sample();
        u.rowsTotal = checked.rows();
        if (problems.isEmpty()) {
            u.preview = preview.rows();
        }
    }

    private void validateProgramme(Upload u, ImportProblems problems) throws IOException {
        String folder = u.kind.folder();
        Path root = u.staged.folder().resolve("files");
        if (StagedFile.extension(u.fileName).equals("zip")) {
            u.staged.unzip(props.maxSize().toBytes(), problems, (entry, p) -> {
                List<String> parts = List.of(entry.split("/"));
                for (UploadKind other : UploadKind.values()) {
                    if (other != u.kind && other.folder() != null && parts.subList(0, parts.size() - 1).contains(other.folder())) {
                        p.add(u.fileName + "!" + entry, 0, null, "belongs to a " + other.wire() + " upload (" + other.folder() + "/), not a "
                                + u.kind.wire() + " one");
                        return null;
                    }
                }
                return folder;
            });
        } else {
            Files.createDirectories(root.resolve(folder));
            Files.copy(u.staged.file(), root.resolve(folder).resolve(u.fileName));
        }
        ImportSource source = new ImportSource.Layered(new ImportSource.Directory(root), imports.source());
        ProgrammeFiles files = new ProgrammeFiles(source);
        ProgrammeFiles.Data data = null;
        try {
            data = files.read();
        } catch (ImportValidationException e) {
            e.problems().forEach(p -> problems.add(p.file(), p.line(), p.column(), p.message()));
        }
        List<String> expected = files.files().stream().filter(f -> f.startsWith(folder + "/")).toList();
        try (Stream<Path> uploaded = Files.list(root.resolve(folder))) {
            for (Path f : uploaded.toList()) {
                String rel = folder + "/" + f.getFileName();
                if (!files.files().contains(rel)) {
                    problems.add(rel, 0, null, "not a file the " + u.kind.wire() + " import reads; expected one of "
                            + String.join(", ", expected));
                }
            }
        }
        u.programme = source;
        if (data != null) {
            u.rowsTotal = data.rows().values().stream().mapToLong(List::size).sum();
            if (problems.isEmpty()) {
                u.preview = new ProgrammePreview(driver).compare(data.rows());
            }
        }
    }

    /** Writes a validated upload in the background; the answer is its status ({@code applying}). */
    UploadRecords.UploadStatus confirm(String id, Requester who) {
        Upload u = find(id);
        synchronized (u) {
            if (!u.state.equals("validated")) {
                throw new Conflict("upload " + id + " is " + u.state + ": only a validated upload can be confirmed"
                        + (u.state.equals("rejected") ? " (fix the problems and upload the file again)" : ""));
            }
            u.state = "applying";
            u.rowsDone = 0;
        }
        // the import's own audit event names the confirming user, not the writer thread
        writer.submit(DelegatingSecurityContextRunnable.create(() -> apply(u, who), SecurityContextHolder.getContext()));
        return u.status(true);
    }

    private void apply(Upload u, Requester who) {
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (u.kind == UploadKind.REGISTER) {
                RegisterImporter.Result r = registers.load(u.register, u.dataset, (done, total) -> u.progress(done, total));
                r.written().forEach((k, v) -> counts.put(k + ".written", v));
                r.removed().forEach((k, v) -> counts.put(k + ".removed", v));
                r.graph().forEach((k, v) -> counts.put("graph." + k, v));
                u.applied(counts, null);
            } else {
                ProgrammeImporter.Result r = programme.load(u.programme);
                counts.putAll(r.labels());
                u.applied(counts, r.verified() ? null : "written; the check after loading found differences: " + r.mismatches());
            }
            log.info("Upload {} applied: {}", u.id, counts);
            events.publishEvent(new UploadAppliedEvent(u.id, u.kind.wire(), u.fileName, u.staged.size(), u.staged.sha256(), u.dataset,
                    Map.copyOf(counts), who.name(), who.address(), Instant.now()));
        } catch (ImportValidationException e) {
            u.failed("the graph changed since the upload was checked: " + e.problems().size() + " problem(s); nothing was written",
                    e.problems());
            rejected(u, who, e.problems().size());
        } catch (RuntimeException e) {
            log.warn("Upload {} failed; nothing was written", u.id, e);
            String msg = String.valueOf(e.getMessage());
            u.failed("writing failed, nothing was written (" + e.getClass().getSimpleName() + ": "
                    + (msg.length() > 300 ? msg.substring(0, 300) + "…" : msg) + ")", List.of());
            rejected(u, who, 0);
        }
    }

    private void rejected(Upload u, Requester who, int problems) {
        events.publishEvent(new UploadRejectedEvent(u.id, u.kind.wire(), u.fileName, u.staged.size(), u.staged.sha256(), u.dataset,
                "apply", problems, u.reason, who.name(), who.address(), Instant.now()));
    }

    UploadRecords.UploadStatus status(String id) {
        return find(id).status(true);
    }

    /** Most recent first, without problems and preview (see each by its id). */
    List<UploadRecords.UploadStatus> list() {
        synchronized (uploads) {
            List<UploadRecords.UploadStatus> out = new ArrayList<>(uploads.values().stream().map(u -> u.status(false)).toList());
            out.sort(Comparator.comparing(UploadRecords.UploadStatus::uploadedAt).reversed());
            return out;
        }
    }

    /** Forgets a staged upload and deletes its files; an upload being written or written stays. */
    void discard(String id) {
        Upload u = find(id);
        synchronized (u) {
            if (u.state.equals("applying") || u.state.equals("applied")) {
                throw new Conflict("upload " + id + " is " + u.state + ": only a staged upload (validated, rejected or failed) can be discarded");
            }
            u.state = "discarded";
        }
        synchronized (uploads) {
            uploads.remove(id);
        }
        delete(u.staged.folder());
    }

    private Upload find(String id) {
        synchronized (uploads) {
            Upload u = uploads.get(id);
            if (u == null) {
                throw new NotFoundException("no upload '" + id + "' (unknown, discarded, or forgotten after a restart)");
            }
            return u;
        }
    }

    private void forgetOld() {
        while (uploads.size() > Math.max(1, props.keep())) {
            Upload oldest = uploads.values().stream().filter(u -> !u.state.equals("applying")).findFirst().orElse(null);
            if (oldest == null) {
                return;
            }
            uploads.remove(oldest.id);
            delete(oldest.staged.folder());
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }

    /** One upload: its staged file, what validation found, and where its write stands. */
    private static final class Upload {
        final String id;
        final UploadKind kind;
        final String fileName;
        final StagedFile staged;
        final Instant uploadedAt = Instant.now();
        volatile String dataset;
        volatile Boolean sample;
        volatile String state = "validating";
        volatile long rowsTotal;
        volatile long rowsDone;
        volatile Instant finishedAt;
        volatile List<ImportProblems.Problem> problems = List.of();
        volatile List<UploadRecords.PreviewRow> preview;
        volatile Map<String, Long> counts;
        volatile String reason;
        RegisterSource register;
        ImportSource programme;
        /** The form named the dataset: a register's dataset sheet naming another is a problem. */
        boolean datasetGiven;

        Upload(String id, UploadKind kind, String fileName, StagedFile staged, String dataset) {
            this.id = id;
            this.kind = kind;
            this.fileName = fileName;
            this.staged = staged;
            this.dataset = dataset;
        }

        void validated(List<ImportProblems.Problem> found) {
            problems = found;
            state = found.isEmpty() ? "validated" : "rejected";
        }

        void progress(long done, long total) {
            rowsDone = done;
            rowsTotal = total;
        }

        synchronized void applied(Map<String, Long> written, String note) {
            counts = written;
            reason = note;
            rowsDone = rowsTotal;
            finishedAt = Instant.now();
            state = "applied";
        }

        synchronized void failed(String why, List<ImportProblems.Problem> found) {
            reason = why;
            problems = found;
            finishedAt = Instant.now();
            state = "failed";
        }

        synchronized UploadRecords.UploadStatus status(boolean details) {
            return new UploadRecords.UploadStatus(id, kind.wire(), state, fileName, staged.size(), staged.sha256(), dataset, sample,
                    uploadedAt, finishedAt, rowsTotal, rowsDone, problems.size(), details ? problems : List.of(),
                    details ? preview : null, counts, reason);
        }
    }
}
