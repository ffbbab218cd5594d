package cn.clustergraph.csv;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where import files are read from: a directory on disk, or the {@code import/} folder bundled in the jar. */
public sealed interface ImportSource {

    /** Bytes of {@code relative} (e.g. {@code programme/tasks.csv}), or null when the file does not exist. */
    byte[] read(String relative);

    String describe();

    static ImportSource of(String dir) {
        return dir == null || dir.isBlank() ? new Bundled() : new Directory(Path.of(dir));
    }

    /** The data shipped in the jar (the repository's {@code import/} folder). */
    record Bundled() implements ImportSource {
        @Override
        public byte[] read(String relative) {
            ClassPathResource r = new ClassPathResource("import/" + relative);
            if (!r.exists()) {
                return null;
            }
            try (InputStream in = r.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read bundled import/" + relative, e);
            }
        }

        @Override
        public String describe() {
            return "bundled import/";
        }
    }

    /** {@code top}'s files where it has them, {@code base}'s otherwise (an upload of some files over the current data). */
    record Layered(ImportSource top, ImportSource base) implements ImportSource {
        @Override
        public byte[] read(String relative) {
            byte[] b = top.read(relative);
            return b != null ? b : base.read(relative);
        }

        @Override
        public String describe() {
            return top.describe() + " over " + base.describe();
        }
    }

    /** A folder with the same layout as {@code import/}. */
    record Directory(Path root) implements ImportSource {
        @Override
        public byte[] read(String relative) {
            Path p = root.resolve(relative);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + p, e);
            }
        }

        @Override
        public String describe() {
            return root.toAbsolutePath().toString();
        }
    }
}
