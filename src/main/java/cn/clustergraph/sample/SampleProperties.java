package cn.clustergraph.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fictional sample register ({@code clustergraph.sample.*}).
 *
 * @param enabled load {@code import/sample/} at startup when no sample is loaded yet (default true, so a first start is
 *                useful at once); false never loads it (an already loaded sample stays until {@code remove-register})
 * @param folder  folder of the import source holding the sample register
 */
@ConfigurationProperties("clustergraph.sample")
public record SampleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("sample") String folder) {
}
