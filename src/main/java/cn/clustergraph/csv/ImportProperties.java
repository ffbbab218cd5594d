package cn.clustergraph.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data comes from and when it is loaded ({@code clustergraph.import.*}).
 *
 * @param dir       folder with the {@code import/} layout; empty = the data bundled in the jar
 * @param onStartup {@code if-empty} (load the programme when the graph has none), {@code always}, or {@code never}
 */
@ConfigurationProperties("clustergraph.import")
public record ImportProperties(@DefaultValue("") String dir, @DefaultValue("if-empty") String onStartup) {

    public ImportSource source() {
        return ImportSource.of(dir);
    }

    /**
     * Applies {@code on-startup} to one data set: {@code load} it, or say why not. Shared by every startup loader that
     * follows this setting, so they agree on its values.
     */
    public String loadOnStartup(java.util.function.BooleanSupplier isLoaded, java.util.function.Function<ImportSource, String> load) {
        return switch (onStartup) {
            case "never" -> "skipped (clustergraph.import.on-startup=never)";
            case "always" -> load.apply(source());
            case "if-empty" -> isLoaded.getAsBoolean() ? "already loaded" : load.apply(source());
            default -> throw new IllegalStateException("clustergraph.import.on-startup must be if-empty, always or never, not '"
                    + onStartup + "'");
        };
    }
}
