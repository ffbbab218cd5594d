package cn.clustergraph.upload;

import cn.clustergraph.csv.ImportProblems;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An uploaded file in its staging folder ({@code <upload dir>/<id>/}): copied with its size and SHA-256 computed on the
 * way, and a ZIP unpacked into {@code files/} (flat, CSV files only; no entry may leave the folder or outgrow the limit).
 */
final class StagedFile {

    /** The upload was bigger than the limit (answered 413). */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static final int MAX_ZIP_ENTRIES = 1000;

    private final Path folder;
    private final Path file;
    private final long size;
    private final String sha256;

    private StagedFile(Path folder, Path file, long size, String sha256) {
        this.folder = folder;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** Copies {@code in} to {@code folder/name}; stops with {@link TooLarge} beyond {@code maxBytes}. */
    static StagedFile store(InputStream in, Path folder, String name, long maxBytes) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream d = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = d.read(buf)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge("the file is larger than the limit of " + maxBytes + " bytes (clustergraph.upload.max-size)");
                }
                out.write(buf, 0, n);
            }
        }
        return new StagedFile(folder, file, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** A safe file name: the last path part, anything but letters, digits, '.', '-' and '_' replaced. */
    static String safeName(String original) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "upload" + n : n;
    }

    static String extension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }

    Path file() {
        return file;
    }

    Path folder() {
        return folder;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    /**
     * Unpacks the ZIP into {@code folder/files/<subfolder>/}: every {@code .csv} entry by its file name (folders inside the
     * ZIP are flattened); {@code place} decides the subfolder of an entry from its path, or adds a problem and returns null.
     */
    Path unzip(long maxBytes, ImportProblems problems, java.util.function.BiFunction<String, ImportProblems, String> place) throws IOException {
        Path root = folder.resolve("files");
        Files.createDirectories(root);
        long total = 0;
        int entries = 0;
        String zipName = file.getFileName().toString();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String path = e.getName().replace('\\', '/');
                String base = path.substring(path.lastIndexOf('/') + 1);
                if (e.isDirectory() || path.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty()) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    problems.add(zipName, 0, null, "the ZIP holds more than " + MAX_ZIP_ENTRIES + " files");
                    break;
                }
                if (!extension(base).equals("csv")) {
                    problems.add(zipName + "!" + path, 0, null, "not a CSV file: a ZIP holds the .csv files of one folder");
                    continue;
                }
                String sub = place.apply(path, problems);
                if (sub == null) {
                    continue;
                }
                Path dir = root.resolve(sub).normalize();
                Path target = dir.resolve(safeName(base)).normalize();
                if (!target.startsWith(root)) {
                    problems.add(zipName + "!" + path, 0, null, "entry path leaves the folder");
                    continue;
                }
                if (Files.exists(target)) {
                    problems.add(zipName + "!" + path, 0, null, "a file named " + base + " is in the ZIP twice");
                    continue;
                }
                Files.createDirectories(dir);
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = zip.read(buf)) > 0; ) {
                        total += n;
                        if (total > maxBytes) {
                            throw new TooLarge("the ZIP unpacks to more than " + maxBytes + " bytes (clustergraph.upload.max-size)");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            problems.add(zipName, 0, null, "not a readable ZIP file: " + e.getMessage());
        }
        if (entries == 0 && problems.isEmpty()) {
            problems.add(zipName, 0, null, "the ZIP holds no CSV file");
        }
        return root;
    }
}
