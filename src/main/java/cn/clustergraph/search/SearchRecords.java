package cn.clustergraph.search;

import cn.clustergraph.web.DataNotice;

import java.util.List;

public final class SearchRecords {

    private SearchRecords() {
    }

    /**
     * One hit. {@code matched}: {@code name} / {@code id} (exact), {@code alias} (exact alias or short name),
     * {@code contains} (name or alias contains the text), {@code full-text} (cjk bigram match on name, aliases, content).
     */
    public record Hit(String kind, String id, String name, String matched, String why, double score, boolean assumed, boolean sample) {
    }

    public record Result(String q, List<Hit> items, DataNotice dataNotice) {
    }
}
