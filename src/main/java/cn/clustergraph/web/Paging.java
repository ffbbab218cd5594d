package cn.clustergraph.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ?page=&size=} of a list request, validated: page is 0-based, size at most the configured maximum. A larger size is
 * refused (400 naming {@code size} and the maximum) rather than silently cut: a client that asked for 1000 rows and got 200
 * would take them for all of them, while the refusal cannot be missed and every list answers the same way.
 */
public record Paging(int page, int size) {

    /** Page size defaults and cap ({@code clustergraph.api.*}). */
    @ConfigurationProperties("clustergraph.api")
    public record Settings(@DefaultValue("50") int defaultPageSize, @DefaultValue("200") int maxPageSize) {
    }

    public static Paging of(Integer page, Integer size, Settings settings) {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new BadRequestException("page", "page 须为 0 或更大（从 0 开始），不能是 " + p, "page must be 0 or more (0-based), not " + p);
        }
        int s = size == null ? settings.defaultPageSize() : size;
        if (s < 1) {
            throw new BadRequestException("size", "size 至少为 1，不能是 " + s, "size must be at least 1, not " + s);
        }
        return new Paging(p, checkSize(s, settings.maxPageSize()));
    }

    /** The page size if it is at most {@code max}; else 400 naming {@code size} and the maximum (the one rule for every list). */
    public static int checkSize(int size, int max) {
        if (size > max) {
            throw new BadRequestException("size", "size 最大为 " + max + "，不能是 " + size + "（更多结果请翻页：page=1, 2, …）",
                    "size must be at most " + max + ", not " + size + " (page through larger results with page=1, 2, …)");
        }
        return size;
    }

    public long skip() {
        return (long) page * size;
    }
}
