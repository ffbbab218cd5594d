package cn.clustergraph.neo4j;

import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Generated secrets (the first admin password, the embedded Bolt password) kept in files only their owner may read,
 * inside the embedded store's folder ({@code data/neo4j} by default), or {@code ./data} with an external Neo4j.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** Where the app keeps its generated secrets under these settings. */
    public static Path folder(Environment env) {
        if (EmbeddedModeCondition.embedded(env)) {
            return Path.of(env.getProperty("clustergraph.neo4j.embedded.data-dir", "data/neo4j")).toAbsolutePath().normalize();
        }
        return Path.of("data").toAbsolutePath().normalize();
    }

    /** A random password of 24 URL-safe characters. */
    public static String randomPassword() {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes the file readable and writable by its owner only (rw-------; created with those rights, never wider). */
    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Files.deleteIfExists(file);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
