package cn.clustergraph.upload;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an upload replaces: a register (enterprises …), the programme files ({@code programme/}) or the chain maps ({@code chains/}). */
enum UploadKind {
    REGISTER("register", null),
    PROGRAMME("programme", "programme"),
    CHAIN_MAP("chain-map", "chains");

    private final String wire;
    private final String folder;

    UploadKind(String wire, String folder) {
        this.wire = wire;
        this.folder = folder;
    }

    /** The name in the API ({@code register}, {@code programme}, {@code chain-map}). */
    String wire() {
        return wire;
    }

    /** The folder of the {@code import/} layout this kind's files belong in (null for registers: any file name). */
    String folder() {
        return folder;
    }

    static Optional<UploadKind> of(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.wire.equals(v)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(UploadKind::wire).toList());
    }
}
