package cn.clustergraph.search;

import cn.clustergraph.web.DataNotice;

import java.util.List;
import java.util.Map;

public final class SearchRecords {

    private SearchRecords() {
    }

    /**
     * One hit. {@code matched}: {@code name} / {@code id} (exact), {@code alias} (exact alias or short name),
     * {@code contains} (name or alias contains the text), {@code full-text} (cjk bigram match on name, aliases, content).
     * {@code why} is the reason in English words; {@code reason} the same as a code ({@code name}, {@code id}, {@code alias},
     * {@code nameEn}, {@code nameContains}, {@code aliasContains}, {@code contentContains}, {@code fullText}) with its
     * {@code reasonParams} ({@code q}, and {@code name}, {@code alias} or {@code nameEn}), which the UI renders in its language.
     */
    public record Hit(String kind, String id, String name, String matched, String why, String reason, Map<String, String> reasonParams,
                      double score, boolean assumed, boolean sample) {
    }

    public record Result(String q, List<Hit> items, DataNotice dataNotice) {
    }
}
