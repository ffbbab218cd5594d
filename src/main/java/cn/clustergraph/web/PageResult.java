package cn.clustergraph.web;

import java.util.List;

/**
 * One page of a list: {@code page} is 0-based, {@code size} the page size used (at most {@code clustergraph.api.max-page-size}),
 * {@code total} all matching items, {@code dataNotice} the sample banner (null when no item is sample data).
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean hasNext, DataNotice dataNotice) {
}
