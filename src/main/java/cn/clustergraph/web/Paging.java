package cn.clustergraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ?page=&size=} of a list request, validated: page is 0-based, size is capped at the configured maximum. */
public record Paging(int page, int size) {

    /** Page size defaults and cap ({@code clustergraph.api.*}). */
    @ConfigurationProperties("clustergraph.api")
    public record Settings(@DefaultValue("50") int defaultPageSize, @DefaultValue("200") int maxPageSize) {
    }

    public static Paging of(Integer page, Integer size, Settings settings) {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new BadRequestException("page", "page must be 0 or more (0-based), not " + p);
        }
        int s = size == null ? settings.defaultPageSize() : size;
        if (s < 1) {
            throw new BadRequestException("size", "size must be at least 1, not " + s);
        }
        return new Paging(p, Math.min(s, settings.maxPageSize()));
    }

    public long skip() {
        return (long) page * size;
    }
}
