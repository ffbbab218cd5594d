package cn.clustergraph.importer;

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
}
