package cn.clustergraph.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded files wait for confirmation and how big they may be ({@code clustergraph.upload.*}).
 *
 * @param dir     staging folder; empty = {@code uploads/} next to the embedded store's folder (e.g. {@code data/uploads})
 * @param maxSize largest file accepted (the multipart limits {@code spring.servlet.multipart.*} follow the same setting)
 * @param keep    how many uploads the list remembers (older ones are forgotten, their staged files deleted)
 */
@ConfigurationProperties("clustergraph.upload")
record UploadProperties(@DefaultValue("") String dir, @DefaultValue("100MB") DataSize maxSize, @DefaultValue("50") int keep) {
}
